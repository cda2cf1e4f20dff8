using System.Collections.Concurrent;
using Training.Service.Domain.Nominations;

namespace Training.Service.Storage;

/// <summary>
/// Every nomination's <see cref="NominationSummary"/>, by target and by officer, in memory: seats, caps, double
/// booking and parity are decided on every submission and confirmation, and reading a session's whole list of
/// documents each time made a race for seats cost seconds.
/// <para>
/// Readers see only committed nominations: a change stages what it writes, the single writer reads its own
/// transaction's staging over the committed view, and the staging is published once the transaction commits (or
/// forgotten when it is undone: the next transaction starts from a clean stage).
/// </para>
/// </summary>
public sealed class NominationIndex
{
    private readonly TrainingDatabase _database;
    private readonly ConcurrentDictionary<string, NominationSummary[]> _byTarget = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NominationSummary[]> _byOfficer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NominationSummary> _staged = new(StringComparer.Ordinal);
    private long _stagedIn = -1;

    public NominationIndex(TrainingDatabase database)
    {
        _database = database;
        // The host builds this before it takes any call, so no change can commit while it loads.
        var all = database.ReadInChunks(database.Nominations).Select(NominationSummary.Of).OrderBy(s => s.CreateTime).ToList();
        foreach (var group in all.GroupBy(s => s.TargetIndexKey)) _byTarget[group.Key] = [.. group];
        foreach (var group in all.GroupBy(s => s.OfficerKey)) _byOfficer[group.Key] = [.. group];
    }

    /// <summary>Every nomination to one target (see <see cref="Nomination.TargetIndexKeyOf"/>), oldest first.</summary>
    public IReadOnlyList<NominationSummary> ForTarget(string targetIndexKey) =>
        WithStaged(_byTarget.GetValueOrDefault(targetIndexKey, []), s => s.TargetIndexKey == targetIndexKey);

    /// <summary>Every nomination of one officer (<c>{region}/{id}</c>), oldest first.</summary>
    public IReadOnlyList<NominationSummary> ForOfficer(string officerKey) =>
        WithStaged(_byOfficer.GetValueOrDefault(officerKey, []), s => s.OfficerKey == officerKey);

    /// <summary>Called by the repository with what a change writes: seen by the writer at once, by everyone once committed.</summary>
    public void Stage(NominationSummary summary)
    {
        if (!_database.InWriter) throw new InvalidOperationException("Nominations change only inside the single writer.");
        CurrentStage()[summary.Key] = summary;
        _database.AfterCommit(() => Publish(summary));
    }

    private IReadOnlyList<NominationSummary> WithStaged(NominationSummary[] committed, Func<NominationSummary, bool> belongs)
    {
        if (!_database.InWriter) return committed;
        var stage = CurrentStage();
        if (stage.Count == 0) return committed;
        List<NominationSummary>? merged = null;
        foreach (var staged in stage.Values)
        {
            if (!belongs(staged)) continue;
            merged ??= [.. committed];
            var at = merged.FindIndex(s => s.Key == staged.Key);
            if (at >= 0) merged[at] = staged;
            else merged.Add(staged);
        }
        return merged ?? (IReadOnlyList<NominationSummary>)committed;
    }

    private Dictionary<string, NominationSummary> CurrentStage()
    {
        var transaction = _database.WriterTransaction;
        if (_stagedIn != transaction)
        {
            _staged.Clear();
            _stagedIn = transaction;
        }
        return _staged;
    }

    /// <summary>Runs on the writer's thread after commit: each touched list is replaced whole, so readers never see half a change.</summary>
    private void Publish(NominationSummary summary)
    {
        Replace(_byTarget, summary.TargetIndexKey, summary);
        Replace(_byOfficer, summary.OfficerKey, summary);
    }

    private static void Replace(ConcurrentDictionary<string, NominationSummary[]> map, string key, NominationSummary summary)
    {
        var list = map.GetValueOrDefault(key, []);
        var at = Array.FindIndex(list, s => s.Key == summary.Key);
        if (at < 0)
        {
            map[key] = [.. list, summary];
            return;
        }
        var updated = (NominationSummary[])list.Clone();
        updated[at] = summary;
        map[key] = updated;
    }
}
