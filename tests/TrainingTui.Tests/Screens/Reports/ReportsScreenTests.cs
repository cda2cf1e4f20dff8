using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Training.Tui.Screens.Reports;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Reports;

public sealed class ReportsScreenTests
{
    private static ParityCell Cell(string region, string category, ParityStage stage, int total, int women, double target, ParityStatus status) => new()
    {
        RegionCode = region, Category = category, Stage = stage, Total = total, Women = women,
        WomenShare = total == 0 ? 0 : (double)women / total, Target = target, Status = status,
    };

    private static MemberStateParity State(string region, int nominated, int women, ParityStatus status) => new()
    {
        RegionCode = region, Nominated = nominated, NominatedWomen = women, Target = 0.29, Status = status,
    };

    /// <summary>SN yellow: IPO nominated 3 of 12 (25 %, target 29 %), FPU selected 2 of 5 (green against 19 %), STM confirmed 0 of 4 (red).</summary>
    private static ParityReport SenegalParity() => new()
    {
        TargetYear = 2027,
        MemberStates = { State("SN", 17, 5, ParityStatus.Yellow) },
        Cells =
        {
            Cell("SN", "COURSE_STM", ParityStage.ConfirmedOrSelected, 4, 0, 0.29, ParityStatus.Red),
            Cell("SN", "FPU", ParityStage.ConfirmedOrSelected, 5, 2, 0.19, ParityStatus.Green),
            Cell("SN", "IPO", ParityStage.Nominated, 12, 3, 0.29, ParityStatus.Yellow),
        },
    };

    private static SkillsLine Line(string key, string name, int requested, int seats, params (string State, int Supply)[] supply)
    {
        var line = new SkillsLine { Key = key, DisplayName = name, Requested = requested, SessionSeats = seats, Supply = supply.Sum(s => s.Supply) };
        foreach (var (state, count) in supply) line.SupplyByMemberState[state] = count;
        return line;
    }

    /// <summary>A certification expiring <paramref name="daysLeft"/> days after the fake's today (20 January 2027).</summary>
    private static ExpiringCertification Expiry(string officer, string name, string certification, int daysLeft, int band)
    {
        var day = new DateOnly(2027, 1, 20).AddDays(daysLeft);
        return new ExpiringCertification
        {
            Officer = officer, OfficerDisplayName = name, Certification = certification, DaysLeft = daysLeft, WithinBand = band,
            ExpiryDate = Sample.Date(day.Year, day.Month, day.Day),
        };
    }

    private static ReportsScreen OpenReports(ScreenHarness ui)
    {
        ui.Press('6');
        return Assert.IsType<ReportsScreen>(ui.Current);
    }

    private static string[] Lines(string screen) => screen.Split('\n');

    private static string Row(string screen, string text) => Lines(screen).Single(l => l.Contains(text, StringComparison.Ordinal));

    private static (int Start, string Cells) Bar(string line)
    {
        var start = line.IndexOfAny(['█', '░', '|']);
        var end = line.LastIndexOfAny(['█', '░', '|']);
        return (start, line[start..(end + 1)]);
    }

    [Fact]
    public void Parity_ShowsTheFocalPointsStateColour_AndEachCellAgainstItsOwnTarget()
    {
        var client = Sample.Client();
        client.ParityReport = SenegalParity();
        using var ui = new ScreenHarness(client);
        OpenReports(ui);
        var screen = ui.Screen();

        Assert.Contains("GetParityReport ", client.Calls);
        Assert.Contains("[p Parity]", screen);
        Assert.Contains("SN: share of women per category and stage · 2027 targets", screen);
        Assert.Contains("✓ green meets the target  ! yellow below it  ✗ red no woman  | the target", screen);
        Assert.Contains("SN  ! yellow  5 women of 17 nominated (29 %) · target 29 %", screen);

        var ipo = Row(screen, "IPO");
        Assert.Contains("nominated", ipo);
        Assert.EndsWith("!  25 %  3 of 12  target 29 %", ipo.TrimEnd());
        var (_, bar) = Bar(ipo);
        var mark = (int)Math.Round(0.29 * bar.Length, MidpointRounding.AwayFromZero);
        var filled = (int)Math.Round(0.25 * bar.Length, MidpointRounding.AwayFromZero);
        Assert.Equal([mark], bar.Select((c, i) => (c, i)).Where(x => x.c == '|').Select(x => x.i));
        Assert.All(bar[..filled], c => Assert.Equal('█', c));
        Assert.All(bar[filled..].Where(c => c != '|'), c => Assert.Equal('░', c));

        var fpu = Row(screen, "FPU");
        Assert.Contains("selected", fpu);
        Assert.EndsWith("✓  40 %  2 of 5   target 19 %", fpu.TrimEnd());
        var (_, fpuBar) = Bar(fpu);
        Assert.Equal('|', fpuBar[(int)Math.Round(0.19 * fpuBar.Length, MidpointRounding.AwayFromZero)]);

        var stm = Row(screen, "STM course");
        Assert.Contains("confirmed", stm);
        Assert.Contains("✗   0 %  0 of 4", stm);
        Assert.DoesNotContain('█', stm);
        Assert.True(screen.IndexOf("IPO", StringComparison.Ordinal) < screen.IndexOf("STM course", StringComparison.Ordinal),
            "recruitment categories come before courses");
    }

    [Fact]
    public void Parity_Colours_MarkTheDpoStatus_AndNoColorKeepsTheWordsAndSymbols()
    {
        static IReadOnlySet<Color> Foregrounds(ScreenHarness ui, string text)
        {
            var screen = ui.Screen();
            var row = Array.FindIndex(Lines(screen), l => l.Contains(text, StringComparison.Ordinal));
            var cells = ui.App.Driver!.Contents!;
            return Enumerable.Range(0, cells.GetLength(1)).Select(x => cells[row, x].Attribute?.Foreground ?? Color.None).ToHashSet();
        }

        var client = Sample.Client();
        client.ParityReport = SenegalParity();
        using (var colour = new ScreenHarness(client))
        {
            OpenReports(colour);
            Assert.Contains(new Color(ColorName16.Yellow), Foregrounds(colour, "SN  ! yellow"));
            Assert.Contains(new Color(ColorName16.Green), Foregrounds(colour, "FPU"));
            Assert.Contains(new Color(ColorName16.Red), Foregrounds(colour, "STM course"));
        }

        using var plain = new ScreenHarness(client, theme: Theme.NoColor);
        OpenReports(plain);
        var screen = plain.Screen();
        Assert.Contains("SN  ! yellow", screen);
        Assert.Contains("✓  40 %", Row(screen, "FPU"));
        foreach (var text in new[] { "SN  ! yellow", "FPU", "STM course" })
            Assert.Equal([Color.None], Foregrounds(plain, text));
    }

    [Fact]
    public void Parity_ForAnAdministrator_ListsEveryState_AndScrollsAt80By24()
    {
        var client = Sample.Client();
        var report = new ParityReport { TargetYear = 2027 };
        foreach (var region in new[] { "BD", "FR", "GH", "JO", "NE", "RW", "SN" })
        {
            report.MemberStates.Add(State(region, 10, 2, ParityStatus.Yellow));
            report.Cells.Add(Cell(region, "IPO", ParityStage.Nominated, 10, 2, 0.29, ParityStatus.Yellow));
            report.Cells.Add(Cell(region, "COURSE_CPTM", ParityStage.Nominated, 6, 0, 0.29, ParityStatus.Red));
        }
        report.MemberStates.Add(State("TG", 0, 0, ParityStatus.Unspecified));
        client.ParityReport = report;
        using var ui = new ScreenHarness(client, Callers.Administrator(), columns: 80, rows: 24);
        var reports = OpenReports(ui);
        var screen = ui.Screen();

        Assert.Contains("All Member States (8): share of women", screen);
        Assert.Contains("BD  ! yellow", screen);
        Assert.Contains("more lines: ↑ ↓ PgUp PgDn scroll", screen);
        Assert.DoesNotContain("TG  ", screen);
        Assert.All(Lines(screen), l => Assert.True(l.TrimEnd().Length <= 80));
        Assert.EndsWith("!  20 %  2 of 10  target 29 %", Lines(screen).First(l => l.Contains("IPO", StringComparison.Ordinal)).TrimEnd());

        ui.Press(Key.End);
        screen = ui.Screen();
        Assert.True(reports.Parity.Chart.TopRow > 0);
        Assert.Contains("TG  — none  nobody nominated · target 29 %", screen);
        Assert.Contains("no nominations counted yet", screen);
    }

    [Fact]
    public void Skills_ListSupplyAgainstDemand_PerState_AndFlagTheShortfalls()
    {
        var client = Sample.Client();
        client.SkillsReport = new SkillsReport
        {
            Lines =
            {
                Line("language:fr:B2", "French B2", 12, 24, ("FR", 4), ("SN", 5)),
                Line("language:en:B2", "English B2", 0, 16, ("FR", 7), ("SN", 2)),
                Line("skill:forensics", "Forensics", 2, 0, ("SN", 3)),
            },
        };
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var reports = OpenReports(ui);
        ui.Press('k');
        var screen = ui.Screen();

        Assert.Same(reports.Skills, reports.Current);
        Assert.Contains("GetSkillsReport ", client.Calls);
        Assert.Contains("[k Skills]", screen);
        Assert.Contains("All Member States: 3 languages and skills · ✗ 1 short of what open requests seek", screen);
        var header = Row(screen, "NAME");
        Assert.Equal(["NAME", "SUPPLY", "REQUESTED", "SESSION", "SEATS", "GAP", "FR", "SN"],
            header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim('│', '┃')).Where(h => h.Length > 0));
        Assert.Equal(["French", "B2", "9", "12", "24", "✗", "−3", "4", "5"], Row(screen, "French B2").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["English", "B2", "9", "0", "16", "—", "7", "2"], Row(screen, "English B2").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["Forensics", "3", "2", "0", "+1", "0", "3"], Row(screen, "Forensics").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Skills_ForAFocalPoint_ShowTheirOwnState_AndSortWithS()
    {
        var client = Sample.Client();
        client.SkillsReport = new SkillsReport
        {
            Lines =
            {
                Line("language:fr:B2", "French B2", 0, 0, ("SN", 5)),
                Line("skill:forensics", "Forensics", 6, 0, ("SN", 3)),
                Line("skill:gender", "Gender", 0, 0),
            },
        };
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var reports = OpenReports(ui);
        ui.Press('k');
        var screen = ui.Screen();

        Assert.Contains("SN: 3 languages and skills · ✗ 1 short", screen);
        Assert.EndsWith("SN", Row(screen, "NAME").TrimEnd());
        Assert.Contains("✗ −3", Row(screen, "Forensics"));
        Assert.Equal(["Gender", "0", "0", "0", "—", "0"], Row(screen, "Gender").Split(' ', StringSplitOptions.RemoveEmptyEntries));

        ui.Press('s').Press('s');
        screen = ui.Screen();
        Assert.Contains("SUPPLY ▲", screen);
        Assert.Equal(["Gender", "Forensics", "French B2"], reports.Skills.Table.Source.ShownRows.Select(l => l.DisplayName));
    }

    [Fact]
    public void Expiring_ListsSoonestFirst_WithCountsPerBand_AndWCyclesTheWindow()
    {
        var client = Sample.Client();
        client.Expiring = new ExpiringCertifications
        {
            Certifications =
            {
                Expiry("memberStates/SN/officers/awa", "Diop, Awa", "AMS", 0, 7),
                Expiry("memberStates/SN/officers/fatou", "Ndiaye, Fatou", "courses/cptm", 12, 30),
                Expiry("memberStates/SN/officers/moussa", "Fall, Moussa", "courses/unpol-stm", 75, 90),
            },
            CountByBand = { [7] = 1, [30] = 1, [60] = 0, [90] = 1 },
        };
        using var ui = new ScreenHarness(client);
        var reports = OpenReports(ui);
        ui.Press('x');
        var screen = ui.Screen();
        var courseReads = client.Calls.Count(c => c == "ListCourses");

        Assert.Contains("GetExpiringCertifications  90", client.Calls);
        Assert.Contains("SN: 3 certifications expiring within 90 days, soonest first", screen);
        Assert.Contains("✗ ≤7 days: 1 · ! ≤30 days: 1 · ≤60 days: 0 · ≤90 days: 1", screen);
        Assert.Contains("w looks ahead 30 [90] 365 days", screen);
        Assert.Equal(["OFFICER", "CERTIFICATION", "EXPIRES", "DAYS", "LEFT", "BAND"],
            Row(screen, "OFFICER").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(h => h.Any(char.IsLetter)));
        var awa = Row(screen, "Diop, Awa");
        Assert.Contains("AMS pass", awa);
        Assert.Contains("today", awa);
        Assert.Contains("✗ ≤7 days", awa);
        Assert.Contains("CPTM", Row(screen, "Ndiaye, Fatou"));
        Assert.Contains("! ≤30 days", Row(screen, "Ndiaye, Fatou"));
        Assert.Contains("UNPOL-STM", Row(screen, "Fall, Moussa"));
        Assert.True(screen.IndexOf("Diop", StringComparison.Ordinal) < screen.IndexOf("Ndiaye", StringComparison.Ordinal));
        Assert.True(screen.IndexOf("Ndiaye", StringComparison.Ordinal) < screen.IndexOf("Fall", StringComparison.Ordinal));

        ui.Press('w');
        Assert.Equal(365, reports.Expiring.Window);
        Assert.Contains("GetExpiringCertifications  365", client.Calls);
        Assert.Contains("w looks ahead 30 90 [365] days", ui.Screen());
        ui.Press('w');
        Assert.Contains("GetExpiringCertifications  30", client.Calls);
        Assert.Equal(courseReads, client.Calls.Count(c => c == "ListCourses"));
    }

    [Fact]
    public void Expiring_ColoursThisWeekAndThisMonth_AndAnAuditorSeesTheState()
    {
        var client = Sample.Client();
        client.Expiring = new ExpiringCertifications
        {
            Certifications =
            {
                Expiry("memberStates/FR/officers/claire", "Martin, Claire", "AMS", 3, 7),
                Expiry("memberStates/SN/officers/fatou", "Ndiaye, Fatou", "courses/cptm", 20, 30),
                Expiry("memberStates/SN/officers/awa", "Diop, Awa", "courses/cptm", 50, 60),
            },
            CountByBand = { [7] = 1, [30] = 1, [60] = 1, [90] = 0 },
        };
        using var ui = new ScreenHarness(client, Callers.Auditor());
        OpenReports(ui);
        ui.Press('x');
        var screen = ui.Screen();

        Assert.Contains("STATE", Row(screen, "OFFICER"));
        Assert.Contains(" FR ", Row(screen, "Martin, Claire"));
        var cells = ui.App.Driver!.Contents!;
        Color Foreground(string text)
        {
            var row = Array.FindIndex(Lines(ui.Screen()), l => l.Contains(text, StringComparison.Ordinal));
            var column = Lines(ui.Screen())[row].IndexOf("≤", StringComparison.Ordinal);
            return cells[row, column].Attribute?.Foreground ?? Color.None;
        }
        Assert.Equal(new Color(ColorName16.Yellow), Foreground("Ndiaye, Fatou"));
        Assert.NotEqual(new Color(ColorName16.Red), Foreground("Diop, Awa"));
        Assert.NotEqual(new Color(ColorName16.Yellow), Foreground("Diop, Awa"));
    }

    [Fact]
    public void Keys_SwitchReports_TabCycles_AndF5ReadsOnlyTheOneInFrontAgain()
    {
        var client = Sample.Client();
        client.ParityReport = SenegalParity();
        using var ui = new ScreenHarness(client);
        var reports = OpenReports(ui);
        Assert.Same(reports.Parity, reports.Current);

        ui.Press(Key.Tab);
        Assert.Same(reports.Skills, reports.Current);
        ui.Press(Key.Tab);
        Assert.Same(reports.Expiring, reports.Current);
        ui.Press(Key.Tab);
        Assert.Same(reports.Parity, reports.Current);
        ui.Press(Key.Tab.WithShift);
        Assert.Same(reports.Expiring, reports.Current);
        ui.Press('p');
        Assert.Same(reports.Parity, reports.Current);

        Assert.Equal(1, client.Calls.Count(c => c.StartsWith("GetParityReport", StringComparison.Ordinal)));
        Assert.Equal(1, client.Calls.Count(c => c.StartsWith("GetSkillsReport", StringComparison.Ordinal)));
        Assert.Equal(1, client.Calls.Count(c => c.StartsWith("GetExpiringCertifications", StringComparison.Ordinal)));

        client.ParityReport.Cells[2].Women = 4;
        client.ParityReport.Cells[2].Status = ParityStatus.Green;
        ui.Press(Key.F5);
        Assert.Equal(2, client.Calls.Count(c => c.StartsWith("GetParityReport", StringComparison.Ordinal)));
        Assert.Equal(1, client.Calls.Count(c => c.StartsWith("GetSkillsReport", StringComparison.Ordinal)));
        Assert.EndsWith("✓  33 %  4 of 12  target 29 %", Row(ui.Screen(), "IPO").TrimEnd());
    }

    [Fact]
    public void AFailedRead_SaysSoInTheReport_AndShowingItAgainRetries()
    {
        var client = Sample.Client();
        client.Unreachable = true;
        using var ui = new ScreenHarness(client);
        OpenReports(ui);
        ui.Press('k');

        Assert.Contains("✗ Could not read the skills report", ui.Screen());
        client.Unreachable = false;
        client.SkillsReport = new SkillsReport { Lines = { Line("skill:forensics", "Forensics", 0, 0, ("SN", 3)) } };
        ui.Press('p').Press('k');
        Assert.Contains("Forensics", ui.Screen());
    }
}
