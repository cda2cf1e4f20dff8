using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Training.Service.Domain.Common;

namespace Training.Service.Api;

/// <summary>
/// Roster files as JSON lines: one object per line whose keys are the column names and whose values are the
/// cells as JSON strings (a missing key or null is an empty cell). Blank lines are skipped.
/// </summary>
public static class RosterJsonLines
{
    /// <summary>The rows of a JSON-lines file, read as the bytes arrive; a line is numbered from 1.</summary>
    public static async IAsyncEnumerable<RosterRow> ReadAsync(Stream file, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 0L;
        while (await reader.ReadLineAsync(cancellation) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text)) yield return Row(line, text);
        }
    }

    private static RosterRow Row(long line, string text)
    {
        var cells = new string[RosterFile.Columns.Count];
        Array.Fill(cells, "");
        var problems = new List<FieldViolation>();
        if (text.Length > RosterFileLimits.MaxRowBytes)
        {
            problems.Add(new FieldViolation("", $"is longer than {RosterFileLimits.MaxRowBytes / 1024} KiB."));
            return new RosterRow(line, cells, problems);
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                problems.Add(new FieldViolation("", "is not a JSON object."));
            else
                foreach (var property in json.RootElement.EnumerateObject()) Read(property, cells, problems);
        }
        catch (JsonException e)
        {
            problems.Add(new FieldViolation("", $"is not valid JSON: {e.Message}"));
        }
        return new RosterRow(line, cells, problems);
    }

    private static void Read(JsonProperty property, string[] cells, List<FieldViolation> problems)
    {
        var index = RosterFile.IndexOf(property.Name);
        if (index < 0)
            problems.Add(new FieldViolation(property.Name, "is not a column of the roster file (see docs/roster-import.md)."));
        else if (property.Value.ValueKind == JsonValueKind.String)
            cells[index] = property.Value.GetString()!;
        else if (property.Value.ValueKind != JsonValueKind.Null)
            problems.Add(new FieldViolation(RosterFile.Columns[index], "must be a JSON string, e.g. \"2027-03-01\"."));
    }
}

/// <summary>Exported rows as JSON lines; empty cells are left out, which reads back the same.</summary>
public sealed class RosterJsonLinesWriter : RosterFileWriter
{
    // Accented names stay readable in the file; the output is data, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter _json;

    public RosterJsonLinesWriter() => _json = new Utf8JsonWriter(Buffer, Options);

    public override void Write(IReadOnlyList<string> cells)
    {
        _json.WriteStartObject();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Length > 0) _json.WriteString(RosterFile.Columns[i], cells[i]);
        }
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        Buffer.WriteByte((byte)'\n');
    }

    public override void Dispose()
    {
        _json.Dispose();
        base.Dispose();
    }
}
