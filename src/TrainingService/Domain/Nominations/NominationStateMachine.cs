namespace Training.Service.Domain.Nominations;

/// <summary>The legal moves of DOMAIN.md, one table per kind of target.</summary>
public static class NominationStateMachine
{
    private static readonly HashSet<(NominationState, NominationState)> SessionMoves =
    [
        (NominationState.Submitted, NominationState.Confirmed),
        (NominationState.Submitted, NominationState.Waitlisted),
        (NominationState.Submitted, NominationState.Rejected),
        (NominationState.Waitlisted, NominationState.Confirmed),
        (NominationState.Rejected, NominationState.Submitted),
        (NominationState.Submitted, NominationState.Withdrawn),
        (NominationState.Confirmed, NominationState.Withdrawn),
        (NominationState.Waitlisted, NominationState.Withdrawn),
        (NominationState.Submitted, NominationState.Cancelled),
        (NominationState.Confirmed, NominationState.Cancelled),
        (NominationState.Waitlisted, NominationState.Cancelled),
        (NominationState.Confirmed, NominationState.Completed),
        (NominationState.Confirmed, NominationState.NoShow),
    ];

    private static readonly HashSet<(NominationState, NominationState)> RequestMoves =
    [
        (NominationState.Submitted, NominationState.Shortlisted),
        (NominationState.Submitted, NominationState.Rejected),
        (NominationState.Shortlisted, NominationState.Selected),
        (NominationState.Shortlisted, NominationState.Rejected),
        (NominationState.Selected, NominationState.Cleared),
        (NominationState.Selected, NominationState.Rejected),
        (NominationState.Cleared, NominationState.Deployed),
        (NominationState.Submitted, NominationState.Withdrawn),
        (NominationState.Shortlisted, NominationState.Withdrawn),
        (NominationState.Selected, NominationState.Withdrawn),
        (NominationState.Cleared, NominationState.Withdrawn),
        (NominationState.Submitted, NominationState.Cancelled),
        (NominationState.Shortlisted, NominationState.Cancelled),
        (NominationState.Selected, NominationState.Cancelled),
        (NominationState.Cleared, NominationState.Cancelled),
    ];

    public static bool Allows(TargetKind kind, NominationState from, NominationState to) =>
        (kind == TargetKind.Session ? SessionMoves : RequestMoves).Contains((from, to));

    /// <summary>Every state a nomination of this kind can be in, for exhaustive tests.</summary>
    public static IEnumerable<NominationState> StatesOf(TargetKind kind) =>
        (kind == TargetKind.Session ? SessionMoves : RequestMoves).SelectMany(m => new[] { m.Item1, m.Item2 }).Distinct();
}
