using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// An administrator moving a session along DRAFT → OPEN → CLOSED → COMPLETED, or cancelling it: each move asked
/// first, saying what it does; cancelling says which live nominations it cancels (they go with the reason given).
/// </summary>
public static class SessionLifecycle
{
    private static readonly State[] Live = [State.Submitted, State.Waitlisted, State.Confirmed];

    /// <summary>Why the move cannot apply to the session as it stands, or null when it can.</summary>
    public static string? NotApplicable(LifecycleMove move, Session session, DateOnly today)
    {
        var state = session.State;
        var now = $"The session is {state.ToString().ToLowerInvariant()}";
        return move switch
        {
            LifecycleMove.Open when state != Session.Types.State.Draft => $"{now}: only a draft is opened.",
            LifecycleMove.Close when state != Session.Types.State.Open => $"{now}: only an open session is closed.",
            LifecycleMove.Complete when state != Session.Types.State.Closed => $"{now}: close it first; a closed session is completed once it has ended.",
            LifecycleMove.Complete when Format.Day(session.EndDate) is { } end && today < end =>
                $"The session ends on {Format.Date(session.EndDate)}: it is completed from then.",
            LifecycleMove.Cancel when state is Session.Types.State.Completed or Session.Types.State.Cancelled => $"{now}: it can no longer be cancelled.",
            _ => null,
        };
    }

    /// <summary>"7 live nominations — 3 submitted, 2 waitlisted, 2 confirmed — from RW, SN", or that there are none.</summary>
    public static string LiveNominations(Session session, IEnumerable<Nomination> nominations)
    {
        var live = nominations.Where(n => n.Session == session.Name && Live.Contains(n.State)).ToList();
        if (live.Count == 0) return "It has no live nominations.";
        var states = string.Join(", ", Live.Select(s => (State: s, Count: live.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {Format.State(x.State)}"));
        var from = string.Join(", ", live.Select(n => Format.RegionOf(n.Name)).Distinct().Order(StringComparer.Ordinal));
        return $"Its {live.Count} live nomination{(live.Count == 1 ? "" : "s")} ({states}; from {from}) " +
               $"{(live.Count == 1 ? "is" : "are")} cancelled with your reason, and the focal points see it at once.";
    }

    /// <summary>Asks, then moves the session; <paramref name="moved"/> runs with the session as it now stands.</summary>
    public static async Task AskAndMoveAsync(ScreenContext context, CallSlot slot, LifecycleMove move, Session session, string code,
        IEnumerable<Nomination> nominations, Action<Session> moved)
    {
        if (NotApplicable(move, session, context.Today) is { } problem)
        {
            context.Status.ShowError(problem);
            return;
        }
        var what = $"{code} {Format.Dates(session.StartDate, session.EndDate)} ({session.Venue})";
        var reason = "";
        switch (move)
        {
            case LifecycleMove.Open:
                if (!context.Dialogs.Confirm("Open the session",
                        $"Open {what} for nominations? Member States see it and may nominate from {Format.Instant(session.NominationOpenTime)} " +
                        $"until {Format.Instant(session.NominationCloseTime)}.", "Open")) return;
                break;
            case LifecycleMove.Close:
                if (!context.Dialogs.Confirm("Close the session",
                        $"Close {what}? No more nominations are accepted; decisions and outcomes continue.", "Close")) return;
                break;
            case LifecycleMove.Complete:
                if (!context.Dialogs.Confirm("Complete the session", $"Mark {what} as held and finished?", "Complete")) return;
                break;
            case LifecycleMove.Cancel:
                if (!context.Dialogs.Confirm("Cancel the session",
                        $"Cancel {what}? {LiveNominations(session, nominations)} This cannot be undone.", "Cancel the session")) return;
                if (context.Dialogs.AskReason($"Cancel {code}", "Why is the session cancelled? (every focal point with a nomination reads it)") is not { } why) return;
                reason = why;
                break;
        }
        await context.Load(slot,
            ct => context.Client.MoveSessionAsync(move, session, reason, ct),
            result =>
            {
                moved(result);
                context.Status.ShowInfo(move switch
                {
                    LifecycleMove.Open => $"Opened {what}: Member States may nominate.",
                    LifecycleMove.Close => $"Closed {what} to nominations.",
                    LifecycleMove.Complete => $"Completed {what}.",
                    _ => $"Cancelled {what}.",
                });
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
                context.Status.ShowError($"{what} was not {Past(move)}: {why}");
            });
    }

    private static string Past(LifecycleMove move) => move switch
    {
        LifecycleMove.Open => "opened",
        LifecycleMove.Close => "closed",
        LifecycleMove.Complete => "completed",
        _ => "cancelled",
    };
}
