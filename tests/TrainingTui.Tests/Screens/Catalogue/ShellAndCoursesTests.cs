using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Nominations;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Catalogue;

public sealed class ShellAndCoursesTests
{
    [Fact]
    public void FirstScreen_ShowsWhoIsLoggedInAndTheUpcomingSessions()
    {
        using var ui = new ScreenHarness(Sample.Client());
        var screen = ui.Screen();

        Assert.Contains("Focal point SN (focal point SN)", screen);
        Assert.Contains("UNPOL-STM", screen);
        Assert.Contains("Dakar, École nation…", screen);
        Assert.Contains("open until 15 Feb", screen);
        Assert.Contains("3 of 3 upcoming sessions", screen);
        Assert.Contains("1 Courses", screen);
        Assert.Contains("? help", screen);
    }

    [Fact]
    public void Courses_ShowSeatsLeftFromTheSessionFigures()
    {
        var client = Sample.Client();
        client.Statistics["courses/unpol-stm/sessions/mar-entebbe"] = new SessionStatistics
        {
            Session = "courses/unpol-stm/sessions/mar-entebbe", Seats = 24, SeatsAvailable = 5, Overall = new NominationFigures(),
        };
        using var ui = new ScreenHarness(client);
        Assert.Contains("5/24", ui.Screen());
        Assert.Contains("GetSessionStatistics courses/unpol-stm/sessions/mar-entebbe", client.Calls);
    }

    [Fact]
    public void Slash_FiltersInPlaceIgnoringAccents_AndEscClearsTheFilter()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press('/').Type("ecole");

        var filtered = ui.Screen();
        Assert.Contains("1 of 3 upcoming sessions", filtered);
        Assert.Contains("Dakar", filtered);
        Assert.DoesNotContain("Brindisi", filtered);

        ui.Press(Key.Esc);
        Assert.Contains("3 of 3 upcoming sessions", ui.Screen());
        Assert.IsType<CoursesScreen>(ui.Current);
    }

    [Fact]
    public void TypingQInTheFilter_DoesNotQuit()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press('/').Type("q");
        var courses = Assert.IsType<CoursesScreen>(ui.Current);
        Assert.Equal("q", courses.FilterField.Text);
        Assert.False(ui.Shell.StopRequested);
    }

    [Fact]
    public void S_SortsByTheNextColumnWithAVisibleIndicator_AndShiftSReverses()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press('s');
        Assert.Contains("COURSE ▲", ui.Screen());
        var courses = Assert.IsType<CoursesScreen>(ui.Current);
        Assert.Equal("CPTM", courses.Source.RowAt(0).Code);
        ui.Press('S');
        Assert.Contains("COURSE ▼", ui.Screen());
        Assert.Equal("UNPOL-STM", courses.Source.RowAt(0).Code);
    }

    [Fact]
    public void Enter_OpensTheSession_AndEscGoesBack()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press(Key.CursorDown).Press(Key.Enter);

        var session = Assert.IsType<SessionScreen>(ui.Current);
        Assert.Equal("courses/unpol-stm/sessions/mar-entebbe", session.Session.Name);
        var screen = ui.Screen();
        Assert.Contains("Requires: en B2", screen);
        Assert.Contains("SN's nominations: none yet. Press n to nominate officers.", screen);

        ui.Press(Key.Esc);
        Assert.IsType<CoursesScreen>(ui.Current);
    }

    [Fact]
    public void OnANarrowTerminal_TheSessionHeaderWraps_AndTheSeatsStayOnScreen()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 44, rows: 24);
        ui.Press(Key.CursorDown).Press(Key.Enter);

        var screen = ui.Screen();
        Assert.Contains("Seats:", screen);
        Assert.Contains("SN's nominations: none yet.", screen);
    }

    [Fact]
    public void TheHeader_IsCutAgainWhenTheTerminalIsResized()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 50, rows: 24);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        Assert.StartsWith("…", ui.Screen().Split('\n')[0]);

        ui.Resize(160, 40);

        Assert.Matches(@"^ \S.*\(focal point SN\) │ Courses › UNPOL-STM", ui.Screen().Split('\n')[0]);
    }

    [Fact]
    public void F5_ReloadsAndClearsAMessageThatMayNoLongerHold()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        ui.Shell.ShowError("Session full: Diop, Awa not confirmed, stays on the waitlist.");
        var listed = client.Calls.Count(c => c.StartsWith("ListSessions", StringComparison.Ordinal));

        ui.Press(Key.F5);

        Assert.Equal("", ui.Shell.Message);
        Assert.Equal(listed + 1, client.Calls.Count(c => c.StartsWith("ListSessions", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuestionMark_ListsEveryKeyOfTheCurrentScreen()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press('?');
        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Keys", title);
        Assert.Contains("filter in place", text);
        Assert.Contains("open the session", text);
        Assert.Contains("q          quit", text);
    }

    [Fact]
    public void Q_Quits()
    {
        using var ui = new ScreenHarness(Sample.Client());
        ui.Press('q');
        Assert.True(ui.Shell.StopRequested);
    }

    [Fact]
    public void NumberKeys_SwitchScreens_AndTheReviewScreenIsOnlyOfferedToAdministrators()
    {
        using (var ui = new ScreenHarness(Sample.Client()))
        {
            ui.Press('3');
            Assert.IsType<NominationsScreen>(ui.Current);
            Assert.DoesNotContain("Review", ui.Screen());
            ui.Press('4');
            Assert.IsType<NominationsScreen>(ui.Current);
        }
        using (var admin = new ScreenHarness(Sample.Client(), Callers.Administrator()))
        {
            Assert.Contains("4 Review", admin.Screen());
        }
    }

    [Fact]
    public void UnreachableServer_ShowsABannerNotAStackTrace_AndReloadsWhenItReturns()
    {
        var client = Sample.Client();
        client.Unreachable = true;
        using var ui = new ScreenHarness(client);

        var offline = ui.Screen();
        Assert.Contains("OFFLINE", offline);
        Assert.Contains("The training service cannot be reached. Retrying every 3 s", offline);
        Assert.DoesNotContain("Exception", offline);

        client.Unreachable = false;
        ui.Advance(TimeSpan.FromSeconds(4));
        var back = ui.Screen();
        Assert.DoesNotContain("OFFLINE", back);
        Assert.Contains("Connected again.", back);
        Assert.Contains("3 of 3 upcoming sessions", back);
    }

    [Fact]
    public void At80By24_TheScreenStillShowsTheKeyHintsAndTheTable()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24);
        var small = ui.Screen();
        Assert.Contains("COURSE", small);
        Assert.Contains("1 Courses", small);
        ui.Resize(120, 40);
        Assert.Contains("NOMINATIONS", ui.Screen());
    }
}
