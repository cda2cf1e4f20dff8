using LiteDB;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Nominations, keyed <c>{region}/{id}</c>, indexed by target (a session's whole list: seats, caps, parity),
/// by officer (double booking, deletion) and by creation order within a State and overall (listing).
/// </summary>
public sealed class NominationRepository(TrainingDatabase database, NominationIndex index) : INominationRepository, IOfficerNominationHistory
{
    private ILiteCollection<Nomination> Nominations => database.Nominations;

    public Nomination? Get(string regionCode, string nominationId) => Nominations.FindById($"{regionCode}/{nominationId}");

    private long _lastOrdinal = -1;

    /// <summary>
    /// Inserts with the next creation ordinal, which is also the id: keys then grow within each Member State, so
    /// the primary key alone lists a State's nominations in creation order. Called under the single writer, so ordinals never repeat; a rolled
    /// back insert leaves a gap, which ordering does not mind.
    /// </summary>
    public void Insert(Nomination nomination) => database.Write(() =>
    {
        if (_lastOrdinal < 0) _lastOrdinal = Nominations.Query().OrderByDescending(n => n.Ordinal).Select(n => n.Ordinal).FirstOrDefault();
        nomination.Ordinal = ++_lastOrdinal;
        nomination.Id = Nomination.IdFor(nomination.Ordinal);
        nomination.Key = $"{nomination.RegionCode}/{nomination.Id}";
        Nominations.Insert(nomination);
        index.Stage(NominationSummary.Of(nomination));
    });

    public void Update(Nomination nomination)
    {
        Nominations.Update(nomination);
        index.Stage(NominationSummary.Of(nomination));
    }

    public IReadOnlyList<NominationSummary> ForTarget(TargetKind kind, string targetKey) =>
        index.ForTarget(Nomination.TargetIndexKeyOf(kind, targetKey));

    public IReadOnlyList<NominationSummary> ForOfficer(string regionCode, string officerId) =>
        index.ForOfficer(OfficerKeys.Key(regionCode, officerId));

    public IReadOnlyList<NominationSummary> ForOfficer(Officer officer) =>
        index.ForOfficer(officer.Key.Length > 0 ? officer.Key : OfficerKeys.Key(officer.RegionCode, officer.Id));

    public (int Live, int Any) NominationsOf(string regionCode, string officerId)
    {
        var all = ForOfficer(regionCode, officerId);
        return (all.Count(n => n.IsLive), all.Count);
    }

    /// <summary>
    /// Erases an anonymised officer's name from its nominations and from the stored feed events (kept only for
    /// the retention period, but personal data all the same). Gender stays: parity figures need it.
    /// </summary>
    public void EraseOfficerName(string regionCode, string officerId) => database.Write(() =>
    {
        foreach (var summary in ForOfficer(regionCode, officerId))
        {
            var nomination = Get(summary.RegionCode, summary.Id)!;
            nomination.OfficerDisplayName = Officer.AnonymisedName;
            nomination.Revision++;
            Nominations.Update(nomination);
        }
        var officerKey = OfficerKeys.Key(regionCode, officerId);
        foreach (var change in database.NominationEvents.Find(e => e.RegionCode == regionCode).Where(e => e.Nomination.OfficerKey == officerKey).ToList())
        {
            change.Nomination.OfficerDisplayName = Officer.AnonymisedName;
            database.NominationEvents.Update(change);
        }
    });

    /// <summary>Creation order across States (the ordinal in the id), as a key that sorts as text.</summary>
    private static string Ordinal(NominationSummary summary) =>
        long.Parse(summary.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// With a target or an officer the (small) matching set is read through its index and sorted; otherwise
    /// the creation-order index is read in order and other filters apply while reading, stopping at a full page.
    /// </summary>
    public Page<Nomination> List(NominationFilter filter, PageRequest page)
    {
        var singleRegion = filter.RegionCodes is { Count: 1 } ? filter.RegionCodes.First() : null;
        Func<Nomination, string> key = singleRegion is null ? n => n.CreateKey : n => n.Key;

        IEnumerable<Nomination> ordered;
        if (filter.TargetKey is not null || filter.OfficerKey is not null)
        {
            // The (small) matching set comes from the in-memory index; only the page's documents are read.
            var candidates = filter.TargetKey is not null
                ? ForTarget(filter.Kind ?? TargetKind.Session, filter.TargetKey)
                : index.ForOfficer(filter.OfficerKey!);
            ordered = candidates
                .Where(n => (filter.RegionCodes is null || filter.RegionCodes.Contains(n.RegionCode))
                    && (filter.States is null || filter.States.Contains(n.State)))
                .Select(n => (Summary: n, Key: singleRegion is null ? Ordinal(n) : n.Key))
                .Where(n => page.AfterKey is null || string.CompareOrdinal(n.Key, page.AfterKey) > 0)
                .OrderBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => Get(n.Summary.RegionCode, n.Summary.Id))
                .OfType<Nomination>();
        }
        else
        {
            // Across States the creation ordinal itself is the order (the page key is that ordinal); in one State, the key.
            var afterOrdinal = singleRegion is null && page.AfterKey is not null
                ? long.Parse(page.AfterKey, System.Globalization.CultureInfo.InvariantCulture) : long.MinValue;
            ordered = Keyset.InChunks<Nomination>((last, chunk) => singleRegion is null
                ? Nominations.Query().Where(Filters.Gt("Ordinal", last?.Ordinal ?? afterOrdinal)).OrderBy("Ordinal").Limit(chunk).ToList()
                : Nominations.Query().Where(Filters.Gt("_id", last?.Key ?? page.AfterKey ?? singleRegion + "/")).Where(Filters.Lt("_id", singleRegion + "0"))
                    .OrderBy("_id").Limit(chunk).ToList(), page.Size + 1);
        }

        var filtered = ordered.Where(n =>
            (filter.RegionCodes is null || filter.RegionCodes.Contains(n.RegionCode))
            && (filter.Kind is null || n.Kind == filter.Kind)
            && (filter.TargetKey is null || n.TargetKey == filter.TargetKey)
            && (filter.OfficerKey is null || n.OfficerKey == filter.OfficerKey)
            && (filter.States is null || filter.States.Contains(n.State)));
        return Keyset.Take(filtered, key, page.Size);
    }
}
