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

    [Fact]
    public void AColumnThatDoesNotFit_IsLeftOut_NotCutMidValue()
    {
        var client = Sample.Client();
        var session = client.Sessions[1];
        var officer = Sample.Officer("SN", "long", "Ndiaye-Diallo", "Fatoumata Binetou");
        client.Officers.Add(officer);
        client.Nominations.Add(Sample.Nomination("SN", "n1", officer, session, Nomination.Types.State.Waitlisted));
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press('3');

        var row = ui.Screen().Split('\n').Single(l => l.StartsWith("Ndiaye-Diallo", StringComparison.Ordinal));
        Assert.True(!row.Contains("15 Jan", StringComparison.Ordinal) || row.Contains("15 Jan 2027 10:00 UTC", StringComparison.Ordinal), row);
    }

    [Fact]
    public void TheReviewList_NeverCutsAHeader_At80Columns()
    {
        var client = Sample.Client();
        client.Courses.Add(Sample.Course("fpu-command", "FPU-CMD-STAFF", "FPU command staff"));
        var cancelled = Sample.Session("fpu-command", "jun-dakar", 6, 40, "Dakar, École nationale de police");
        cancelled.State = Session.Types.State.Cancelled;
        client.Sessions.Add(cancelled);
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);
        ui.Press('4');

        var header = ui.Screen().Split('\n').Single(l => l.StartsWith("COURSE", StringComparison.Ordinal)).TrimEnd();
        foreach (var name in new[] { "PENDING", "WAITLIST", "SEATS" })
            Assert.True(header.Contains(name, StringComparison.Ordinal) || !header.EndsWith(name[..3], StringComparison.Ordinal) && !header.Contains(name[..3], StringComparison.Ordinal), header);
    }
}
