using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;

namespace Training.Service.Tests.Domain;

/// <summary>Every pair of states, legal and illegal, for both kinds of target, against DOMAIN.md written out again here.</summary>
public sealed class NominationStateMachineTests
{
    private static readonly string[] SessionMoves =
    [
        "Submitted>Confirmed", "Submitted>Waitlisted", "Submitted>Rejected", "Waitlisted>Confirmed",
        "Rejected>Submitted", "Submitted>Withdrawn", "Confirmed>Withdrawn", "Waitlisted>Withdrawn",
        "Submitted>Cancelled", "Confirmed>Cancelled", "Waitlisted>Cancelled", "Confirmed>Completed", "Confirmed>NoShow",
    ];

    private static readonly string[] RequestMoves =
    [
        "Submitted>Shortlisted", "Submitted>Rejected", "Shortlisted>Selected", "Shortlisted>Rejected", "Selected>Cleared",
        "Selected>Rejected", "Cleared>Deployed", "Submitted>Withdrawn", "Shortlisted>Withdrawn", "Selected>Withdrawn",
        "Cleared>Withdrawn", "Submitted>Cancelled", "Shortlisted>Cancelled", "Selected>Cancelled", "Cleared>Cancelled",
    ];

    public static TheoryData<TargetKind, NominationState, NominationState> EveryPair()
    {
        var data = new TheoryData<TargetKind, NominationState, NominationState>();
        var states = Enum.GetValues<NominationState>().Where(s => s != NominationState.Unspecified).ToList();
        foreach (var kind in new[] { TargetKind.Session, TargetKind.Request })
            foreach (var from in states)
                foreach (var to in states)
                    data.Add(kind, from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void MoveTo_IsAllowedExactlyForTheMovesOfDomainMd(TargetKind kind, NominationState from, NominationState to)
    {
        var legal = (kind == TargetKind.Session ? SessionMoves : RequestMoves).Contains($"{from}>{to}");
        var nomination = new Nomination { RegionCode = "SN", Id = "n1", Kind = kind, State = from, Revision = 3 };
        var actor = new Actor("accessTokens/admin", "Admin", "NominationService/Test");
        var now = new DateTime(2027, 1, 20, 10, 0, 0, DateTimeKind.Utc);

        if (legal)
        {
            nomination.MoveTo(to, actor, now, "because");
            Assert.Equal(to, nomination.State);
            Assert.Equal(4, nomination.Revision);
            var recorded = Assert.Single(nomination.History);
            Assert.Equal((from, to, "accessTokens/admin", "because", now), (recorded.From, recorded.To, recorded.Actor, recorded.Reason, recorded.Time));
        }
        else
        {
            var error = Assert.Throws<RuleViolationException>(() => nomination.MoveTo(to, actor, now));
            Assert.Equal("ILLEGAL_TRANSITION", error.Reason);
            Assert.Equal(from, nomination.State);
            Assert.Empty(nomination.History);
        }
    }

    [Fact]
    public void Waitlisting_RecordsTheTimeAsThePlaceInTheQueue()
    {
        var nomination = new Nomination { Kind = TargetKind.Session, State = NominationState.Submitted };
        var now = new DateTime(2027, 1, 20, 10, 0, 0, DateTimeKind.Utc);
        nomination.MoveTo(NominationState.Waitlisted, Actor.System("test"), now);
        Assert.Equal(now.Ticks, nomination.WaitlistPosition);
    }
}
