using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Security;
using Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// Import and export as one call each, for callers without streams (HTTP/JSON, low-code tools): the same rows,
/// validation and upsert as the streaming <see cref="ImportOfficers"/> (<see cref="OfficerImport"/>), the same file
/// as <see cref="ExportOfficers"/>, bounded so that one call holds little memory.
/// </summary>
public sealed partial class RosterApi
{
    /// <summary>The media types of the two formats; a charset or other parameter is ignored.</summary>
    public const string CsvMediaType = "text/csv", JsonLinesMediaType = "application/x-ndjson";

    public override async Task<ImportOfficerFileResponse> ImportOfficerFile(ImportOfficerFileRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var cancellation = context.CancellationToken;
        var v = new Validator();
        var region = Names.MemberState(v, "parent", request.Parent);
        if (region is not null) caller.Demand(Right.WriteOfficers, region);
        var mode = v.Enum("mode", request.Mode, required: true);
        var format = FormatOf(v, request.File);
        v.ThrowIfInvalid();
        EnsureMemberState(region!);
        if (request.File.Data.Length > RosterFileLimits.MaxFileCallBytes)
            throw RosterFileLimits.Exceeded("IMPORT_FILE_TOO_LARGE", "file",
                $"ImportOfficerFile takes at most {RosterFileLimits.MaxFileCallBytes / (1024 * 1024)} MiB; nothing was applied. " +
                "Split the file, or stream it with ImportOfficers.");

        // Every row is read before any is applied, so a file over the row limit changes nothing, whatever the mode.
        var rows = new List<RosterRow>();
        using var file = new MemoryStream(request.File.Data.ToByteArray(), writable: false);
        var reader = format == RosterFileFormat.Csv ? RosterCsv.ReadAsync(file, cancellation) : RosterJsonLines.ReadAsync(file, cancellation);
        await foreach (var row in reader)
        {
            if (rows.Count == RosterFileLimits.MaxFileCallRows)
                throw RosterFileLimits.Exceeded("IMPORT_TOO_MANY_ROWS", "rows",
                    $"ImportOfficerFile takes at most {RosterFileLimits.MaxFileCallRows:N0} rows; nothing was applied. " +
                    "Split the file, or stream it with ImportOfficers.");
            rows.Add(row);
        }

        var import = new OfficerImport(roster, officers, mapping, Actor(caller, context), region!, mode);
        var response = new ImportOfficerFileResponse();
        void Note(ImportOfficersResponse answer)
        {
            if (answer.EventCase == ImportOfficersResponse.EventOneofCase.RowError && response.RowErrors.Count < RosterFileLimits.MaxListedRowErrors)
                response.RowErrors.Add(answer.RowError);
            else if (answer.EventCase == ImportOfficersResponse.EventOneofCase.Summary)
                response.Summary = answer.Summary;
        }
        foreach (var row in rows)
        {
            await foreach (var answer in import.Add(row, cancellation)) Note(answer);
        }
        await foreach (var answer in import.Finish(cancellation)) Note(answer);
        return response;
    }

    public override Task<HttpBody> ExportOfficerFile(ExportOfficerFileRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var region = Names.MemberState(v, "parent", request.Parent);
        if (region is not null) caller.Demand(Right.ReadOfficers, region);
        var format = v.Enum("format", request.Format, required: false);
        v.ThrowIfInvalid();
        EnsureMemberState(region!);
        if (format == RosterFileFormat.Unspecified) format = RosterFileFormat.Csv;

        using var file = RosterFileWriter.For(format);
        using var content = new MemoryStream();
        string? after = null;
        do
        {
            var page = officers.List([region!], new PageRequest(MaxPageSize, after));
            // As ExportOfficers: anonymised records are kept only for figures, not as roster candidates.
            foreach (var officer in page.Items.Where(o => !o.Anonymized)) file.Write(RosterFile.ToCells(OfficerMapping.ToProto(officer)));
            file.TakeChunk().WriteTo(content);
            after = page.NextAfterKey;
        }
        while (after is not null);

        // Over HTTP the body is a download named after the Member State, e.g. roster-SN.csv.
        var extension = format == RosterFileFormat.Csv ? "csv" : "jsonl";
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"roster-{region}.{extension}\"";
        return Task.FromResult(new HttpBody
        {
            ContentType = (format == RosterFileFormat.Csv ? CsvMediaType : JsonLinesMediaType) + "; charset=utf-8",
            Data = ByteString.CopyFrom(content.GetBuffer(), 0, (int)content.Length),
        });
    }

    private static RosterFileFormat FormatOf(Validator v, HttpBody? file)
    {
        if (file is null)
        {
            v.Add("file", "is required: the roster file, with its content type.");
            return RosterFileFormat.Unspecified;
        }
        var mediaType = file.ContentType.Split(';')[0].Trim();
        if (mediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)) return RosterFileFormat.Csv;
        if (mediaType.Equals(JsonLinesMediaType, StringComparison.OrdinalIgnoreCase)) return RosterFileFormat.JsonLines;
        v.Add("file.content_type", $"must be {CsvMediaType} or {JsonLinesMediaType}" +
            (mediaType.Length == 0 ? "." : $", not {mediaType}."));
        return RosterFileFormat.Unspecified;
    }
}
