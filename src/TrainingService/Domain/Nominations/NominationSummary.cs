using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Nominations;

/// <summary>
/// What the rules, seats and figures need to know of a nomination — its target, officer, state and place in the
/// waitlist — without its history. Small enough to keep every nomination's in memory.
/// </summary>
public sealed record NominationSummary(
    string Key,
    string RegionCode,
    string Id,
    string OfficerId,
    TargetKind Kind,
    string TargetKey,
    NominationState State,
    Gender OfficerGender,
    long WaitlistPosition,
    DateTime CreateTime)
{
    public string OfficerKey => OfficerKeys.Key(RegionCode, OfficerId);

    public string TargetIndexKey => Nomination.TargetIndexKeyOf(Kind, TargetKey);

    /// <summary>Live nominations count against caps and block a second nomination to the same target.</summary>
    public bool IsLive => Nomination.IsLiveState(State);

    public static NominationSummary Of(Nomination nomination) => new(
        nomination.Key, nomination.RegionCode, nomination.Id, nomination.OfficerId, nomination.Kind, nomination.TargetKey, nomination.State,
        nomination.OfficerGender, nomination.WaitlistPosition, nomination.CreateTime);
}
