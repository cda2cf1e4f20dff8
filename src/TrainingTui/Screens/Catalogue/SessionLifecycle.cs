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
        var now = Format.SessionState(state);
        return move switch
        {
            LifecycleMove.Open when state != Session.Types.State.Draft => Strings.Format("Lifecycle_OnlyDraftOpens", now),
            LifecycleMove.Close when state != Session.Types.State.Open => Strings.Format("Lifecycle_OnlyOpenCloses", now),
            LifecycleMove.Complete when state != Session.Types.State.Closed => Strings.Format("Lifecycle_CloseFirst", now),
            LifecycleMove.Complete when Format.Day(session.EndDate) is { } end && today < end =>
                Strings.Format("Lifecycle_NotEnded", Format.Date(session.EndDate)),
            LifecycleMove.Cancel when state is Session.Types.State.Completed or Session.Types.State.Cancelled => Strings.Format("Lifecycle_NoLongerCancelled", now),
            _ => null,
        };
    }

    /// <summary>"7 live nominations — 3 submitted, 2 waitlisted, 2 confirmed — from RW, SN", or that there are none.</summary>
    public static string LiveNominations(Session session, IEnumerable<Nomination> nominations)
    {
        var live = nominations.Where(n => n.Session == session.Name && Live.Contains(n.State)).ToList();
        if (live.Count == 0) return Strings.Get("Lifecycle_NoLive");
        var states = string.Join(", ", Live.Select(s => (State: s, Count: live.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => Counted(x.State, x.Count)));
        var from = string.Join(", ", live.Select(n => Format.RegionOf(n.Name)).Distinct().Order(StringComparer.Ordinal));
        return Format.IsOne(live.Count)
            ? Strings.Format("Lifecycle_LiveOne", live.Count, states, from)
            : Strings.Format("Lifecycle_LiveMany", live.Count, states, from);
    }

    /// <summary>"3 submitted" ("3 soumises": French agrees the state with the count).</summary>
    private static string Counted(State state, int count) => (state, Format.IsOne(count)) switch
    {
        (State.Submitted, true) => Strings.Format("Lifecycle_SubmittedOne", count),
        (State.Submitted, false) => Strings.Format("Lifecycle_SubmittedMany", count),
        (State.Waitlisted, _) => Strings.Format("Lifecycle_Waitlisted", count),
        (_, true) => Strings.Format("Lifecycle_ConfirmedOne", count),
        _ => Strings.Format("Lifecycle_ConfirmedMany", count),
    };

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
                if (!context.Dialogs.Confirm(Strings.Get("Lifecycle_OpenTitle"),
                        Strings.Format("Lifecycle_OpenQuestion", what, Format.Instant(session.NominationOpenTime), Format.Instant(session.NominationCloseTime)),
                        Strings.Get("Lifecycle_Open"))) return;
                break;
            case LifecycleMove.Close:
                if (!context.Dialogs.Confirm(Strings.Get("Lifecycle_CloseTitle"), Strings.Format("Lifecycle_CloseQuestion", what),
                        Strings.Get("Lifecycle_Close"))) return;
                break;
            case LifecycleMove.Complete:
                if (!context.Dialogs.Confirm(Strings.Get("Lifecycle_CompleteTitle"), Strings.Format("Lifecycle_CompleteQuestion", what),
                        Strings.Get("Lifecycle_Complete"))) return;
                break;
            case LifecycleMove.Cancel:
                if (!context.Dialogs.Confirm(Strings.Get("Lifecycle_CancelTitle"),
                        Strings.Format("Lifecycle_CancelQuestion", what, LiveNominations(session, nominations)), Strings.Get("Lifecycle_CancelTitle"))) return;
                if (context.Dialogs.AskReason(Strings.Format("Lifecycle_CancelReasonTitle", code), Strings.Get("Lifecycle_CancelReason")) is not { } why) return;
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
                    LifecycleMove.Open => Strings.Format("Lifecycle_Opened", what),
                    LifecycleMove.Close => Strings.Format("Lifecycle_Closed", what),
                    LifecycleMove.Complete => Strings.Format("Lifecycle_Completed", what),
                    _ => Strings.Format("Lifecycle_Cancelled", what),
                });
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
                context.Status.ShowError(move switch
                {
                    LifecycleMove.Open => Strings.Format("Lifecycle_NotOpened", what, why),
                    LifecycleMove.Close => Strings.Format("Lifecycle_NotClosed", what, why),
                    LifecycleMove.Complete => Strings.Format("Lifecycle_NotCompleted", what, why),
                    _ => Strings.Format("Lifecycle_NotCancelled", what, why),
                });
            });
    }
}
