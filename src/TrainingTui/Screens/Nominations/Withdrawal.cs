using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>A focal point withdrawing a nomination to a session: the reason asked first, the outcome said after.</summary>
public static class Withdrawal
{
    /// <summary>The states a focal point may withdraw from (DOMAIN: the live ones, of a session or a request).</summary>
    private static readonly Nomination.Types.State[] Live =
    [
        Nomination.Types.State.Submitted, Nomination.Types.State.Confirmed, Nomination.Types.State.Waitlisted,
        Nomination.Types.State.Shortlisted, Nomination.Types.State.Selected, Nomination.Types.State.Cleared,
    ];

    /// <summary>Asks why and withdraws; <paramref name="withdrawn"/> runs with the result unless cancelled or refused.</summary>
    public static async Task AskAndWithdrawAsync(ScreenContext context, CallSlot slot, Nomination nomination, Action<Nomination> withdrawn)
    {
        if (!Live.Contains(nomination.State))
        {
            context.Status.ShowError(
                Strings.Format("Withdraw_NotLive", nomination.OfficerDisplayName, Format.State(nomination.State)));
            return;
        }
        var reason = context.Dialogs.AskReason(Strings.Format("Request_WithdrawTitle", nomination.OfficerDisplayName),
            Strings.Get("Withdraw_Why"));
        if (reason is null) return;
        await context.Load(slot,
            ct => context.Client.DecideAsync(Decision.Withdraw, nomination, reason, ct),
            result =>
            {
                withdrawn(result);
                context.Status.ShowInfo(Strings.Format("Request_Withdrew", result.OfficerDisplayName));
            });
    }
}
