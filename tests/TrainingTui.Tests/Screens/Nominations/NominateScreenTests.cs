using Terminal.Gui.Input;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Nominations;

public sealed class NominateScreenTests
{
    private const string MarchSession = "courses/unpol-stm/sessions/mar-entebbe";

    private static string Officer(string id) => $"memberStates/SN/officers/{id}";

    private static EligibilityFinding Hard(string rule, string description) =>
        new() { Rule = rule, Severity = FindingSeverity.Hard, Description = description };

    private static EligibilityFinding Soft(string rule, string description) =>
        new() { Rule = rule, Severity = FindingSeverity.Soft, Description = description };

    /// <summary>Moussa fails two rules; Aminata is 57 (a warning) and the service also sends its live parity warning.</summary>
    private static FakeTrainingClient ClientWithFindings()
    {
        var client = Sample.Client();
        client.Eligibility[Officer("moussa")] = new CheckEligibilityResponse
        {
            Eligible = false,
            Failures =
            {
                Hard("LANGUAGE_LEVEL_TOO_LOW", "English listening B1; this course requires B2."),
                Hard("SERVICE_TOO_SHORT", "3 years of police service; at least 5 are required."),
            },
        };
        client.Eligibility[Officer("aminata")] = new CheckEligibilityResponse
        {
            Eligible = true,
            Warnings =
            {
                Soft("AGE_AT_OR_ABOVE_WARNING", "Aged 57 on 1 Mar 2027: 55 or older."),
                Soft("PARITY_BELOW_THRESHOLD", "SN's list has 0 women among 0 nominee(s)."),
            },
        };
        return client;
    }

    private static NominateScreen OpenNominate(ScreenHarness ui)
    {
        ui.Press(Key.CursorDown).Press(Key.Enter).Press('n');
        var screen = Assert.IsType<NominateScreen>(ui.Current);
        Assert.Equal(MarchSession, screen.Session.Name);
        return screen;
    }

    private static void MoveTo(ScreenHarness ui, NominateScreen screen, string officerId)
    {
        ui.Press(Key.Home.WithCtrl);
        for (var i = 0; i < screen.Source.Rows && screen.Selected?.Key != Officer(officerId); i++) ui.Press(Key.CursorDown);
        Assert.Equal(Officer(officerId), screen.Selected?.Key);
    }

    private static NomineeRow Row(NominateScreen screen, string officerId) => screen.Source.AllRows.Single(c => c.Key == Officer(officerId));

    /// <summary>The officer's row of the table (not the selected officer's line in the details, "Diop, Awa: ✓ eligible.").</summary>
    private static string Line(string screen, string text) =>
        screen.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal) && !l.TrimStart().StartsWith(text + ":", StringComparison.Ordinal));

    [Fact]
    public void Roster_ShowsEachOfficersEligibility_WithTheFirstReasonAndHowManyMore()
    {
        var client = ClientWithFindings();
        using var ui = new ScreenHarness(client);
        OpenNominate(ui);
        var screen = ui.Screen();

        Assert.Contains("● OK NAME", screen);
        Assert.Contains("WHY NOT", screen);
        Assert.Contains("✓  Diop, Awa", Line(screen, "Diop, Awa"));
        var moussa = Line(screen, "Fall, Moussa");
        Assert.Contains("✗  Fall, Moussa", moussa);
        Assert.Contains("English listening B1; this course requires B2. +1 more", moussa);
        Assert.Contains("! Aged 57 on 1 Mar 2027: 55 or older.", Line(screen, "Sow, Aminata"));
        Assert.DoesNotContain("SN's list has", screen);
        Assert.Contains("SN roster: 5 officers · 4 eligible · all checked", screen);

        var search = Assert.Single(client.SearchRequests);
        Assert.Equal(["SN"], search.RegionCodes);
        Assert.Equal(500, search.PageSize);
        Assert.Equal(5, client.Calls.Count(c => c.StartsWith("CheckEligibility memberStates/SN/", StringComparison.Ordinal)));
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CheckEligibility memberStates/FR/", StringComparison.Ordinal));
    }

    [Fact]
    public void Space_OnAnIneligibleOfficer_DoesNotSelectThem_AndSaysWhy()
    {
        using var ui = new ScreenHarness(ClientWithFindings());
        var nominate = OpenNominate(ui);
        MoveTo(ui, nominate, "moussa");

        ui.Press(Key.Space);

        Assert.False(Row(nominate, "moussa").Selected);
        Assert.Equal("✗ Fall, Moussa cannot be nominated: English listening B1; this course requires B2. (and 1 more: Enter shows all)",
            ui.Shell.Message);
        Assert.DoesNotContain("●  ", Line(ui.Screen(), "Fall, Moussa"));
    }

    [Fact]
    public void Space_TogglesTheSelectionMark_AndA_SelectsEveryEligibleOfficerThenNone()
    {
        using var ui = new ScreenHarness(ClientWithFindings());
        var nominate = OpenNominate(ui);

        ui.Press(Key.Space);
        Assert.True(Row(nominate, "awa").Selected);
        Assert.Contains("● ✓  Diop, Awa", Line(ui.Screen(), "Diop, Awa"));
        Assert.Contains("1 selected (1 woman) · n submits", ui.Screen());
        ui.Press(Key.Space);
        Assert.False(Row(nominate, "awa").Selected);

        ui.Press('a');
        Assert.Equal(["awa", "fatou", "ibrahima", "aminata"],
            nominate.Source.AllRows.Where(c => c.Selected).Select(c => c.Key.Split('/')[^1]));
        Assert.Equal("✓ Selected 4 eligible officers (3 women).", ui.Shell.Message);
        ui.Press('a');
        Assert.DoesNotContain(nominate.Source.AllRows, c => c.Selected);
    }

    [Fact]
    public void Filter_AndSort_WorkAsOnEveryList_AndASelectsOnlyTheRowsShown()
    {
        using var ui = new ScreenHarness(ClientWithFindings());
        var nominate = OpenNominate(ui);

        ui.Press('/').Type("sow").Press(Key.Enter);
        Assert.Contains("SN roster: 1 of 5 shown", ui.Screen());
        ui.Press('a');
        Assert.Equal([Officer("aminata")], nominate.Source.AllRows.Where(c => c.Selected).Select(c => c.Key));

        ui.Press(Key.Esc);
        ui.Press('s');
        Assert.Contains("● ▲", ui.Screen());
        Assert.Equal(Officer("aminata"), nominate.Source.RowAt(0).Key);
    }

    [Fact]
    public void Enter_ShowsEveryFindingOfTheOfficer()
    {
        using var ui = new ScreenHarness(ClientWithFindings());
        var nominate = OpenNominate(ui);
        MoveTo(ui, nominate, "moussa");

        ui.Press(Key.Enter);

        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Fall, Moussa — UNPOL-STM", title);
        Assert.Contains("✗ Not eligible for this session:", text);
        Assert.Contains("✗ English listening B1; this course requires B2.", text);
        Assert.Contains("✗ 3 years of police service; at least 5 are required.", text);
    }

    [Fact]
    public void SubmittingTwo_SendsOneSubmissionEach_AndShowsEachResult_WithTheRefusalsReasons()
    {
        var client = ClientWithFindings();
        client.SubmissionRefusals[Officer("fatou")] =
            [("DATES_OVERLAP", "Fatou holds a confirmed seat in CPTM, Dakar, whose dates overlap.")];
        using var ui = new ScreenHarness(client);
        var nominate = OpenNominate(ui);
        ui.Press(Key.Space);
        MoveTo(ui, nominate, "fatou");
        ui.Press(Key.Space);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press(Key.S.WithCtrl);

        Assert.Equal([Officer("awa"), Officer("fatou")], client.SubmissionRequests.Select(r => r.Officer));
        Assert.All(client.SubmissionRequests, r => Assert.True(Guid.TryParse(r.RequestId, out _)));
        Assert.NotEqual(client.SubmissionRequests[0].RequestId, client.SubmissionRequests[1].RequestId);
        var screen = ui.Screen();
        var awa = Line(screen, "Diop, Awa");
        Assert.Contains("✓ submitted", awa);
        Assert.Contains("→  Diop, Awa", awa);
        Assert.Contains("submitted just now", awa);
        Assert.Contains("· 1 submitted ·", screen);
        var fatou = Line(screen, "Ndiaye, Fatou");
        Assert.Contains("Fatou holds a confirmed seat in CPTM, Dakar, whose date…", fatou);
        Assert.Contains("✗ refused", fatou);
        Assert.Equal("✗ Submitted 1 of 2; 1 refused — WHY NOT says why, Enter shows all.", ui.Shell.Message);
        MoveTo(ui, nominate, "fatou");
        ui.Press(Key.Enter);
        Assert.Contains("✗ The service refused the nomination: Fatou holds a confirmed seat in CPTM, Dakar, whose dates overlap.",
            ui.Dialogs.Shown.Single().Text);
        Assert.DoesNotContain(nominate.Source.AllRows, c => c.Selected);

        MoveTo(ui, nominate, "awa");
        ui.Press(Key.Space);
        Assert.Equal("✗ Diop, Awa is already submitted to this session.", ui.Shell.Message);
        ui.Press('n');
        Assert.Equal("✗ Nothing selected: Space selects an officer, a selects every eligible one.", ui.Shell.Message);
        Assert.Equal(2, client.SubmissionRequests.Count);
    }

    [Fact]
    public void Retry_AfterTheServiceWasUnreachable_SendsTheSameRequestId_AndNominatesOnce()
    {
        var client = ClientWithFindings();
        using var ui = new ScreenHarness(client);
        var nominate = OpenNominate(ui);
        ui.Press(Key.Space);

        client.Unreachable = true;
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');
        Assert.True(Row(nominate, "awa").Selected);
        Assert.Null(Row(nominate, "awa").Result);
        Assert.Contains("cannot be reached", ui.Shell.Message);

        client.Unreachable = false;
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');

        Assert.Equal(2, client.SubmissionRequests.Count);
        Assert.Equal(client.SubmissionRequests[0], client.SubmissionRequests[1]);
        Assert.Single(client.Nominations);
        Assert.True(Row(nominate, "awa").Submitted);
        Assert.Equal("✓ Submitted 1 of 1.", ui.Shell.Message);
    }

    [Fact]
    public void AFullSession_ShowsItsSeatsAboveTheRoster_AndTheReviewSaysConfirmationsWillWait()
    {
        var client = ClientWithFindings();
        client.Statistics[MarchSession] = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 0, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = new NominationFigures { Nominated = 27, Confirmed = 24, Waitlisted = 3, NominatedWomen = 9 },
        };
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        OpenNominate(ui);
        Assert.Contains("Seats: 24 of 24 taken (full) · 3 waitlisted", ui.Screen());

        ui.Press(Key.Space);
        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('n');

        Assert.Contains("⚠ The session is full (Seats: 24 of 24 taken (full) · 3 waitlisted): new nominations can only go on the waitlist until a seat frees up.",
            Assert.Single(ui.Dialogs.Asked));
    }

    [Fact]
    public void Review_WarnsWhenTheListWouldFallBelowTwentyPercentWomen_AndListsTheOfficersWarnings()
    {
        var client = ClientWithFindings();
        client.Eligibility.Remove(Officer("moussa"));
        client.Statistics[MarchSession] = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 24, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = new NominationFigures { Nominated = 4, NominatedWomen = 1 },
            MemberStates = { new MemberStateFigures { RegionCode = "SN", Figures = new NominationFigures { Nominated = 4, NominatedWomen = 1 } } },
        };
        using var ui = new ScreenHarness(client);
        var nominate = OpenNominate(ui);
        MoveTo(ui, nominate, "moussa");
        ui.Press(Key.Space);
        MoveTo(ui, nominate, "ibrahima");
        ui.Press(Key.Space);
        Assert.Contains("Women on SN's list: 1 of 4; with the selection 1 of 6 (17 %) ⚠", ui.Screen());

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('n');

        var review = Assert.Single(ui.Dialogs.Asked);
        Assert.StartsWith("Review the nomination: Nominate 2 officers to UNPOL-STM, 1 Mar–12 Mar 2027 (Entebbe RSC):", review);
        Assert.Contains("⚠ Parity: SN's list would have 1 woman among 6 nominees (17 %), below the 20 % asked of every Member State.", review);
        Assert.Contains("No warnings about these officers.", review);
        Assert.DoesNotContain("The session is full", review);
        Assert.Empty(client.SubmissionRequests);
        Assert.Equal("✓ Nothing was submitted.", ui.Shell.Message);

        MoveTo(ui, nominate, "aminata");
        ui.Press(Key.Space);
        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('n');

        var second = ui.Dialogs.Asked[1];
        Assert.Contains("  ! Sow, Aminata: Aged 57 on 1 Mar 2027: 55 or older.", second);
        Assert.DoesNotContain("SN's list has", second);
        Assert.Contains("✓ Parity: SN's list would have 2 women among 7 nominees (29 %), at or above the 20 % asked", second);
    }

    [Fact]
    public void Eligibility_IsCheckedAFewAtATime_RowsOnScreenFirst_AndRowsFillInAsAnswersArrive()
    {
        var client = Sample.Client();
        for (var i = 0; i < 40; i++) client.Officers.Add(Sample.Officer("SN", $"o{i:00}", $"Family{i:00}", "Given", Gender.Male));
        client.HoldEligibilityChecks = true;
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var nominate = OpenNominate(ui);

        Assert.Equal(4, client.HeldEligibilityChecks.Count);
        Assert.Contains("SN roster: 45 officers · 0 eligible · checked 0 of 45", ui.Screen());
        Assert.Contains("…  Diop, Awa", ui.Screen());

        client.ReleaseEligibilityCheck();
        ui.Pump();
        Assert.Equal(4, client.HeldEligibilityChecks.Count);
        Assert.Contains("checked 1 of 45", ui.Screen());
        Assert.Contains("✓  Diop, Awa", ui.Screen());

        ui.Press(Key.End.WithCtrl);
        client.ReleaseEligibilityCheck();
        ui.Pump();
        var next = client.HeldEligibilityChecks[^1];
        Assert.True(nominate.Source.IndexOf(next) >= nominate.Table.RowOffset, $"{next} is not on screen");

        ui.Press(Key.Space);
        Assert.Contains("still being checked", ui.Shell.Message);

        while (client.HeldEligibilityChecks.Count > 0)
        {
            client.ReleaseEligibilityCheck();
            ui.Pump();
        }
        Assert.Contains("45 eligible · all checked", ui.Screen());
        Assert.Equal(45, client.Calls.Count(c => c.StartsWith("CheckEligibility", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheCounter_CountsTheEligibleAmongTheRowsShown_NotAmongTheWholeRoster()
    {
        using var ui = new ScreenHarness(ClientWithFindings(), columns: 80, rows: 24, theme: Theme.NoColor);
        OpenNominate(ui);

        ui.Press('/').Type("fall").Press(Key.Enter);

        var text = ui.Screen();
        Assert.Contains("✗  Fall, Moussa", text);
        Assert.Contains("SN roster: 1 of 5 shown · 0 of them eligible · all checked", text);
        Assert.DoesNotContain("4 eligible", text);
    }

    [Fact]
    public void TheSelectedOfficersReasons_ReadWholeAboveTheTable_AtEightyColumns()
    {
        var client = ClientWithFindings();
        client.Eligibility[Officer("moussa")].Failures[0].Description =
            "No Forensics skill on record at the advanced level this course requires; the roster lists none for this officer.";
        using var ui = new ScreenHarness(client, columns: 80, rows: 24, theme: Theme.NoColor);
        var nominate = OpenNominate(ui);
        MoveTo(ui, nominate, "moussa");

        var text = ui.Screen();
        ScreenText.AssertWhole(text, "Fall, Moussa: ✗ No Forensics skill on record at the advanced level this course requires; " +
                                     "the roster lists none for this officer. ✗ 3 years of police service; at least 5 are required.");
        // Above the table: every line of the reasons comes before the column headers.
        var lines = text.Split('\n');
        Assert.True(Array.FindIndex(lines, l => l.Contains("at least 5 are required.", StringComparison.Ordinal)) <
                    Array.FindIndex(lines, l => l.Contains("WHY NOT", StringComparison.Ordinal)));

        MoveTo(ui, nominate, "aminata");
        ScreenText.AssertWhole(ui.Screen(), "Sow, Aminata: ✓ eligible. ! Aged 57 on 1 Mar 2027: 55 or older.");
    }

    [Fact]
    public void AfterGrowingFromSixtyByTwentyToEightyByTwentyFour_NoBlankLineIsLeftAboveTheTable()
    {
        var client = ClientWithFindings();
        client.Courses[0].Requirements.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Advanced });
        using var ui = new ScreenHarness(client, columns: 60, rows: 20, theme: Theme.NoColor);
        OpenNominate(ui);
        ui.Screen();

        ui.Resize(80, 24);

        var lines = ui.Screen().Split('\n').Select(l => l.TrimEnd()).ToList();
        var summary = lines.FindIndex(l => l.StartsWith("SN roster:", StringComparison.Ordinal));
        Assert.True(summary > 0, string.Join('\n', lines));
        Assert.All(lines.Take(summary), l => Assert.NotEqual("", l));
        Assert.StartsWith("Diop, Awa:", lines[summary - 1]);
    }

    [Fact]
    public void F_NarrowsTheOfficersBySkillAndLanguage_WithTheRostersForm_AndKeepsTheAnswersAlreadyHad()
    {
        var client = ClientWithFindings();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var nominate = OpenNominate(ui);
        var checks = client.Calls.Count(c => c.StartsWith("CheckEligibility", StringComparison.Ordinal));

        ui.Press('f');
        var form = Assert.IsType<RosterFilterScreen>(ui.Current);
        form.Row(RosterFilterScreen.Skills).Input.Text = "forensics advanced";
        form.Row(RosterFilterScreen.Languages).Input.Text = "fr B2";
        ui.Press(Key.Enter);

        Assert.Same(nominate, ui.Current);
        var search = client.SearchRequests[^1];
        Assert.Equal(["SN"], search.RegionCodes);
        Assert.Equal("forensics", Assert.Single(search.Skills).SkillCode);
        Assert.Equal(SkillLevel.Advanced, search.Skills[0].MinimumLevel);
        Assert.Equal(("fr", CefrLevel.B2), (search.Languages[0].LanguageCode, search.Languages[0].MinimumLevel));
        Assert.Contains("— only forensics ≥ advanced · fr ≥ B2 (c clears)", ScreenText.Flowing(ui.Screen()));
        Assert.Equal(checks, client.Calls.Count(c => c.StartsWith("CheckEligibility", StringComparison.Ordinal)));

        ui.Press('g');
        Assert.Equal(Gender.Female, client.SearchRequests[^1].Gender);
        Assert.Equal(["awa", "fatou", "aminata"], nominate.Source.ShownRows.Select(r => r.Key.Split('/')[^1]));
        Assert.Contains("SN roster: 3 officers · 3 eligible", ui.Screen());

        ui.Press('c');
        Assert.Empty(client.SearchRequests[^1].Skills);
        Assert.Equal(Gender.Unspecified, client.SearchRequests[^1].Gender);
        Assert.Equal(5, nominate.Source.Rows);
        Assert.DoesNotContain("only ", ui.Screen());
    }

    [Fact]
    public void AnOfficerSelectedBeforeTheCriteriaChange_StaysSelectedAndListed()
    {
        var client = ClientWithFindings();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var nominate = OpenNominate(ui);
        MoveTo(ui, nominate, "ibrahima");
        ui.Press(Key.Space);

        ui.Press('g');

        Assert.Contains(nominate.Source.AllRows, r => r.Key == Officer("ibrahima") && r.Selected);
        Assert.Contains("1 selected (0 women)", ui.Screen());
    }
}
