using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using Training.Tui.Localization;
using Training.Tui.Screens;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens;

/// <summary>
/// The keys as a new user meets them at 80×24 with NO_COLOR: the hint line and the status bar show each key whole (none
/// cut mid-word, none lost at the edge), the help says it scrolls, and every key a screen acts on is in its help.
/// </summary>
public sealed class KeysTests
{
    /// <summary>Paths from a screen number to every kind of screen: a list, a record, a form, a filter, a review.</summary>
    private static readonly string[][] AdministratorPaths =
    [
        ["1"], ["1", "Enter"], ["1", "Enter", "r"], ["1", "k"], ["1", "k", "a"], ["2"], ["2", "f"], ["3"], ["4"],
        ["5"], ["5", "Enter"], ["5", "Enter", "m"], ["6"], ["7"], ["8"], ["8", "a"], ["9"],
    ];

    private static readonly string[][] FocalPointPaths =
    [
        ["1"], ["1", "Enter"], ["1", "Enter", "n"], ["2"], ["2", "a"], ["3"], ["5"], ["5", "Enter"], ["6"], ["7"], ["9"],
    ];

    private static FakeTrainingClient Client()
    {
        var client = Sample.Client();
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], client.Sessions[1], Nomination.Types.State.Submitted));
        client.Requests.Add(new RecruitmentRequest
        {
            Name = "requests/minusca-forensics", Title = "Forensic experts for MINUSCA", Mission = "missions/minusca",
            State = RecruitmentRequest.Types.State.Open, OfficerCount = 12, Category = PersonnelCategory.Ipo,
            DeploymentDate = Sample.Date(2027, 6, 1), Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 15, 9, 0, 0, DateTimeKind.Utc)),
        });
        return client;
    }

    private static Key KeyOf(string name) => name switch
    {
        "Enter" => Key.Enter,
        _ => (Key)name[0],
    };

    /// <summary>Opens each screen of <paramref name="paths"/> afresh and hands it to <paramref name="check"/>.</summary>
    private static void OnEveryScreen(Caller caller, string[][] paths, Action<ScreenHarness, string> check, bool french = false)
    {
        var client = Client();
        client.Caller = caller;
        using var ui = new ScreenHarness(client, caller, columns: 80, rows: 24, theme: Theme.NoColor, french: french);
        check(ui, $"the first screen ({ui.Current.Heading})");
        foreach (var path in paths)
        {
            foreach (var key in path) ui.Press(KeyOf(key));
            ui.PumpUntil(() => ui.Current.Ready);
            check(ui, $"{string.Join(" ", path)} ({ui.Current.Heading})");
        }
    }

    /// <summary>The footer: the message line, the screen's keys and the status bar (at most six lines at 80×24).</summary>
    private static IReadOnlyList<string> Footer(ScreenHarness ui) => ui.Screen().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(6).ToList();

    private static void AssertWholeOnOneLine(IReadOnlyList<string> footer, string item, string where) =>
        Assert.True(footer.Any(l => l.Contains(item, StringComparison.Ordinal)), $"{where}: \"{item}\" is not whole in\n{string.Join('\n', footer)}");

    private static void HintsAndStatusBarAreWhole(ScreenHarness ui, string where)
    {
        var footer = Footer(ui);
        foreach (var key in ui.Current.KeyHelp.Where(k => k.InHintLine)) AssertWholeOnOneLine(footer, $"{key.Key} {key.HintText}", where);
        AssertWholeOnOneLine(footer, $"? {Strings.Get("Status_Help")}", where);
        AssertWholeOnOneLine(footer, $"q {Strings.Get("Status_Quit")}", where);
        foreach (var (key, name, _) in ScreenCatalog.Roots(ui.Context)) AssertWholeOnOneLine(footer, $"{key} {name}", where);
    }

    [Fact]
    public void AtEightyByTwentyFour_EveryHintOfEveryAdministratorScreen_AndEveryScreenNumber_IsWhole()
    {
        OnEveryScreen(Callers.Administrator(), AdministratorPaths, HintsAndStatusBarAreWhole);
    }

    [Fact]
    public void AtEightyByTwentyFour_EveryHintOfEveryFocalPointScreen_AndEveryScreenNumber_IsWhole()
    {
        OnEveryScreen(Callers.FocalPoint("SN"), FocalPointPaths, HintsAndStatusBarAreWhole);
    }

    [Fact]
    public void InFrench_AtEightyByTwentyFour_EveryHintOfEveryAdministratorScreen_AndEveryScreenNumber_IsWhole()
    {
        OnEveryScreen(Callers.Administrator(), AdministratorPaths, HintsAndStatusBarAreWhole, french: true);
    }

    [Fact]
    public void InFrench_AtEightyByTwentyFour_EveryHintOfEveryFocalPointScreen_AndEveryScreenNumber_IsWhole()
    {
        OnEveryScreen(Callers.FocalPoint("SN"), FocalPointPaths, HintsAndStatusBarAreWhole, french: true);
    }

    [Fact]
    public void InFrench_TheStatusBarAndTheHintsSpeakFrench_AndTheHelpSaysItScrolls()
    {
        using var ui = new ScreenHarness(Client(), Callers.FocalPoint("SN"), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        ui.Press(Key.Enter);
        var footer = string.Join('\n', Footer(ui));
        Assert.Contains("? aide  q quitter  Esc retour  1 Cours  2 Candidats  3 Candidatures", footer);
        Assert.Contains("n présenter", footer);
        Assert.Contains("/ filtrer", footer);
        Assert.Contains("point focal SN", ui.Screen());

        ui.Press('?');
        var (title, text) = ui.Dialogs.Shown[^1];
        Assert.Equal("Touches", title);
        Assert.Contains("Partout :", text);
        using var dialog = TerminalDialogs.TextDialog(ui.App, title, text);
        var token = ui.App.Begin(dialog)!;
        try
        {
            Assert.Contains("↑↓ PgUp PgDn Home End défilent · Esc ferme", ui.Screen());
        }
        finally
        {
            ui.App.End(token);
        }
    }

    [Fact]
    public void AfterTheTerminalShrinksToEightyByTwentyFour_EveryScreenNumberIsStillWhole()
    {
        using var ui = new ScreenHarness(Client(), Callers.Administrator(), columns: 140, rows: 30, theme: Theme.NoColor);
        Assert.Single(Footer(ui), l => l.Contains("9 Audit", StringComparison.Ordinal) && l.Contains("? help", StringComparison.Ordinal));

        ui.Resize(80, 24);

        HintsAndStatusBarAreWhole(ui, "after the resize");
    }

    [Fact]
    public void OnASubScreen_TheStatusBarSaysEscGoesBack()
    {
        using var ui = new ScreenHarness(Client(), columns: 80, rows: 24, theme: Theme.NoColor);
        Assert.DoesNotContain(Footer(ui), l => l.Contains("Esc back", StringComparison.Ordinal));
        ui.Press(Key.Enter);
        AssertWholeOnOneLine(Footer(ui), "Esc back", "session");
    }

    [Fact]
    public void OnANarrowTerminal_AKeyThatDoesNotFit_IsLeftOutWhole_NeverCut()
    {
        KeyBarItem[] items = [new("?", "help"), new("1", "Courses"), new("3", "Nominations"), new("7", "Import/Export")];

        var lines = KeyBar.Fit(items, width: 24, maxLines: 1);

        Assert.Equal(["? help", "1 Courses"], Assert.Single(lines).Select(i => i.Text));
        Assert.Equal(["? help  1 Courses", "3 Nominations"], KeyBar.Fit(items, width: 24, maxLines: 2).Select(l => string.Join(KeyBar.Gap, l.Select(i => i.Text))));
        Assert.Equal(["? help  1 Courses  3 Nominations", "7 Import/Export"],
            KeyBar.Fit(items, width: 40, maxLines: 2).Select(l => string.Join(KeyBar.Gap, l.Select(i => i.Text))));
    }

    /// <summary>Letters, '/' and Space: what a screen may act on besides the keys the shell owns.</summary>
    private static readonly Key[] Candidates =
        [.. "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ/".Select(c => (Key)c), Key.Space, Key.S.WithCtrl, Key.Delete];

    private static string Token(Key key) =>
        key == Key.Space ? "Space" : key == Key.S.WithCtrl ? "^S" : key == Key.Delete ? "Del" : ((char)key.AsRune.Value).ToString();

    [Fact]
    public void EveryKeyAScreenActsOn_IsInItsHelp_AndTableScreensListHomeAndEnd()
    {
        void Check(ScreenHarness ui, string where)
        {
            var screen = ui.Current;
            ui.Press('?');
            var help = ui.Dialogs.Shown[^1].Text;
            var listed = screen.KeyHelp.SelectMany(k => k.Key.Split(' ')).Append("Ctrl+S").ToHashSet(StringComparer.Ordinal);
            if (listed.Contains("Ctrl+S")) listed.Add("^S");
            foreach (var key in screen.KeyHelp) Assert.Contains($"{key.Key,-10} {key.Description}", help);
            if (screen.GetType().BaseType is { IsGenericType: true } table && table.GetGenericTypeDefinition() == typeof(TableScreen<>))
                Assert.Contains("Home End", help);
            foreach (var candidate in Candidates)
            {
                // Whatever a key asks is answered no; whatever it opens is closed again.
                for (var i = 0; i < 3; i++)
                {
                    ui.Dialogs.Confirmations.Enqueue(false);
                    ui.Dialogs.Reasons.Enqueue(null);
                }
                var handled = screen.HandleKey(candidate);
                ui.Pump();
                while (ui.Current != screen) ui.Shell.Back();
                ui.Dialogs.Confirmations.Clear();
                ui.Dialogs.Reasons.Clear();
                if (handled) Assert.True(listed.Contains(Token(candidate)), $"{where}: {Token(candidate)} acts but the help does not list it");
            }
        }

        OnEveryScreen(Callers.Administrator(), AdministratorPaths, Check);
        OnEveryScreen(Callers.FocalPoint("SN"), FocalPointPaths, Check);
    }

    [Fact]
    public void TheHelp_SaysItScrolls_AndScrollsToTheKeysThatWorkEverywhere_AtEightyByTwentyFour()
    {
        using var ui = new ScreenHarness(Client(), Callers.Administrator(), columns: 80, rows: 24, theme: Theme.NoColor);
        ui.Press(Key.Enter).Press('?');
        var (title, text) = ui.Dialogs.Shown[^1];
        using var dialog = TerminalDialogs.TextDialog(ui.App, title, text);
        var token = ui.App.Begin(dialog)!;
        try
        {
            var screen = ui.Screen();
            Assert.Contains("↑↓ PgUp PgDn Home End scroll · Esc closes", screen);
            Assert.Contains("r          review nominations", screen);
            Assert.DoesNotContain("q          quit", screen);

            ui.Press(Key.End);

            Assert.Contains("q          quit", ui.Screen());
        }
        finally
        {
            ui.App.End(token);
        }
    }
}
