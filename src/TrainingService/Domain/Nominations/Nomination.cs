using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Nominations;

/// <summary>New values may be added, as in the API.</summary>
public enum NominationState
{
    Unspecified = 0, Submitted = 1, Confirmed = 2, Waitlisted = 3, Rejected = 4, Withdrawn = 5, Cancelled = 6,
    Completed = 7, NoShow = 8, Shortlisted = 9, Selected = 10, Cleared = 11, Deployed = 12,
}

public enum CourseResult { Unspecified = 0, Passed = 1, Failed = 2 }

public enum TargetKind { Session = 1, Request = 2 }

/// <summary>One move of a nomination, kept forever on the nomination.</summary>
public sealed class NominationTransition
{
    public NominationState From { get; set; }
    public NominationState To { get; set; }
    public DateTime Time { get; set; }
    public string Actor { get; set; } = "";
    public string ActorDisplayName { get; set; } = "";
    public string Reason { get; set; } = "";
    public bool Automatic { get; set; }
}

/// <summary>The nomination of one officer to one course session or recruitment request.</summary>
public sealed class Nomination
{
    /// <summary>Storage key, <c>{region_code}/{nomination_id}</c>.</summary>
    public string Key { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Id { get; set; } = "";
    public string OfficerId { get; set; } = "";
    public TargetKind Kind { get; set; }
    /// <summary>The session's key (<c>{course_id}/{session_id}</c>) or the request's id.</summary>
    public string TargetKey { get; set; } = "";
    public NominationState State { get; set; }
    public CourseResult Result { get; set; }
    public List<EligibilityFinding> Warnings { get; set; } = [];
    public List<NominationTransition> History { get; set; } = [];
    public string OfficerDisplayName { get; set; } = "";
    public Gender OfficerGender { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public long Revision { get; set; }
    /// <summary>Place in the waitlist (first in, first out): the time it joined, as ticks.</summary>
    public long WaitlistPosition { get; set; }

    public string Name => ResourceNames.Nomination(RegionCode, Id);

    public string OfficerKey => OfficerKeys.Key(RegionCode, OfficerId);

    public string OfficerName => ResourceNames.Officer(RegionCode, OfficerId);

    /// <summary>Creation order, assigned by storage: two nominations made in the same millisecond still keep theirs.</summary>
    public long Ordinal { get; set; }

    /// <summary>Creation order across States: the keyset for listing all nominations.</summary>
    public string CreateKey => Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id of the nomination created <paramref name="ordinal"/>-th: ids sort in creation order.</summary>
    public static string IdFor(long ordinal) => $"n{ordinal:D10}";

    /// <summary>Index key of the target: a session and a request may share an id.</summary>
    public string TargetIndexKey => TargetIndexKeyOf(Kind, TargetKey);

    public static string TargetIndexKeyOf(TargetKind kind, string targetKey) => $"{(int)kind}:{targetKey}";

    public string TargetName => Kind == TargetKind.Session
        ? ResourceNames.Session(TargetKey.Split('/')[0], TargetKey.Split('/')[1])
        : ResourceNames.Request(TargetKey);

    /// <summary>Live nominations count against caps and block a second nomination to the same target.</summary>
    public bool IsLive => IsLiveState(State);

    public static bool IsLiveState(NominationState state) => state is NominationState.Submitted or NominationState.Confirmed
        or NominationState.Waitlisted or NominationState.Shortlisted or NominationState.Selected or NominationState.Cleared;

    /// <summary>Moves to <paramref name="to"/> if the state machine allows it, recording who, when and why.</summary>
    public void MoveTo(NominationState to, Actor actor, DateTime now, string reason = "", bool automatic = false)
    {
        if (!NominationStateMachine.Allows(Kind, State, to))
            throw new RuleViolationException("ILLEGAL_TRANSITION", Name,
                $"A nomination that is {Show(State)} cannot become {Show(to)}.");
        History.Add(new NominationTransition
        {
            From = State,
            To = to,
            Time = now,
            Actor = actor.Name,
            ActorDisplayName = actor.DisplayName,
            Reason = reason,
            Automatic = automatic,
        });
        State = to;
        if (to == NominationState.Waitlisted) WaitlistPosition = now.Ticks;
        UpdateTime = now;
        Revision++;
    }

    public static string Show(NominationState state) => state switch
    {
        NominationState.NoShow => "NO_SHOW",
        _ => state.ToString().ToUpperInvariant(),
    };
}
