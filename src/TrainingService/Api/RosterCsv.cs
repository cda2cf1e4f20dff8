using System.Runtime.CompilerServices;
using CsvHelper;
using Training.Service.Domain.Common;

namespace Training.Service.Api;

/// <summary>
/// Roster files as CSV (RFC 4180, UTF-8, a header row naming the columns in any order), read and written with
/// CsvHelper. The separator is always a comma: list cells use ";" themselves, so guessing it could misread a file.
/// </summary>
public static class RosterCsv
{
    /// <summary>
    /// The data rows of a CSV file, read as the bytes arrive. A header naming an unknown column, a column twice or
    /// missing a required one refuses the whole file before any row (INVALID_ARGUMENT); an empty file has no rows.
    /// </summary>
    public static async IAsyncEnumerable<RosterRow> ReadAsync(Stream file, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // CsvHelper reports bad quoting while it scans, possibly ahead of the record it returns: keyed by line.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MaxRecordSize = RosterFileLimits.MaxRowBytes,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, record.Reason),
        };
        await using var csv = CsvReader.Create(file, options, leaveOpen: true);
        await AsBadInput(async () =>
        {
            await csv.ReadHeaderAsync(cancellation);
            return true;
        });
        if (csv.Headers.Count == 0) yield break;
        var columns = ColumnsOf(csv.Headers);

        while (await AsBadInput(() => csv.ReadAsync(cancellation)))
        {
            var cells = new string[RosterFile.Columns.Count];
            Array.Fill(cells, "");
            var problems = new List<FieldViolation>();
            if (malformed.Remove(csv.LineNumber, out var reason)) problems.Add(new FieldViolation("", Describe(reason)));
            if (csv.FieldCount != columns.Length)
                problems.Add(new FieldViolation("", $"has {csv.FieldCount} fields where the header has {columns.Length}."));
            else
                for (var i = 0; i < columns.Length; i++) cells[columns[i]] = SpreadsheetFormulas.Restore(csv.GetString(i));
            yield return new RosterRow(csv.LineNumber, cells, problems);
        }
    }

    /// <summary>For each field of a record, the index of its column in <see cref="RosterFile.Columns"/>.</summary>
    private static int[] ColumnsOf(IReadOnlyList<string> headers)
    {
        var v = new Validator();
        var columns = headers.Select(RosterFile.IndexOf).ToArray();
        for (var i = 0; i < headers.Count; i++)
        {
            if (columns[i] < 0)
                v.Add("header", $"\"{headers[i]}\" is not a column; the columns are {string.Join(", ", RosterFile.Columns)}.");
            else if (Array.IndexOf(columns, columns[i]) < i)
                v.Add("header", $"{RosterFile.Columns[columns[i]]} is named twice.");
        }
        foreach (var required in RosterFile.RequiredColumns.Where(r => !columns.Contains(RosterFile.IndexOf(r))))
            v.Add("header", $"{required} is required.");
        v.ThrowIfInvalid();
        return columns;
    }

    /// <summary>A file CsvHelper cannot read on (a record larger than the limit: surely an unclosed quote) is bad input.</summary>
    private static async Task<T> AsBadInput<T>(Func<ValueTask<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidInputException("chunk", $"line {e.LineNumber}: {e.Message}");
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "has a quote inside an unquoted field; quote the field and double its quotes (RFC 4180).",
        CsvMalformedReason.TextAfterClosingQuote => "has text after the closing quote of a field.",
        CsvMalformedReason.UnterminatedQuote => "opens a quoted field that is never closed.",
        _ => $"is malformed ({reason}).",
    };
}

/// <summary>
/// Exported rows as CSV: the header, then one record per officer, CRLF line ends (RFC 4180), cells that a spreadsheet
/// would run as formulas neutralised (<see cref="SpreadsheetFormulas"/>).
/// </summary>
public sealed class RosterCsvWriter : RosterFileWriter
{
    private readonly CsvWriter _csv;

    public RosterCsvWriter()
    {
        _csv = CsvWriter.Create(Buffer, CsvWriterOptions.Default, leaveOpen: true);
        _csv.WriteHeader(RosterFile.Columns.ToArray());
        _csv.Flush();
    }

    public override void Write(IReadOnlyList<string> cells)
    {
        _csv.WriteRecord(cells.Select(SpreadsheetFormulas.Neutralise).ToArray());
        _csv.Flush();
    }

    public override void Dispose()
    {
        _csv.Dispose();
        base.Dispose();
    }
}
