using System.Runtime.CompilerServices;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;
using Unpol.Training.V1;
using Officer = Training.Service.Domain.Roster.Officer;

namespace Training.Service.Api;

/// <summary>
/// One import call's rows, in file order. Each row is validated exactly as CreateOfficer validates an officer, a
/// national police ID seen earlier in the file refuses the row (so nothing is applied twice), and good rows are
/// upserted through <see cref="RosterWorkflow.ImportAsync"/> in batches of <see cref="BatchSize"/>, each batch one
/// transaction. BEST_EFFORT applies a batch as soon as it is full, so memory stays at one batch; ALL_OR_NOTHING
/// holds every good row until the file has ended and applies them only if no row was bad. Yields what to send
/// back: each bad row, progress every <see cref="ProgressEvery"/> rows, and the summary last.
/// </summary>
public sealed class OfficerImport(
    RosterWorkflow roster, IOfficerRepository officers, OfficerMapping mapping, Actor actor, string regionCode, ImportMode mode)
{
    /// <summary>Rows per transaction: large enough to share one commit and log flush, small enough not to hold
    /// the single writer (and every other writer behind it) for long.</summary>
    public const int BatchSize = 500;
    public const int ProgressEvery = 1000;

    private static readonly int PoliceIdColumn = RosterFile.IndexOf("national_police_id");

    private static readonly FieldViolation Anonymised = new("national_police_id",
        "belongs to an officer who was deleted and anonymised; that record can no longer be changed.");

    private readonly Dictionary<string, long> _firstLineOfPoliceId = new(StringComparer.Ordinal);
    private readonly List<(long Line, Officer Draft)> _pending = [];
    private long _read, _created, _updated, _unchanged, _rejected;

    private long Applied => _created + _updated + _unchanged;

    /// <summary>Takes the next row of the file.</summary>
    public async IAsyncEnumerable<ImportOfficersResponse> Add(RosterRow row, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        _read++;
        if (mode == ImportMode.AllOrNothing && _read > RosterFileLimits.MaxAllOrNothingRows)
            throw RosterFileLimits.Exceeded("IMPORT_TOO_MANY_ROWS", "rows",
                $"An ALL_OR_NOTHING import holds at most {RosterFileLimits.MaxAllOrNothingRows:N0} rows; nothing was applied. " +
                "Split the file, or import it BEST_EFFORT.");

        var problems = Check(row, out var draft);
        if (problems.Count > 0)
        {
            _rejected++;
            foreach (var problem in problems) yield return RowError(row.Line, problem, PoliceIdOf(row));
        }
        else
        {
            _pending.Add((row.Line, draft));
            if (mode == ImportMode.BestEffort && _pending.Count == BatchSize)
                await foreach (var answer in ApplyPending(cancellation)) yield return answer;
        }
        if (_read % ProgressEvery == 0) yield return Progress();
    }

    /// <summary>After the last row: applies what is pending (unless ALL_OR_NOTHING refuses the file) and sums up.</summary>
    public async IAsyncEnumerable<ImportOfficersResponse> Finish([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var refused = mode == ImportMode.AllOrNothing && _rejected > 0;
        if (refused) _pending.Clear();
        await foreach (var answer in ApplyPending(cancellation)) yield return answer;
        yield return new ImportOfficersResponse
        {
            Summary = new ImportSummary
            {
                RowsRead = _read,
                Created = _created,
                Updated = _updated,
                Unchanged = _unchanged,
                Rejected = _rejected,
                Applied = !refused,
            },
        };
    }

    /// <summary>Everything wrong with a row; empty when <paramref name="draft"/> is ready to apply.</summary>
    private List<FieldViolation> Check(RosterRow row, out Officer draft)
    {
        var problems = new List<FieldViolation>(row.Problems);
        draft = new Officer();
        if (problems.Count > 0) return problems;

        var proto = RosterFile.ToOfficer(row.Cells, problems);
        var v = new Validator();
        draft = mapping.FromProto(v, "officer", proto, OfficerMapping.WritableFields);
        // A cell that could not be read leaves its field unset: the validator's "is required" would only repeat it.
        var unreadable = problems.Select(p => p.Field).ToHashSet();
        problems.AddRange(v.Violations.Select(RosterFile.Locate).Where(p => !unreadable.Contains(p.Field)));

        var policeId = PoliceIdOf(row);
        if (policeId.Length > 0)
        {
            var key = OfficerKeys.PoliceIdKey(regionCode, policeId);
            if (_firstLineOfPoliceId.TryGetValue(key, out var first))
                problems.Add(new FieldViolation("national_police_id", $"duplicate of line {first}: a national police ID may appear once in a file."));
            else
                _firstLineOfPoliceId[key] = row.Line;
        }
        // ALL_OR_NOTHING must find every bad row before applying any; BEST_EFFORT learns it when applying the batch.
        if (problems.Count == 0 && mode == ImportMode.AllOrNothing
            && officers.FindByNationalPoliceId(regionCode, policeId) is { Anonymized: true })
            problems.Add(Anonymised);
        // In column order, as a reader scans the row, whichever step found the problem.
        return problems.OrderBy(p => RosterFile.IndexOf(p.Field)).ToList();
    }

    /// <summary>Applies the pending rows, <see cref="BatchSize"/> per transaction.</summary>
    private async IAsyncEnumerable<ImportOfficersResponse> ApplyPending([EnumeratorCancellation] CancellationToken cancellation)
    {
        for (var start = 0; start < _pending.Count; start += BatchSize)
        {
            var batch = _pending.GetRange(start, Math.Min(BatchSize, _pending.Count - start));
            var before = Applied;
            var outcomes = await roster.ImportAsync(actor, regionCode, batch.Select(b => b.Draft).ToList(), OfficerDifference.Merge, cancellation);
            for (var i = 0; i < batch.Count; i++)
            {
                switch (outcomes[i])
                {
                    case ImportOutcome.Created: _created++; break;
                    case ImportOutcome.Updated: _updated++; break;
                    case ImportOutcome.Unchanged: _unchanged++; break;
                    case ImportOutcome.Anonymized:
                        // BEST_EFFORT learns it here; ALL_OR_NOTHING checked it, so someone anonymised the officer since.
                        _rejected++;
                        yield return RowError(batch[i].Line, Anonymised, batch[i].Draft.NationalPoliceId);
                        break;
                }
            }
            // While the rows are read, progress follows reading; an ALL_OR_NOTHING file is applied after that.
            if (mode == ImportMode.AllOrNothing && Applied / ProgressEvery > before / ProgressEvery) yield return Progress();
        }
        _pending.Clear();
    }

    private static string PoliceIdOf(RosterRow row) => row.Problems.Count == 0 ? row.Cells[PoliceIdColumn].Trim() : "";

    private ImportOfficersResponse Progress() => new() { Progress = new ImportProgress { RowsRead = _read, RowsApplied = Applied } };

    private static ImportOfficersResponse RowError(long line, FieldViolation problem, string policeId) => new()
    {
        RowError = new ImportRowError { Line = line, Field = problem.Field, Reason = problem.Description, NationalPoliceId = policeId },
    };
}
