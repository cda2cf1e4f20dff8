using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Recruitment;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Tests.Screens.Recruitment;

public sealed class RequestScreensTests
{
    private const string Forensics = "requests/forensics-minusca";

    private const string Scoring =
        "language_margin: per required language, 5 points per CEFR level above the requirement, at most 10; " +
        "skill_level: per required skill, 5 points plus 5 per level above the minimum; " +
        "availability: 10 points when available now. Ties are broken by name.";

    private static string Officer(string id, string region = "SN") => $"memberStates/{region}/officers/{id}";

    private static RecruitmentRequest Request(string id, string title, string mission, RecruitmentRequest.Types.State state, int month) => new()
    {
        Name = $"requests/{id}",
        Title = title,
        Mission = $"missions/{mission}",
        Category = PersonnelCategory.Ipo,
        ExpertProfile = "Crime-scene examiners able to train national police counterparts.",
        Stream = SkillStream.PoliceOperations,
        OfficerCount = 12,
        DeploymentDate = Sample.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, month, 15, 9, 0, 0, DateTimeKind.Utc)),
        Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
        Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Advanced } },
        AmsRequired = true,
        MedicalRequired = false,
        TargetWomenShare = 0.3,
        State = state,
    };

    private static Nomination ToRequest(string region, string id, Officer officer, string request, State state) => new()
    {
        Name = $"memberStates/{region}/nominations/{id}",
        Officer = officer.Name,
        Request = request,
        State = state,
        OfficerDisplayName = $"{officer.FamilyName}, {officer.GivenName}",
        OfficerGender = officer.Gender,
        Etag = "\"1\"",
        UpdateTime = Timestamp.FromDateTime(new DateTime(2027, 1, 18, 10, 0, 0, DateTimeKind.Utc)),
    };

    private static Candidate Candidate(Officer officer, double score, params string[] warnings) => new()
    {
        Officer = officer.Name,
        OfficerDisplayName = $"{officer.FamilyName}, {officer.GivenName}",
        Gender = officer.Gender,
        Score = score,
        Components =
        {
            new ScoreComponent { Component = "language_margin", Points = 10, Explanation = "French 2 level(s) above the required B2" },
            new ScoreComponent { Component = "skill_level", Points = score - 20, Explanation = "Forensics at expert level, 1 above the minimum" },
            new ScoreComponent { Component = "availability", Points = 10, Explanation = "available now" },
        },
        Warnings = { warnings },
    };

    /// <summary>
    /// Two requests (MINUSCA forensics, open; UNMISS, closed), nominations to the first from SN (Diop submitted,
    /// Fall shortlisted) and FR (Martin selected), one SN nomination to a session, and three SN candidates for it.
    /// </summary>
    private static FakeTrainingClient ClientWithRequests()
    {
        var client = Sample.Client();
        client.Requests.AddRange([
            Request("forensics-minusca", "Forensic investigators, francophone", "minusca", RecruitmentRequest.Types.State.Open, 3),
            Request("community-unmiss", "Community policing advisers", "unmiss", RecruitmentRequest.Types.State.Closed, 1),
        ]);
        var o = client.Officers;
        client.Nominations.AddRange([
            ToRequest("SN", "r1", o[0], Forensics, State.Submitted),
            ToRequest("SN", "r2", o[1], Forensics, State.Shortlisted),
            ToRequest("FR", "r3", o[5], Forensics, State.Selected),
            Sample.Nomination("SN", "n9", o[2], client.Sessions[1], State.Submitted),
        ]);
        client.Matches[Forensics] = new MatchCandidatesResponse
        {
            Candidates =
            {
                Candidate(o[2], 35),
                Candidate(o[4], 30, "Aged 57 on 1 Jun 2027: 55 or older."),
                Candidate(o[3], 25),
            },
            EligibleCount = 3,
            ConsideredCount = 5,
            Scoring = Scoring,
        };
        return client;
    }

    private static RequestScreen OpenForensics(ScreenHarness ui)
    {
        ui.Press('5');
        Assert.IsType<RequestsScreen>(ui.Current);
        ui.Press(Key.Enter);
        var request = Assert.IsType<RequestScreen>(ui.Current);
        Assert.Equal(Forensics, request.Request.Name);
        return request;
    }

    private static RequestMatchScreen OpenMatch(ScreenHarness ui)
    {
        OpenForensics(ui);
        ui.Press('m');
        return Assert.IsType<RequestMatchScreen>(ui.Current);
    }

    private static void MoveTo<T>(ScreenHarness ui, TableScreen<T> screen, Func<T, bool> row)
    {
        ui.Press(Key.Home.WithCtrl);
        for (var i = 0; i < screen.Source.Rows && !(screen.Selected is { } s && row(s)); i++) ui.Press(Key.CursorDown);
        Assert.True(screen.Selected is { } selected && row(selected));
    }

    private static string Line(string screen, string text) => screen.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal));

    private static int Decisions(FakeTrainingClient client, string verb) =>
        client.Calls.Count(c => c.StartsWith(verb + " ", StringComparison.Ordinal));

    [Fact]
    public void Requests_ListEveryRequestWithItsMissionAndRequirements_AndEnterOpensOne()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client);
        ui.Press('5');

        var screen = ui.Screen();
        Assert.Contains("ListRequests", client.Calls);
        Assert.Matches(@"TITLE\s+MISSION\s+CATEGORY\s+OFFICERS\s+DEPLOYMENT\s+DEADLINE\s+LANGUAGES\s+SKILLS\s+STATE", screen);
        Assert.Matches(@"Forensic investigators, f…\s+MINUSCA\s+IPO\s+12\s+1 Jun 2027\s+15 Mar 2027\s+fr B2\s+forensics ≥ advanced\s+open",
            Line(screen, "Forensic investigators"));
        Assert.Contains("closed", Line(screen, "Community policing"));
        Assert.Contains("2 of 2 requests · 1 taking nominations — Enter opens a request", screen);

        ui.Press('/').Type("unmiss").Press(Key.Enter);
        var requests = Assert.IsType<RequestsScreen>(ui.Current);
        Assert.Equal(["requests/community-unmiss"], requests.Source.ShownRows.Select(r => r.Name));
        ui.Press(Key.Esc);

        var request = OpenForensics(ui);
        screen = ui.Screen();
        Assert.Contains("MINUSCA · IPO · 12 officers · deploys 1 Jun 2027 · Police Operations", screen);
        Assert.Contains("Open until 15 Mar 2027 09:00 UTC", screen);
        Assert.Contains("Profile: Crime-scene examiners", screen);
        Assert.Contains("Requires: fr B2 · forensics ≥ advanced · AMS pass valid on deployment", screen);
        Assert.Contains("Women: 30 % sought among those deployed · none deployed yet · 1 of 2 under way", screen);
        Assert.Matches(@"OFFICER\s+MS\s+G\s+STATE\s+UPDATED", screen);
        Assert.Contains("SN's nominations: 1 submitted, 1 shortlisted · 12 officers sought", screen);
        Assert.Equal(["memberStates/SN/nominations/r1", "memberStates/SN/nominations/r2"], request.Source.AllRows.Select(n => n.Name));
        Assert.Contains("ListNominations memberStates/SN ", client.Calls);
    }

    [Fact]
    public void FocalPoint_MatchesWithinTheirOwnState_WithTheScoreWhyAndWarnings()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client);
        var match = OpenMatch(ui);

        Assert.Contains($"MatchCandidates {Forensics} SN", client.Calls);
        Assert.Equal("SN", match.RegionCode);
        var screen = ui.Screen();
        Assert.Matches(@"●\s+SCORE\s+NAME\s+G\s+RESULT\s+WHY", screen);
        Assert.Contains("3 of 5 officers of SN pass every rule · scoring (i): language margin: per required language", screen);
        Assert.Matches(@"35\s+Ndiaye, Fatou\s+F\s+French 2 level\(s\) above the required B2 · Forensics at", Line(screen, "Ndiaye, Fatou"));
        Assert.Contains("Aged 57 on 1 Jun 2027", Line(screen, "Sow, Aminata"));
        Assert.Contains("SN's list: 2 under way, 1 woman", screen);

        ui.Press(Key.Enter);
        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Ndiaye, Fatou — MINUSCA", title);
        Assert.Contains("+15  Forensics at expert level, 1 above the minimum", text);
        Assert.Contains("How the score is made:", text);
        Assert.Contains("· availability: 10 points when available now.", text);
        Assert.Contains("· language margin: per required language, 5 points per CEFR level above the requirement", text.ReplaceLineEndings(" "));

        ui.Press('i');
        Assert.Equal("How candidates are scored", ui.Dialogs.Shown[^1].Title);
        Assert.Contains("· skill level: per required skill", ui.Dialogs.Shown[^1].Text);
    }

    [Fact]
    public void SelectingTwoCandidatesAndSubmitting_SubmitsEachOnce_AndShowsTheResultOnTheirRows()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client);
        var match = OpenMatch(ui);

        ui.Press(Key.Space).Press(Key.CursorDown).Press(Key.Space);
        Assert.Equal([Officer("fatou"), Officer("aminata")], match.Source.AllRows.Where(r => r.Selected).Select(r => r.Key));
        Assert.Contains("2 selected (2 women), n submits", ui.Screen());
        Assert.Contains("SN's list: 2 under way, 1 woman · with the selection 4, 3 women (75 %)", ui.Screen());

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('n');
        Assert.Equal(0, Decisions(client, "SubmitToRequest"));
        Assert.Equal("✓ Nothing was submitted.", ui.Shell.Message);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');

        var review = ui.Dialogs.Asked[^1];
        Assert.StartsWith("Review the nomination: Nominate 2 officers of SN to MINUSCA, \"Forensic investigators, francophone\"", review);
        Assert.Contains("Ndiaye, Fatou (F), score 35", review);
        Assert.Contains("! Sow, Aminata: Aged 57 on 1 Jun 2027: 55 or older.", review);
        Assert.Equal([$"SubmitToRequest {Officer("fatou")} {Forensics}", $"SubmitToRequest {Officer("aminata")} {Forensics}"],
            client.Calls.Where(c => c.StartsWith("SubmitToRequest", StringComparison.Ordinal)));
        Assert.Equal(2, client.SubmissionRequests.Select(s => s.RequestId).Distinct().Count());
        Assert.Equal("✓ Submitted 2 of 2 to MINUSCA.", ui.Shell.Message);
        var screen = ui.Screen();
        Assert.Contains("✓ submitted", Line(screen, "Ndiaye, Fatou"));
        Assert.Contains("✓ submitted", Line(screen, "Sow, Aminata"));
        Assert.DoesNotContain(match.Source.AllRows, r => r.Selected);

        ui.Press(Key.Home.WithCtrl).Press(Key.Space);
        Assert.Equal("✗ Ndiaye, Fatou is already submitted to this request.", ui.Shell.Message);

        ui.Press(Key.Esc);
        var request = Assert.IsType<RequestScreen>(ui.Current);
        Assert.Equal(4, request.Source.AllRows.Count);
        Assert.Contains("SN's nominations: 3 submitted, 1 shortlisted", ui.Screen());
    }

    [Fact]
    public void SubmissionCutByALostConnection_IsSentAgainWithTheSameRequestIds()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client);
        var match = OpenMatch(ui);
        ui.Press(Key.Space).Press(Key.CursorDown).Press(Key.Space);

        client.Unreachable = true;
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');
        Assert.Single(client.SubmissionRequests);
        Assert.Equal(2, match.Source.AllRows.Count(r => r.Selected));

        client.Unreachable = false;
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');

        Assert.Equal([Officer("fatou"), Officer("fatou"), Officer("aminata")], client.SubmissionRequests.Select(s => s.Officer));
        Assert.Equal(client.SubmissionRequests[0].RequestId, client.SubmissionRequests[1].RequestId);
        Assert.NotEqual(client.SubmissionRequests[1].RequestId, client.SubmissionRequests[2].RequestId);
        Assert.Equal("✓ Submitted 2 of 2 to MINUSCA.", ui.Shell.Message);
    }

    [Fact]
    public void RefusedSubmission_ShowsTheServicesReasonOnItsRow()
    {
        var client = ClientWithRequests();
        client.SubmissionRefusals[Officer("aminata")] =
            [("AMS_PASS_EXPIRED", "The AMS pass of 3 Feb 2025 expires before the deployment on 1 Jun 2027.")];
        using var ui = new ScreenHarness(client);
        var match = OpenMatch(ui);

        ui.Press(Key.Space).Press(Key.CursorDown).Press(Key.Space);
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');

        Assert.Equal(2, Decisions(client, "SubmitToRequest"));
        Assert.Equal("✗ Submitted 1 of 2; 1 refused — WHY says why, Enter shows all.", ui.Shell.Message);
        var aminata = Line(ui.Screen(), "Sow, Aminata");
        Assert.Contains("✗ refused", aminata);
        Assert.Contains("The AMS pass of 3 Feb 2025 expires", aminata);
        Assert.Contains("✓ submitted", Line(ui.Screen(), "Ndiaye, Fatou"));

        MoveTo(ui, match, r => r.Key == Officer("aminata"));
        ui.Press(Key.Enter);
        Assert.Contains("✗ The service refused the nomination: The AMS pass of 3 Feb 2025 expires before the deployment on 1 Jun 2027.",
            ui.Dialogs.Shown[^1].Text.ReplaceLineEndings(" "));
    }

    [Fact]
    public void Administrator_TakesANominationAlongTheDeploymentPath_AskingBeforeDeploying()
    {
        var client = ClientWithRequests();
        client.Caller = Callers.Administrator();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var request = OpenForensics(ui);
        Assert.Equal(3, request.Source.AllRows.Count);
        Assert.Contains("ListNominations memberStates/- ", client.Calls);
        MoveTo(ui, request, n => n.OfficerDisplayName == "Diop, Awa");

        ui.Press('d');
        Assert.Equal("✗ Diop, Awa is submitted: only cleared nominations can be deployed.", ui.Shell.Message);
        Assert.Empty(ui.Dialogs.Asked);

        ui.Press('h');
        Assert.Contains("Shortlist memberStates/SN/nominations/r1", client.Calls);
        Assert.Equal("✓ Shortlisted Diop, Awa; l selects them for deployment.", ui.Shell.Message);
        Assert.Equal("memberStates/SN/nominations/r1", request.Selected?.Name);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('l');
        Assert.Contains("Select memberStates/SN/nominations/r1", client.Calls);
        Assert.Equal(State.Selected, request.Selected?.State);

        ui.Press('c');
        Assert.Contains("Clear memberStates/SN/nominations/r1", client.Calls);
        Assert.Equal("✓ Cleared Diop, Awa; d deploys them.", ui.Shell.Message);
        Assert.Contains("cleared", Line(ui.Screen(), "Diop, Awa"));

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('d');
        Assert.StartsWith("Deploy: Deploy Diop, Awa (SN) to MINUSCA?", ui.Dialogs.Asked[^1]);
        Assert.Equal(0, Decisions(client, "Deploy"));

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('d');
        Assert.Contains("Deploy memberStates/SN/nominations/r1", client.Calls);
        Assert.Equal("✓ Deployed Diop, Awa to MINUSCA; the roster shows them as deployed.", ui.Shell.Message);
        Assert.Equal("memberStates/SN/nominations/r1", request.Selected?.Name);
        Assert.Contains("1 of 1 deployed", ui.Screen());

        MoveTo(ui, request, n => n.OfficerDisplayName == "Martin, Claire");
        ui.Dialogs.Reasons.Enqueue("The mission needs officers with C1 French.");
        ui.Press('x');
        Assert.Contains("Reject memberStates/FR/nominations/r3 The mission needs officers with C1 French.", client.Calls);
        Assert.Equal("Martin, Claire", request.Selected?.OfficerDisplayName);
        Assert.Equal(State.Rejected, request.Selected?.State);
    }

    [Fact]
    public void ClearRefused_ForMissingMedicalClearance_SaysWhyInOneSentence()
    {
        var client = ClientWithRequests();
        client.Caller = Callers.Administrator();
        client.DecisionRuleRefusals[Decision.Clear] = ("OFFICER_NOT_ELIGIBLE", "MEDICAL_CLEARANCE_MISSING", "No medical clearance on file.");
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var request = OpenForensics(ui);
        MoveTo(ui, request, n => n.OfficerDisplayName == "Martin, Claire");

        ui.Press('c');

        Assert.Contains("Clear memberStates/FR/nominations/r3", client.Calls);
        Assert.Equal("✗ Martin, Claire cannot be cleared: No medical clearance on file. FR's focal point must record it on the officer first.",
            ui.Shell.Message);
        Assert.Equal(State.Selected, request.Selected?.State);
    }

    [Fact]
    public void IllegalTransition_FromAStaleList_IsASentence_AndTheListIsReadAgain()
    {
        var client = ClientWithRequests();
        client.Caller = Callers.Administrator();
        client.DecisionRefusals[Decision.Shortlist] = ("ILLEGAL_TRANSITION", "A nomination that is WITHDRAWN cannot become SHORTLISTED.");
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var request = OpenForensics(ui);
        MoveTo(ui, request, n => n.OfficerDisplayName == "Diop, Awa");
        client.Nominations[0] = client.Nominations[0].Clone();
        client.Nominations[0].State = State.Withdrawn;
        var reads = client.Calls.Count(c => c.StartsWith("ListNominations", StringComparison.Ordinal));

        ui.Press('h');

        Assert.Equal("✗ Diop, Awa's nomination has moved on: A nomination that is WITHDRAWN cannot become SHORTLISTED. The list is read again.",
            ui.Shell.Message);
        Assert.Equal(reads + 1, client.Calls.Count(c => c.StartsWith("ListNominations", StringComparison.Ordinal)));
        Assert.Equal(State.Withdrawn, request.Selected?.State);
        Assert.Equal("Diop, Awa", request.Selected?.OfficerDisplayName);
    }

    [Fact]
    public void FocalPoints_DoNotGetTheAdministratorsKeys_ButWithdrawWithAReason()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client);
        var request = OpenForensics(ui);

        var keys = request.KeyHelp.Select(k => k.Key).ToList();
        Assert.Contains("m", keys);
        Assert.Contains("w", keys);
        Assert.DoesNotContain("h", keys);
        Assert.DoesNotContain("d", keys);
        foreach (var key in "hlcdx") ui.Press(key);
        Assert.DoesNotContain(client.Calls, c => c.Split(' ')[0] is "Shortlist" or "Select" or "Clear" or "Deploy" or "Reject");
        Assert.Empty(ui.Dialogs.Asked);

        MoveTo(ui, request, n => n.OfficerDisplayName == "Fall, Moussa");
        ui.Dialogs.Reasons.Enqueue("The officer was promoted to a national post.");
        ui.Press('w');
        Assert.Contains("Withdraw memberStates/SN/nominations/r2 The officer was promoted to a national post.", client.Calls);
        Assert.Equal("✓ Withdrew Fall, Moussa.", ui.Shell.Message);
        Assert.Equal(State.Withdrawn, request.Selected?.State);
    }

    [Fact]
    public void Administrator_ChoosesTheMemberStateToMatch_AndOnlyLooks()
    {
        var client = ClientWithRequests();
        client.Caller = Callers.Administrator();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var match = OpenMatch(ui);

        Assert.Null(match.RegionCode);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("MatchCandidates", StringComparison.Ordinal));
        Assert.Contains("Whose officers? Type a Member State's region code", ui.Screen());
        ui.Press(Key.Esc);
        Assert.IsType<RequestScreen>(ui.Current);
        ui.Press('m');
        match = Assert.IsType<RequestMatchScreen>(ui.Current);

        ui.Type("senegal").Press(Key.Enter);
        Assert.Equal("✗ A Member State is its two-letter region code, e.g. SN.", ui.Shell.Message);
        Assert.IsType<RequestMatchScreen>(ui.Current);

        for (var i = 0; i < 7; i++) ui.Press(Key.Backspace);
        ui.Type("sn").Press(Key.Enter);
        Assert.Equal("SN", match.RegionCode);
        Assert.Contains($"MatchCandidates {Forensics} SN", client.Calls);
        Assert.Contains("3 of 5 officers of SN pass every rule", ui.Screen());
        Assert.Contains("m another Member State", ui.Screen());

        ui.Press(Key.Space);
        Assert.Equal("✗ Only the Member State's focal point nominates; this is the match to look at.", ui.Shell.Message);
        Assert.DoesNotContain(match.Source.AllRows, r => r.Selected);

        ui.Press('m');
        for (var i = 0; i < 2; i++) ui.Press(Key.Backspace);
        ui.Type("fr").Press(Key.Enter);
        Assert.Contains($"MatchCandidates {Forensics} FR", client.Calls);
        Assert.Equal("FR", match.RegionCode);
        Assert.Contains("3 of 5 officers of FR pass every rule", ui.Screen());
    }

    [Fact]
    public void MatchScreen_FitsAn80By24Terminal()
    {
        var client = ClientWithRequests();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        OpenMatch(ui);
        ui.Press(Key.Space);
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');

        var screen = ui.Screen();
        var fatou = Line(screen, "Ndiaye, Fatou");
        Assert.Contains("✓ submitted", fatou);
        Assert.Contains("French", fatou);
        Assert.Contains("3 of 5 officers of SN pass every rule", screen);
        Assert.Contains("Space select", screen);
    }
}
