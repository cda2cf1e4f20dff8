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

public sealed class NominationsScreenTargetTests
{
    private static FakeTrainingClient ClientWithTargets()
    {
        var client = Sample.Client();
        client.Requests.Add(new RecruitmentRequest
        {
            Name = "requests/minusca-forensics", Title = "Forensic experts for MINUSCA", Mission = "missions/minusca",
            State = RecruitmentRequest.Types.State.Open, OfficerCount = 12,
        });
        client.Nominations.AddRange([
            Sample.Nomination("SN", "n1", client.Officers[0], client.Sessions[0], Nomination.Types.State.Submitted),
            Sample.Nomination("SN", "n2", client.Officers[1], client.Sessions[2], Nomination.Types.State.Confirmed),
            Sample.Nomination("SN", "n3", client.Officers[2], client.Sessions[1], Nomination.Types.State.Waitlisted),
        ]);
        var toRequest = Sample.Nomination("SN", "n4", client.Officers[3], client.Sessions[0], Nomination.Types.State.Shortlisted);
        toRequest.Request = "requests/minusca-forensics";
        client.Nominations.Add(toRequest);
        return client;
    }

    private static NominationsScreen Open(ScreenHarness ui)
    {
        ui.Press('3');
        var screen = Assert.IsType<NominationsScreen>(ui.Current);
        ui.PumpUntil(() => ui.Client.WatcherCount > 0 && !ui.Screen().Contains('…'));
        return screen;
    }

    private static string Line(string screen, string text) => screen.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void EachNomination_ReadsAsTheCourseAndDates_OrTheRequestsTitle_NeverAResourceName()
    {
        using var ui = new ScreenHarness(ClientWithTargets(), columns: 80, rows: 24);
        Open(ui);
        var text = ui.Screen();

        Assert.Contains("CPTM 1 Feb–12 Feb 2027", Line(text, "Diop, Awa"));
        Assert.Contains("UNPOL-STM 1 Apr–12 Apr 2027", Line(text, "Fall, Moussa"));
        Assert.Contains("UNPOL-STM 1 Mar–12 Mar 2027", Line(text, "Ndiaye, Fatou"));
        Assert.Contains("Forensic experts for MINUSCA", Line(text, "Sène, Ibrahima"));
        Assert.DoesNotContain("feb-dakar", text);
        Assert.DoesNotContain("apr-brindisi", text);
        Assert.DoesNotContain("requests/", text);
        Assert.DoesNotContain("courses/", text);
    }

    [Fact]
    public void TheFilter_FindsANominationByTheCourseCodeOrTheRequestTitle()
    {
        using var ui = new ScreenHarness(ClientWithTargets(), columns: 80, rows: 24);
        var screen = Open(ui);

        ui.Press('/').Type("minusca");
        Assert.Equal(["Sène, Ibrahima"], screen.Source.ShownRows.Select(n => n.OfficerDisplayName));
        ui.Press(Key.Esc).Press('/').Type("cptm");
        Assert.Equal(["Diop, Awa"], screen.Source.ShownRows.Select(n => n.OfficerDisplayName));
    }

    [Fact]
    public void End_GoesToTheLastRow_AndHome_BackToTheFirst()
    {
        using var ui = new ScreenHarness(ClientWithTargets(), columns: 80, rows: 24);
        var screen = Open(ui);

        ui.Press(Key.End);
        Assert.Equal("Sène, Ibrahima", screen.Selected?.OfficerDisplayName);
        Assert.Equal(0, screen.Table.Value?.SelectedCell.X);
        ui.Press(Key.Home);
        Assert.Equal("Diop, Awa", screen.Selected?.OfficerDisplayName);
    }

    [Fact]
    public void Enter_NamesWhatTheNominationIsTo_WithItsVenue()
    {
        using var ui = new ScreenHarness(ClientWithTargets(), columns: 80, rows: 24);
        Open(ui);

        ui.Press(Key.Enter);
        var (_, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.StartsWith("To: CPTM 1 Feb–12 Feb 2027, Dakar, École nationale de police — Core Pre-deployment Training Materials", text);
    }
}
