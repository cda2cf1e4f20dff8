using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Security;
using Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Roster import and export: the file format is <see cref="RosterFile"/>'s, the import's bookkeeping <see cref="OfficerImport"/>'s.</summary>
public sealed partial class RosterApi
{
    public override async Task ImportOfficers(IAsyncStreamReader<ImportOfficersRequest> requestStream,
        IServerStreamWriter<ImportOfficersResponse> responseStream, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var cancellation = context.CancellationToken;
        var settings = await requestStream.MoveNext(cancellation) ? requestStream.Current.Settings : null;
        if (settings is null) throw new InvalidInputException("settings", "must be the first message of the stream, before any chunk.");
        var v = new Validator();
        var region = Names.MemberState(v, "settings.parent", settings.Parent);
        if (region is not null) caller.Demand(Right.WriteOfficers, region);
        var format = v.Enum("settings.format", settings.Format, required: true);
        var mode = v.Enum("settings.mode", settings.Mode, required: true);
        v.ThrowIfInvalid();
        EnsureMemberState(region!);

        var import = new OfficerImport(roster, officers, mapping, Actor(caller, context), region!, mode);
        await using var file = new ImportChunkStream(requestStream, cancellation);
        var rows = format == RosterFileFormat.Csv
            ? RosterCsv.ReadAsync(file, cancellation)
            : RosterJsonLines.ReadAsync(file, cancellation);
        await foreach (var row in rows)
        {
            await foreach (var answer in import.Add(row, cancellation)) await responseStream.WriteAsync(answer, cancellation);
        }
        await foreach (var answer in import.Finish(cancellation))
        {
            if (answer.Summary is { } summary) metrics.ImportFinished(summary);
            await responseStream.WriteAsync(answer, cancellation);
        }
    }

    public override async Task ExportOfficers(ExportOfficersRequest request, IServerStreamWriter<ExportOfficersResponse> responseStream,
        ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var region = Names.MemberState(v, "parent", request.Parent);
        if (region is not null) caller.Demand(Right.ReadOfficers, region);
        var format = v.Enum("format", request.Format, required: true);
        v.ThrowIfInvalid();
        EnsureMemberState(region!);

        using var file = RosterFileWriter.For(format);
        var rows = 0L;
        string? after = null;
        do
        {
            var page = officers.List([region!], new PageRequest(MaxPageSize, after));
            // Anonymised records are kept only for figures: they are no longer roster candidates, and their erased
            // names would not import back.
            foreach (var officer in page.Items.Where(o => !o.Anonymized))
            {
                file.Write(RosterFile.ToCells(OfficerMapping.ToProto(officer)));
                rows++;
                if (file.Pending >= RosterFileLimits.ExportChunkBytes)
                    await responseStream.WriteAsync(new ExportOfficersResponse { Chunk = file.TakeChunk(), Rows = rows }, context.CancellationToken);
            }
            after = page.NextAfterKey;
        }
        while (after is not null);
        if (file.Pending > 0)
            await responseStream.WriteAsync(new ExportOfficersResponse { Chunk = file.TakeChunk(), Rows = rows }, context.CancellationToken);
    }
}
