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
        var now = $"The request is {RequestText.State(request.State)}";
        return move switch
        {
            LifecycleMove.Open when request.State != RecruitmentRequest.Types.State.Draft => $"{now}: only a draft is opened.",
            LifecycleMove.Close when request.State != RecruitmentRequest.Types.State.Open => $"{now}: only an open request is closed.",
            LifecycleMove.Cancel when request.State == RecruitmentRequest.Types.State.Cancelled => $"{now} already.",
            LifecycleMove.Complete => "A request is closed, not completed.",
            _ => null,
        };
    }

    public static string LiveNominations(IEnumerable<Nomination> nominations)
    {
        var live = nominations.Where(n => Live.Contains(n.State)).ToList();
        if (live.Count == 0) return "It has no live nominations.";
        var states = string.Join(", ", Live.Select(s => (State: s, Count: live.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {Format.State(x.State)}"));
        var from = string.Join(", ", live.Select(n => Format.RegionOf(n.Name)).Distinct().Order(StringComparer.Ordinal));
        return $"Its {live.Count} live nomination{(live.Count == 1 ? "" : "s")} ({states}; from {from}) " +
               $"{(live.Count == 1 ? "is" : "are")} cancelled with your reason, and the focal points see it.";
    }

    public static async Task AskAndMoveAsync(ScreenContext context, CallSlot slot, LifecycleMove move, RecruitmentRequest request,
        IEnumerable<Nomination> nominations, Action<RecruitmentRequest> moved)
    {
        if (NotApplicable(move, request) is { } problem)
        {
            context.Status.ShowError(problem);
            return;
        }
        var what = $"“{request.Title}” ({RequestText.Mission(request.Mission)})";
        var reason = "";
        switch (move)
        {
            case LifecycleMove.Open:
                if (!context.Dialogs.Confirm("Open the request",
                        $"Open {what}? Member States see it and may nominate until {Format.Instant(request.Deadline)}.", "Open")) return;
                break;
            case LifecycleMove.Close:
                if (!context.Dialogs.Confirm("Close the request", $"Close {what}? No more nominations; the deployment steps continue.", "Close")) return;
                break;
            default:
                if (!context.Dialogs.Confirm("Cancel the request", $"Cancel {what}? {LiveNominations(nominations)} This cannot be undone.",
                        "Cancel the request")) return;
                if (context.Dialogs.AskReason("Cancel the request", "Why is the request cancelled? (every focal point with a nomination reads it)") is not { } why) return;
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
                    LifecycleMove.Open => $"Opened {what} to Member States.",
                    LifecycleMove.Close => $"Closed {what} to nominations.",
                    _ => $"Cancelled {what}.",
                });
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
                context.Status.ShowError($"{what} was not {(move == LifecycleMove.Open ? "opened" : move == LifecycleMove.Close ? "closed" : "cancelled")}: {why}");
            });
    }
}
