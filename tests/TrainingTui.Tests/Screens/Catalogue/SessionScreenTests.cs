using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Catalogue;

public sealed class SessionScreenTests
{
    [Fact]
    public void TheSessionScreen_FollowsTheFeed_AConfirmationMadeElsewhereShowsWithoutAKey()
    {
        var client = Sample.Client();
        var session = client.Sessions[1];
        var nomination = Sample.Nomination("SN", "n1", client.Officers[0], session, Nomination.Types.State.Submitted);
        client.Nominations.Add(nomination);
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        Assert.IsType<SessionScreen>(ui.Current);
        ui.PumpUntil(() => client.WatcherCount == 1 && ui.Screen().Contains("● live"));
        Assert.Contains("submitted", ui.Screen());

        var confirmed = nomination.Clone();
        confirmed.State = Nomination.Types.State.Confirmed;
        client.Publish(confirmed);

        ui.PumpUntil(() => ui.Screen().Contains("confirmed"));
        Assert.DoesNotContain("submitted", ui.Screen());
    }

    [Fact]
    public void TheCount_OfAMemberStatesNominations_DoesNotReadLikeACap()
    {
        var client = Sample.Client();
        var session = client.Sessions[1];
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], session, Nomination.Types.State.Submitted));
        client.Nominations.Add(Sample.Nomination("SN", "n2", client.Officers[1], session, Nomination.Types.State.Confirmed));
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press(Key.CursorDown).Press(Key.Enter);

        var screen = ui.Screen();
        Assert.Contains("SN's nominations: 2 ·", screen);
        Assert.DoesNotContain("2 of 2", screen);

        ui.Press('/').Type("fall");
        Assert.Contains("SN's nominations: 2 (1 shown by the filter)", ui.Screen());
    }

    [Fact]
    public void TheOfflineBanner_ReadsWhole_At80Columns()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        client.Unreachable = true;

        ui.Press(Key.F5);

        ScreenText.AssertWhole(ui.Screen(), "⚠ The training service cannot be reached. Retrying every 3 s; your edits are kept.");
    }
}
