using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Tests.Domain;

public sealed class SessionLifecycleTests
{
    private static readonly DateOnly LastDay = new(2027, 3, 12);

    [Fact]
    public void Session_MovesFromDraftThroughOpenAndClosedToCompleted()
    {
        var session = SessionIn(SessionState.Draft);

        session.Open();
        Assert.Equal(SessionState.Open, session.State);
        session.Close();
        Assert.Equal(SessionState.Closed, session.State);
        session.Complete(LastDay.AddDays(1));
        Assert.Equal(SessionState.Completed, session.State);
    }

    [Theory]
    [InlineData(SessionState.Draft)]
    [InlineData(SessionState.Open)]
    [InlineData(SessionState.Closed)]
    public void Cancel_FromDraftOpenOrClosed_CancelsWithTheReason(SessionState from)
    {
        var session = SessionIn(from);

        session.Cancel("Venue unavailable");

        Assert.Equal((SessionState.Cancelled, "Venue unavailable"), (session.State, session.CancelReason));
    }

    [Theory]
    [InlineData(SessionState.Open, "open")]
    [InlineData(SessionState.Closed, "open")]
    [InlineData(SessionState.Completed, "open")]
    [InlineData(SessionState.Cancelled, "open")]
    [InlineData(SessionState.Draft, "close")]
    [InlineData(SessionState.Closed, "close")]
    [InlineData(SessionState.Completed, "close")]
    [InlineData(SessionState.Cancelled, "close")]
    [InlineData(SessionState.Draft, "complete")]
    [InlineData(SessionState.Open, "complete")]
    [InlineData(SessionState.Completed, "complete")]
    [InlineData(SessionState.Cancelled, "complete")]
    [InlineData(SessionState.Completed, "cancel")]
    [InlineData(SessionState.Cancelled, "cancel")]
    public void IllegalMove_IsRefusedWithIllegalTransitionAndLeavesTheSessionAsItWas(SessionState from, string move)
    {
        var session = SessionIn(from);

        var error = Assert.Throws<RuleViolationException>(() => Move(session, move));

        Assert.Equal("ILLEGAL_TRANSITION", error.Reason);
        Assert.Equal(session.Name, Assert.Single(error.Violations).Subject);
        Assert.Equal((from, ""), (session.State, session.CancelReason));
    }

    [Fact]
    public void Complete_OnTheLastDay_IsRefusedUntilTheSessionHasEnded()
    {
        var session = SessionIn(SessionState.Closed);

        var error = Assert.Throws<RuleViolationException>(() => session.Complete(LastDay));

        Assert.Equal("SESSION_NOT_ENDED", error.Reason);
        Assert.Equal(SessionState.Closed, session.State);
    }

    [Fact]
    public void ChangeSeats_BelowTheConfirmedCount_IsRefused()
    {
        var session = SessionIn(SessionState.Open);

        var error = Assert.Throws<RuleViolationException>(() => session.ChangeSeats(11, confirmed: 12));

        Assert.Equal("SEATS_BELOW_CONFIRMED", error.Reason);
        Assert.Equal(30, session.Seats);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(50)]
    public void ChangeSeats_DownToOrAboveTheConfirmedCount_IsAccepted(int seats)
    {
        var session = SessionIn(SessionState.Open);

        session.ChangeSeats(seats, confirmed: 12);

        Assert.Equal(seats, session.Seats);
    }

    [Fact]
    public void IsAcceptingNominations_OnlyWhileOpenAndInsideTheWindow()
    {
        var open = SessionIn(SessionState.Open);
        var closed = SessionIn(SessionState.Closed);

        Assert.False(open.IsAcceptingNominations(open.NominationOpenTime.AddTicks(-1)));
        Assert.True(open.IsAcceptingNominations(open.NominationOpenTime));
        Assert.False(open.IsAcceptingNominations(open.NominationCloseTime));
        Assert.False(closed.IsAcceptingNominations(closed.NominationOpenTime));
    }

    private static Session SessionIn(SessionState state) => new()
    {
        CourseId = "cptm",
        Id = "entebbe-march",
        Key = Session.KeyOf("cptm", "entebbe-march"),
        StartDate = new DateOnly(2027, 3, 1),
        EndDate = LastDay,
        Seats = 30,
        NominationOpenTime = new DateTime(2027, 1, 11, 0, 0, 0, DateTimeKind.Utc),
        NominationCloseTime = new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc),
        State = state,
    };

    private static void Move(Session session, string move)
    {
        switch (move)
        {
            case "open": session.Open(); break;
            case "close": session.Close(); break;
            case "complete": session.Complete(LastDay.AddDays(1)); break;
            case "cancel": session.Cancel("Again"); break;
            default: throw new ArgumentOutOfRangeException(nameof(move));
        }
    }
}
