using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Screens.Recruitment;

/// <summary>
/// An administrator moving a request along DRAFT → OPEN → CLOSED, or cancelling it: each move asked first, saying what
/// it does; cancelling says which live nominations it cancels (they go with the reason given).
/// </summary>
public static class RequestLifecycle
{
    private static readonly State[] Live = [State.Submitted, State.Shortlisted, State.Selected, State.Cleared];

    public static string? NotApplicable(LifecycleMove move, RecruitmentRequest request)
    {
        var now = RequestText.State(request.State);
        return move switch
        {
            LifecycleMove.Open when request.State != RecruitmentRequest.Types.State.Draft => Strings.Format("RequestLifecycle_OnlyDraftOpened", now),
            LifecycleMove.Close when request.State != RecruitmentRequest.Types.State.Open => Strings.Format("RequestLifecycle_OnlyOpenClosed", now),
            LifecycleMove.Cancel when request.State == RecruitmentRequest.Types.State.Cancelled => Strings.Format("RequestLifecycle_Already", now),
            LifecycleMove.Complete => Strings.Get("RequestLifecycle_NotCompleted"),
            _ => null,
        };
    }

    public static string LiveNominations(IEnumerable<Nomination> nominations)
    {
        var live = nominations.Where(n => Live.Contains(n.State)).ToList();
        if (live.Count == 0) return Strings.Get("RequestLifecycle_NoLive");
        var states = string.Join(", ", Live.Select(s => (State: s, Count: live.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => RequestText.Count(x.State, x.Count)));
        var from = string.Join(", ", live.Select(n => Format.RegionOf(n.Name)).Distinct().Order(StringComparer.Ordinal));
        return live.Count == 1
            ? Strings.Format("RequestLifecycle_LiveOne", live.Count, states, from)
            : Strings.Format("RequestLifecycle_LiveMany", live.Count, states, from);
    }

    public static async Task AskAndMoveAsync(ScreenContext context, CallSlot slot, LifecycleMove move, RecruitmentRequest request,
        IEnumerable<Nomination> nominations, Action<RecruitmentRequest> moved)
    {
        if (NotApplicable(move, request) is { } problem)
        {
            context.Status.ShowError(problem);
            return;
        }
        var what = RequestText.Named(request);
        var reason = "";
        switch (move)
        {
            case LifecycleMove.Open:
                if (!context.Dialogs.Confirm(Strings.Get("RequestLifecycle_OpenTitle"),
                        Strings.Format("RequestLifecycle_OpenQuestion", what, Format.Instant(request.Deadline)),
                        Strings.Get("RequestLifecycle_OpenButton"))) return;
                break;
            case LifecycleMove.Close:
                if (!context.Dialogs.Confirm(Strings.Get("RequestLifecycle_CloseTitle"), Strings.Format("RequestLifecycle_CloseQuestion", what),
                        Strings.Get("RequestLifecycle_CloseButton"))) return;
                break;
            default:
                if (!context.Dialogs.Confirm(Strings.Get("RequestLifecycle_CancelTitle"),
                        Strings.Format("RequestLifecycle_CancelQuestion", what, LiveNominations(nominations)),
                        Strings.Get("RequestLifecycle_CancelTitle"))) return;
                if (context.Dialogs.AskReason(Strings.Get("RequestLifecycle_CancelTitle"), Strings.Get("RequestLifecycle_CancelWhy")) is not { } why) return;
                reason = why;
                break;
        }
        await context.Load(slot,
            ct => context.Client.MoveRequestAsync(move, request, reason, ct),
            result =>
            {
                moved(result);
                context.Status.ShowInfo(move switch
                {
                    LifecycleMove.Open => Strings.Format("RequestLifecycle_Opened", what),
                    LifecycleMove.Close => Strings.Format("RequestLifecycle_Closed", what),
                    _ => Strings.Format("RequestLifecycle_Cancelled", what),
                });
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
                context.Status.ShowError(move switch
                {
                    LifecycleMove.Open => Strings.Format("RequestLifecycle_NotOpened", what, why),
                    LifecycleMove.Close => Strings.Format("RequestLifecycle_NotClosed", what, why),
                    _ => Strings.Format("RequestLifecycle_NotCancelled", what, why),
                });
            });
    }
}
