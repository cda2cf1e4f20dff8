using Terminal.Gui.Input;
using Training.Tui.Screens.Nominations;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Nominations;

public sealed class NominationsScreenTests
{
    private static FakeTrainingClient ClientWithNominations()
    {
        var client = Sample.Client();
        client.Nominations.AddRange([
            Sample.Nomination("SN", "n1", client.Officers[0], client.Sessions[0], Nomination.Types.State.Submitted),
            Sample.Nomination("SN", "n2", client.Officers[1], client.Sessions[1], Nomination.Types.State.Confirmed),
            Sample.Nomination("SN", "n3", client.Officers[2], client.Sessions[1], Nomination.Types.State.Withdrawn),
            Sample.Nomination("FR", "n4", client.Officers[5], client.Sessions[1], Nomination.Types.State.Submitted),
        ]);
        return client;
    }

    private static NominationsScreen Open(ScreenHarness ui)
    {
        ui.Press('3');
        var screen = Assert.IsType<NominationsScreen>(ui.Current);
        ui.PumpUntil(() => ui.Client.WatcherCount > 0);
        return screen;
    }

    private static void Select(ScreenHarness ui, NominationsScreen screen, string officer)
    {
        while (screen.Selected?.OfficerDisplayName != officer) ui.Press(Key.CursorDown);
    }

    [Fact]
    public void ListsTheCallersOwnNominations_WithTheirState_AndSaysTheListIsLive()
    {
        using var ui = new ScreenHarness(ClientWithNominations());
        var screen = Open(ui);

        var text = ui.Screen();
        Assert.Contains("3 of 3 nominations  ● live", text);
        Assert.Equal(["Diop, Awa", "Fall, Moussa", "Ndiaye, Fatou"], screen.Source.ShownRows.Select(n => n.OfficerDisplayName));
        Assert.DoesNotContain("Martin, Claire", text);
        Assert.Contains("ListNominations memberStates/SN ", ui.Client.Calls);
        Assert.Contains($"WatchNominations memberStates/SN since {ui.Client.Sequence}", ui.Client.Calls);
    }

    [Fact]
    public void AChangeFromTheWatch_UpdatesItsRowInPlace_AndTheSelectionStays()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        Select(ui, screen, "Fall, Moussa");

        var changed = client.Nominations[0].Clone();
        changed.State = Nomination.Types.State.Confirmed;
        client.Publish(changed);
        ui.PumpUntil(() => screen.Source.ShownRows[0].State == Nomination.Types.State.Confirmed);

        Assert.Equal("Fall, Moussa", screen.Selected?.OfficerDisplayName);
        Assert.Equal(3, screen.Source.TotalRows);
        var awa = ui.Screen().Split('\n').Single(l => l.Contains("Diop, Awa", StringComparison.Ordinal));
        Assert.Contains("confirmed", awa);
    }

    [Fact]
    public void ABrokenWatch_SaysUpdatesArePaused_AndResumesFromTheLastSequenceSeen()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client);
        Open(ui);
        var changed = client.Nominations[1].Clone();
        changed.State = Nomination.Types.State.Withdrawn;
        client.Publish(changed);
        ui.PumpUntil(() => ui.Screen().Contains("withdrawn", StringComparison.Ordinal));
        var seen = client.Sequence;

        client.BreakWatches();
        ui.PumpUntil(() => ui.Screen().Contains("○ live updates paused, retrying", StringComparison.Ordinal));
        ui.PumpUntil(() => client.Calls.Contains($"WatchNominations memberStates/SN since {seen}"), milliseconds: 6000);

        ui.PumpUntil(() => ui.Screen().Contains("● live", StringComparison.Ordinal));
    }

    [Fact]
    public void W_AsksWhy_WithdrawsTheSelectedNomination_AndShowsItsNewState()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        Select(ui, screen, "Fall, Moussa");
        ui.Dialogs.Reasons.Enqueue("The officer was called to a national post.");

        ui.Press('w');

        Assert.Contains("Withdraw memberStates/SN/nominations/n2 The officer was called to a national post.", client.Calls);
        Assert.Equal(Nomination.Types.State.Withdrawn, screen.Selected?.State);
        Assert.Contains("✓ Withdrew Fall, Moussa.", ui.Screen());
    }

    [Fact]
    public void W_OnANominationNoLongerLive_SaysSoWithoutAskingOrCalling()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        Select(ui, screen, "Ndiaye, Fatou");

        ui.Press('w');

        Assert.Contains("Ndiaye, Fatou's nomination is withdrawn: only a live nomination can be withdrawn.", ui.Screen());
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Withdraw ", StringComparison.Ordinal));
    }

    [Fact]
    public void CancellingTheReason_WithdrawsNothing()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client);
        Open(ui);
        ui.Dialogs.Reasons.Enqueue(null);

        ui.Press('w');

        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Withdraw ", StringComparison.Ordinal));
        Assert.Equal(Nomination.Types.State.Submitted, client.Nominations[0].State);
    }

    [Fact]
    public void Enter_ShowsTheNominationsHistory_AndAnAuditorCannotWithdraw()
    {
        var client = ClientWithNominations();
        client.Nominations[1].History.Add(new NominationTransition { ToState = Nomination.Types.State.Submitted, ActorDisplayName = "Focal point SN" });
        client.Nominations[1].History.Add(new NominationTransition
        {
            FromState = Nomination.Types.State.Submitted, ToState = Nomination.Types.State.Confirmed, ActorDisplayName = "Course administrator",
        });
        using var ui = new ScreenHarness(client, Callers.Auditor());
        ui.Press('3');
        var screen = Assert.IsType<NominationsScreen>(ui.Current);
        ui.PumpUntil(() => screen.Source.TotalRows == 4);
        Select(ui, screen, "Fall, Moussa");

        ui.Press(Key.Enter);
        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Nomination of Fall, Moussa", title);
        Assert.Contains("State: confirmed", text);
        Assert.Contains("new         → submitted", text);
        Assert.Matches(@"submitted\s+→ confirmed", text);
        Assert.Contains("Course administrator", text);

        ui.Press('w');
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Withdraw ", StringComparison.Ordinal));
        Assert.DoesNotContain("w withdraw", ui.Screen());
    }
}
