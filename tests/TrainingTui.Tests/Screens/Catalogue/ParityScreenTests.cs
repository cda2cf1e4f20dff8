using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Catalogue;

public sealed class ParityScreenTests
{
    private const string MarchSession = "courses/unpol-stm/sessions/mar-entebbe";

    private static NominationFigures Figures(int nominated, int women, int confirmed, int confirmedWomen) => new()
    {
        Nominated = nominated, NominatedWomen = women, Confirmed = confirmed, ConfirmedWomen = confirmedWomen,
        NominatedWomenShare = nominated == 0 ? 0 : (double)women / nominated,
        ConfirmedWomenShare = confirmed == 0 ? 0 : (double)confirmedWomen / confirmed,
    };

    /// <summary>Overall 2 women of 8 nominated (25 %), none of 4 confirmed; SN 2 of 5 (40 %), FR none of 3.</summary>
    private static FakeTrainingClient ClientWithFigures(params string[] moreStates)
    {
        var client = Sample.Client();
        var figures = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 20, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = Figures(8, 2, 4, 0),
            MemberStates =
            {
                new MemberStateFigures { RegionCode = "SN", Figures = Figures(5, 2, 2, 0) },
                new MemberStateFigures { RegionCode = "FR", Figures = Figures(3, 0, 2, 0) },
            },
        };
        figures.MemberStates.AddRange(moreStates.Select(code => new MemberStateFigures { RegionCode = code, Figures = Figures(4, 1, 0, 0) }));
        client.Statistics[MarchSession] = figures;
        return client;
    }

    /// <summary>Courses → the March session → 'p'.</summary>
    private static ParityScreen OpenParity(ScreenHarness ui)
    {
        ui.Press(Key.CursorDown).Press(Key.Enter).Press('p');
        var parity = Assert.IsType<ParityScreen>(ui.Current);
        Assert.Equal(MarchSession, parity.Session.Name);
        return parity;
    }

    private static string[] Lines(string screen) => screen.Split('\n');

    private static string Line(string screen, string label) => Lines(screen).Single(l => l.Contains(label, StringComparison.Ordinal));

    /// <summary>The bar of a row: the cells between the label column and the symbol.</summary>
    private static (int Start, string Cells) Bar(string line)
    {
        var start = line.IndexOfAny(['█', '░', '|']);
        var end = line.LastIndexOfAny(['█', '░', '|']);
        return (start, line[start..(end + 1)]);
    }

    [Fact]
    public void Bars_ShowTheShareOfWomen_WithMarksAtTwentyAndThirtyPercent_AndAScaleAbove()
    {
        using var ui = new ScreenHarness(ClientWithFigures(), Callers.Administrator());
        OpenParity(ui);
        var screen = ui.Screen();

        Assert.Contains("UNPOL-STM 1 Mar–12 Mar 2027: share of women, nominated and confirmed", screen);
        Assert.Contains("Marks | 20 %: asked of each Member State's list · 30 %: end target for IPOs", screen);
        var overall = Line(screen, "Overall nominated");
        Assert.Contains("!  25 %  2 of 8", overall);
        var (start, bar) = Bar(overall);
        var width = bar.Length;
        var twenty = (int)Math.Round(0.2 * width, MidpointRounding.AwayFromZero);
        var thirty = (int)Math.Round(0.3 * width, MidpointRounding.AwayFromZero);
        var filled = (int)Math.Round(0.25 * width, MidpointRounding.AwayFromZero);
        Assert.Equal([twenty, thirty], bar.Select((c, i) => (c, i)).Where(x => x.c == '|').Select(x => x.i));
        Assert.All(bar[..filled].Where(c => c != '|'), c => Assert.Equal('█', c));
        Assert.All(bar[filled..].Where(c => c != '|'), c => Assert.Equal('░', c));

        var scale = Lines(screen).Single(l => l.Contains("100 %", StringComparison.Ordinal) && l.Contains("0 %", StringComparison.Ordinal));
        Assert.Equal(start + twenty, scale.IndexOf("20 %", StringComparison.Ordinal));
        Assert.Equal(start + thirty, scale.IndexOf("30 %", StringComparison.Ordinal));

        var confirmed = Line(screen, "Overall confirmed");
        Assert.Contains("✗   0 %  0 of 4", confirmed);
        Assert.DoesNotContain('█', confirmed);
    }

    [Fact]
    public void EachMemberState_HasANominatedAndAConfirmedRow_WithItsSymbol()
    {
        using var ui = new ScreenHarness(ClientWithFigures(), Callers.Administrator());
        OpenParity(ui);
        var screen = ui.Screen();

        Assert.Contains("By Member State", screen);
        Assert.Contains("✓  40 %  2 of 5", Line(screen, "SN nominated"));
        Assert.Contains("✗   0 %  0 of 2", Line(screen, "SN confirmed"));
        Assert.Contains("✗   0 %  0 of 3", Line(screen, "FR nominated"));
        Assert.True(screen.IndexOf("FR nominated", StringComparison.Ordinal) < screen.IndexOf("SN nominated", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheOtherMemberStatesFiguresAreWithheld_TheTotalIsNotCalledOverall_ButSaysWhoseItIs()
    {
        var client = Sample.Client();
        client.Statistics[MarchSession] = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 20, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = Figures(5, 2, 2, 0), OtherMemberStatesWithheld = true,
            MemberStates = { new MemberStateFigures { RegionCode = "SN", Figures = Figures(5, 2, 2, 0) } },
        };
        using var ui = new ScreenHarness(client, columns: 80, rows: 24, theme: Theme.NoColor);
        OpenParity(ui);
        var screen = ui.Screen();

        Assert.DoesNotContain("Overall", screen);
        Assert.Contains("✓  40 %  2 of 5", Line(screen, "SN nominated"));
        Assert.Contains("✗   0 %  0 of 2", Line(screen, "SN confirmed"));
        ScreenText.AssertWhole(screen, ParityScreen.Withheld);
        Assert.DoesNotContain("By Member State", screen);
    }

    [Fact]
    public void Groups_WithNobodyInThem_SayNoOneRatherThanDrawAnEmptyBar()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenParity(ui);
        var screen = ui.Screen();

        Assert.Contains("Overall nominated — no one nominated yet", screen);
        Assert.Contains("Overall confirmed — no one confirmed yet", screen);
        Assert.DoesNotContain("By Member State", screen);
    }

    [Fact]
    public void Colours_MarkTheLevel_AndNoColorDrawsTheSameSymbolsWithoutColour()
    {
        static IReadOnlySet<Color> Foregrounds(ScreenHarness ui, string label)
        {
            var screen = ui.Screen();
            var row = Array.FindIndex(Lines(screen), l => l.Contains(label, StringComparison.Ordinal));
            var cells = ui.App.Driver!.Contents!;
            return Enumerable.Range(0, cells.GetLength(1)).Select(x => cells[row, x].Attribute?.Foreground ?? Color.None).ToHashSet();
        }

        using (var colour = new ScreenHarness(ClientWithFigures(), Callers.Administrator()))
        {
            OpenParity(colour);
            Assert.Contains(new Color(ColorName16.Green), Foregrounds(colour, "SN nominated"));
            Assert.Contains(new Color(ColorName16.Yellow), Foregrounds(colour, "Overall nominated"));
            Assert.Contains(new Color(ColorName16.Red), Foregrounds(colour, "SN confirmed"));
        }

        using var plain = new ScreenHarness(ClientWithFigures(), Callers.Administrator(), theme: Theme.NoColor);
        OpenParity(plain);
        var screen = plain.Screen();
        Assert.Contains("✓  40 %  2 of 5", Line(screen, "SN nominated"));
        Assert.Contains("!  25 %  2 of 8", Line(screen, "Overall nominated"));
        Assert.Contains("✗   0 %  0 of 2", Line(screen, "SN confirmed"));
        Assert.Contains('|', Line(screen, "SN nominated"));
        foreach (var label in new[] { "Overall nominated", "SN nominated", "SN confirmed" })
            Assert.Equal([Color.None], Foregrounds(plain, label));
    }

    [Fact]
    public void At80By24_BarsShrinkToFit_AndTheMemberStatesScroll()
    {
        using var ui = new ScreenHarness(ClientWithFigures("BD", "CM", "EG", "GH", "IN", "JO", "NE", "RW"), Callers.Administrator(),
            columns: 80, rows: 24);
        var parity = OpenParity(ui);
        var screen = ui.Screen();

        var overall = Line(screen, "Overall nominated");
        Assert.EndsWith("!  25 %  2 of 8", overall.TrimEnd());
        Assert.True(overall.TrimEnd().Length <= 80);
        Assert.InRange(Bar(overall).Cells.Length, 10, 50);
        Assert.Contains("more rows: ↑ ↓ PgUp PgDn scroll", screen);
        Assert.DoesNotContain("SN confirmed", screen);

        ui.Press(Key.PageDown).Press(Key.PageDown);
        screen = ui.Screen();
        Assert.True(parity.Bars.TopRow > 0);
        Assert.Contains("✗   0 %  0 of 2", Line(screen, "SN confirmed"));
        Assert.Contains("0 %", Lines(screen).First(l => l.Contains("100 %", StringComparison.Ordinal)));
    }

    [Fact]
    public void F5_ReadsTheFiguresAgain()
    {
        var client = ClientWithFigures();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        OpenParity(ui);
        Assert.Contains("2 of 8", ui.Screen());

        client.Statistics[MarchSession].Overall = Figures(8, 4, 4, 2);
        ui.Press(Key.F5);

        var screen = ui.Screen();
        Assert.Contains("✓  50 %  4 of 8", Line(screen, "Overall nominated"));
        Assert.Contains("✓  50 %  2 of 4", Line(screen, "Overall confirmed"));
    }
}
