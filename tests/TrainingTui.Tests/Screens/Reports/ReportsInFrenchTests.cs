using Terminal.Gui.Input;
using Training.Tui.Localization;
using Training.Tui.Screens.Reports;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Reports;

public sealed class ReportsInFrenchTests
{
    private static ParityCell Cell(string region, string category, ParityStage stage, int total, int women, double target, ParityStatus status) => new()
    {
        RegionCode = region, Category = category, Stage = stage, Total = total, Women = women,
        WomenShare = total == 0 ? 0 : (double)women / total, Target = target, Status = status,
    };

    private static ParityReport Parity()
    {
        var report = new ParityReport { TargetYear = 2027 };
        foreach (var region in new[] { "BF", "CI", "NE", "SN", "TD" })
        {
            report.MemberStates.Add(new MemberStateParity { RegionCode = region, Nominated = 17, NominatedWomen = 5, Target = 0.29, Status = ParityStatus.Yellow });
            report.Cells.Add(Cell(region, "IPO", ParityStage.Nominated, 12, 3, 0.29, ParityStatus.Yellow));
            report.Cells.Add(Cell(region, "FPU", ParityStage.ConfirmedOrSelected, 5, 2, 0.19, ParityStatus.Green));
            report.Cells.Add(Cell(region, "COURSE_STM", ParityStage.ConfirmedOrSelected, 4, 0, 0.29, ParityStatus.Red));
        }
        report.MemberStates.Add(new MemberStateParity { RegionCode = "TG", Target = 0.29 });
        return report;
    }

    private static SkillsLine Line(string key, string name, int requested, int seats, params (string State, int Supply)[] supply)
    {
        var line = new SkillsLine { Key = key, DisplayName = name, Requested = requested, SessionSeats = seats, Supply = supply.Sum(s => s.Supply) };
        foreach (var (state, count) in supply) line.SupplyByMemberState[state] = count;
        return line;
    }

    private static ExpiringCertification Expiry(string officer, string name, string certification, int daysLeft, int band)
    {
        var day = new DateOnly(2027, 1, 20).AddDays(daysLeft);
        return new ExpiringCertification
        {
            Officer = officer, OfficerDisplayName = name, Certification = certification, DaysLeft = daysLeft, WithinBand = band,
            ExpiryDate = Sample.Date(day.Year, day.Month, day.Day),
        };
    }

    private static FakeTrainingClient Client()
    {
        var client = Sample.Client();
        client.ParityReport = Parity();
        client.SkillsReport = new SkillsReport
        {
            Lines =
            {
                Line("language:fr:B2", "Français B2", 1200, 24, ("SN", 1005), ("NE", 3)),
                Line("skill:forensics", "Police scientifique", 2, 0, ("SN", 3)),
            },
        };
        client.Expiring = new ExpiringCertifications
        {
            Certifications =
            {
                Expiry("memberStates/SN/officers/awa", "Diop, Awa", "AMS", 0, 7),
                Expiry("memberStates/SN/officers/fatou", "Ndiaye, Fatou", "courses/cptm", 1, 7),
                Expiry("memberStates/SN/officers/moussa", "Fall, Moussa", "courses/unpol-stm", 75, 90),
            },
            CountByBand = { [7] = 2, [30] = 0, [60] = 0, [90] = 1 },
        };
        return client;
    }

    private static ScreenHarness French(FakeTrainingClient client, Caller? caller = null) =>
        new(client, caller, columns: 80, rows: 24, theme: Theme.NoColor, french: true);

    private static string[] Lines(string screen) => screen.Split('\n');

    private static string Row(string screen, string text) => Lines(screen).First(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Senegal alone, as a focal point of Senegal reads it: yellow, IPO nominated, FPU selected, STM confirmed.</summary>
    private static ParityReport SenegalParity() => new()
    {
        TargetYear = 2027,
        MemberStates = { new MemberStateParity { RegionCode = "SN", Nominated = 17, NominatedWomen = 5, Target = 0.29, Status = ParityStatus.Yellow } },
        Cells =
        {
            Cell("SN", "IPO", ParityStage.Nominated, 12, 3, 0.29, ParityStatus.Yellow),
            Cell("SN", "FPU", ParityStage.ConfirmedOrSelected, 5, 2, 0.19, ParityStatus.Green),
            Cell("SN", "COURSE_STM", ParityStage.ConfirmedOrSelected, 4, 0, 0.29, ParityStatus.Red),
        },
    };

    [Fact]
    public void Parity_InFrench_SaysTheColourAndEachBarInFrench_WithItsLegendWhole()
    {
        var client = Client();
        client.ParityReport = SenegalParity();
        using var ui = French(client);
        ui.Press('6');
        Assert.IsType<ReportsScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("│ Rapports", screen);
        Assert.Contains("[p Parité]   k Compétences    x Expirations    Tab suivant · F5 recharger", screen);
        ScreenText.AssertWhole(screen, "SN : parité femmes-hommes par catégorie et par étape · objectifs 2027");
        ScreenText.AssertWhole(screen, "✓ vert atteint l'objectif ! jaune en dessous ✗ rouge aucune femme | objectif");
        var (share, target) = (Format.Percent(5.0 / 17), Format.Percent(0.29));
        Assert.Contains($"SN  ! jaune  femmes : 5 sur 17 candidatures ({share}) · objectif {target}", screen);
        Assert.Contains("présentés", Row(screen, "IPO"));
        Assert.EndsWith($"!  {Format.Percent(0.25)}  3 sur 12  objectif {target}", Row(screen, "IPO").TrimEnd());
        Assert.Contains("sélectionnés", Row(screen, "FPU"));
        Assert.Contains("confirmés", Row(screen, "Cours STM"));
        Assert.All(Lines(screen), l => Assert.True(l.TrimEnd().Length <= 80));
        foreach (var english in new[] { "share of women", "target", "nominated", "yellow", "green", "course", "Parity" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void Parity_InFrench_ForAnAdministrator_ScrollsAndNamesTheStatesWithNobodyCounted()
    {
        using var ui = French(Client(), Callers.Administrator());
        ui.Press('6');
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "Tous les États Membres (6) : parité femmes-hommes par catégorie et par étape · objectifs 2027");
        ScreenText.AssertWhole(screen, "lignes de plus : ↑ ↓ PgUp PgDn pour défiler");

        ui.Press(Key.End);
        screen = ui.Screen();
        Assert.Contains($"TG  — aucun  aucune candidature · objectif {Format.Percent(0.29)}", screen);
        Assert.Contains("aucune candidature comptée pour l'instant", screen);
        Assert.DoesNotContain("nobody", screen);
    }

    [Fact]
    public void Skills_InFrench_SayTheShortfall_WithFrenchFigures()
    {
        using var ui = French(Client(), Callers.Administrator());
        ui.Press('6').Press('k');
        var screen = ui.Screen();

        Assert.Contains("[k Compétences]", screen);
        ScreenText.AssertWhole(screen, "Tous les États Membres : 2 langues et compétences · ✗ 1 en pénurie face aux demandes ouvertes");
        ScreenText.AssertWhole(screen, "OFFRE agents disponibles · DEMANDÉS par les demandes · ÉCART offre − demandés");
        Assert.Matches(@"NOM\s+OFFRE\s+DEMANDÉS\s+PLACES SÉANCES\s+ÉCART\s+NE\s+SN", screen);
        var french = Row(screen, "Français B2");
        Assert.Contains(1200.ToString("N0", UiLanguage.Formatting), french);
        Assert.Contains("✗ −192", french);
        Assert.NotEqual("1,200", 1200.ToString("N0", UiLanguage.Formatting));
        foreach (var english in new[] { "SUPPLY", "REQUESTED", "GAP", "languages and skills", "short of" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void Expiring_InFrench_CountsTheBands_AndSaysTheDaysLeft()
    {
        using var ui = French(Client());
        ui.Press('6').Press('x');
        var screen = ui.Screen();

        Assert.Contains("[x Expirations]", screen);
        ScreenText.AssertWhole(screen, "SN : 3 certifications qui expirent d'ici 90 jours, les plus proches d'abord");
        ScreenText.AssertWhole(screen, "✗ ≤7 jours : 2 · ! ≤30 jours : 0 · ≤60 jours : 0 · ≤90 jours : 1");
        ScreenText.AssertWhole(screen, "w période : 30 [90] 365 jours");
        Assert.Matches(@"AGENT\s+CERTIFICATION\s+EXPIRE LE\s+RESTE\s+TRANCHE", screen);
        Assert.Matches(@"AMS réussie\s+20 janv\. 2027\s+aujourd'hui\s+✗ ≤7 jours", Row(screen, "Diop, Awa"));
        Assert.Matches(@"CPTM\s+21 janv\. 2027\s+1 jour\s+✗ ≤7 jours", Row(screen, "Ndiaye, Fatou"));
        Assert.Matches(@"75 jours\s+≤90 jours", Row(screen, "Fall, Moussa"));

        ui.Press('w');
        ScreenText.AssertWhole(ui.Screen(), "w période : 30 90 [365] jours");
        foreach (var english in new[] { "days", "expiring", "today", "AMS pass", "OFFICER", "looks ahead" })
            Assert.DoesNotContain(english, ui.Screen());
    }

    [Fact]
    public void AFailedRead_InFrench_SaysSoWhole()
    {
        var client = Client();
        client.Unreachable = true;
        using var ui = French(client);
        ui.Press('6').Press('k');

        ScreenText.AssertWhole(ui.Screen(), "✗ Impossible de lire le rapport sur les compétences :");
        Assert.Contains("(F5 réessaie)", ScreenText.Flowing(ui.Screen()));
    }
}
