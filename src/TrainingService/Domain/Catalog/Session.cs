using Training.Service.Domain.Common;

namespace Training.Service.Domain.Catalog;

public enum SessionState { Unspecified = 0, Draft = 1, Open = 2, Closed = 3, Completed = 4, Cancelled = 5 }

/// <summary>A Member State's share of a session: confirmed-seat quota and live-nomination cap (0: none).</summary>
public sealed class MemberStateAllocation
{
    public string RegionCode { get; set; } = "";
    public int Quota { get; set; }
    public int Cap { get; set; }
}

/// <summary>One dated run of a course.</summary>
public sealed class Session
{
    /// <summary>Storage key, <c>{course_id}/{session_id}</c>.</summary>
    public string Key { get; set; } = "";
    public string CourseId { get; set; } = "";
    public string Id { get; set; } = "";
    public string Venue { get; set; } = "";
    public bool Online { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int Seats { get; set; }
    public int MinimumSeats { get; set; }
    public DateTime NominationOpenTime { get; set; }
    public DateTime NominationCloseTime { get; set; }
    public List<MemberStateAllocation> Allocations { get; set; } = [];
    public string LanguageCode { get; set; } = "";
    public SessionState State { get; set; }
    public string CancelReason { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public long Revision { get; set; }

    /// <summary>Start date then key: the order sessions are listed in.</summary>
    public string StartKey => $"{StartDate.DayNumber:D7}/{Key}";

    public string Name => ResourceNames.Session(CourseId, Id);

    public static string KeyOf(string courseId, string sessionId) => $"{courseId}/{sessionId}";

    public MemberStateAllocation? AllocationFor(string regionCode) =>
        Allocations.FirstOrDefault(a => a.RegionCode == regionCode);

    public bool IsAcceptingNominations(DateTime now) =>
        State == SessionState.Open && now >= NominationOpenTime && now < NominationCloseTime;

    public void Open() => Move(SessionState.Open, SessionState.Draft);

    public void Close() => Move(SessionState.Closed, SessionState.Open);

    public void Complete(DateOnly today)
    {
        if (State != SessionState.Closed) Move(SessionState.Completed, SessionState.Closed);
        if (today <= EndDate)
            throw new RuleViolationException("SESSION_NOT_ENDED", Name,
                $"The session ends on {Dates.Show(EndDate)}; it can be completed only after that day.");
        Move(SessionState.Completed, SessionState.Closed);
    }

    public void Cancel(string reason)
    {
        Move(SessionState.Cancelled, SessionState.Draft, SessionState.Open, SessionState.Closed);
        CancelReason = reason;
    }

    /// <summary>Changes the seat count; it may never drop below the seats already confirmed.</summary>
    public void ChangeSeats(int seats, int confirmed)
    {
        if (seats < confirmed)
            throw new RuleViolationException("SEATS_BELOW_CONFIRMED", Name,
                $"{confirmed} seats are already confirmed; seats cannot be cut to {seats}.");
        Seats = seats;
    }

    private void Move(SessionState to, params SessionState[] from)
    {
        if (!from.Contains(State))
            throw new RuleViolationException("ILLEGAL_TRANSITION", Name,
                $"A session that is {State.ToString().ToUpperInvariant()} cannot become {to.ToString().ToUpperInvariant()}.");
        State = to;
    }
}
