using Training.Tui.Client;
using Unpol.Training.V1;

namespace Training.Tui.Screens;

/// <summary>A focal point withdrawing a nomination to a session: the reason asked first, the outcome said after.</summary>
public static class Withdrawal
{
    /// <summary>Asks why and withdraws; <paramref name="withdrawn"/> runs with the result unless cancelled or refused.</summary>
    public static async Task AskAndWithdrawAsync(ScreenContext context, CallSlot slot, Nomination nomination, Action<Nomination> withdrawn)
    {
        var reason = context.Dialogs.AskReason($"Withdraw {nomination.OfficerDisplayName}",
            "Why is this nomination withdrawn? (the course administrators will read it)");
        if (reason is null) return;
        await context.Load(slot,
            ct => context.Client.DecideAsync(Decision.Withdraw, nomination, reason, ct),
            result =>
            {
                withdrawn(result);
                context.Status.ShowInfo($"Withdrew {result.OfficerDisplayName}.");
            });
    }
}
