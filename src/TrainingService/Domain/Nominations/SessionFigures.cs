using Training.Service.Domain.Catalog;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Nominations;

/// <summary>Counts for one group of nominations: live, confirmed, waitlisted, submitted, and women among them.</summary>
public sealed record NominationCounts(
    int Nominated, int NominatedWomen, int Confirmed, int ConfirmedWomen, int Waitlisted, int WaitlistedWomen, int Submitted)
{
    public double NominatedWomenShare => Nominated == 0 ? 0 : (double)NominatedWomen / Nominated;
    public double ConfirmedWomenShare => Confirmed == 0 ? 0 : (double)ConfirmedWomen / Confirmed;

    public bool BelowThreshold(double threshold) => Nominated > 0 && NominatedWomenShare < threshold;

    public static NominationCounts Of(IReadOnlyCollection<NominationSummary> nominations)
    {
        var live = nominations.Where(n => n.IsLive).ToList();
        int Women(IEnumerable<NominationSummary> group) => group.Count(n => n.OfficerGender == Gender.Female);
        var confirmed = live.Where(n => n.State == NominationState.Confirmed).ToList();
        var waitlisted = live.Where(n => n.State == NominationState.Waitlisted).ToList();
        return new NominationCounts(
            live.Count, Women(live), confirmed.Count, Women(confirmed), waitlisted.Count, Women(waitlisted),
            live.Count(n => n.State == NominationState.Submitted));
    }
}

public sealed record MemberStateCounts(string RegionCode, NominationCounts Counts, int Quota, int Cap);

/// <summary>
/// Live figures of one session: a separate read, so its etag does not move with every decision.
/// <see cref="Overall"/> covers every Member State, unless <see cref="OtherMemberStatesWithheld"/>: then only the
/// caller's own, because too few other States contribute for their combined figures to hide each one's.
/// </summary>
public sealed record SessionFigures(
    Session Session, int SeatsAvailable, NominationCounts Overall, IReadOnlyList<MemberStateCounts> MemberStates,
    bool OtherMemberStatesWithheld)
{
    /// <summary>
    /// Figures for a caller who sees <paramref name="visibleRegions"/> (null: all). Other States' nominations count in
    /// <see cref="Overall"/> only when at least <paramref name="minimumOtherMemberStates"/> other States have live
    /// nominations; seats left always count every State.
    /// </summary>
    public static SessionFigures Of(Session session, IReadOnlyList<NominationSummary> nominations, IReadOnlyCollection<string>? visibleRegions,
        int minimumOtherMemberStates)
    {
        var everyone = NominationCounts.Of(nominations);
        var otherStates = visibleRegions is null
            ? 0
            : nominations.Where(n => n.IsLive && !visibleRegions.Contains(n.RegionCode)).Select(n => n.RegionCode).Distinct().Count();
        var withheld = otherStates > 0 && otherStates < minimumOtherMemberStates;
        var overall = withheld
            ? NominationCounts.Of(nominations.Where(n => visibleRegions!.Contains(n.RegionCode)).ToList())
            : everyone;
        var perState = nominations
            .Where(n => n.IsLive && (visibleRegions is null || visibleRegions.Contains(n.RegionCode)))
            .GroupBy(n => n.RegionCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var allocation = session.AllocationFor(g.Key);
                return new MemberStateCounts(g.Key, NominationCounts.Of(g.ToList()), allocation?.Quota ?? 0, allocation?.Cap ?? 0);
            })
            .ToList();
        return new SessionFigures(session, Math.Max(0, session.Seats - everyone.Confirmed), overall, perState, withheld);
    }
}
