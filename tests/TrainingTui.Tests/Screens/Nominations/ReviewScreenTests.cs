using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Nominations;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Tests.Screens.Nominations;

public sealed class ReviewScreenTests
{
    private const string MarchSession = "courses/unpol-stm/sessions/mar-entebbe";

    /// <summary>
    /// March session: Diop submitted, Fall confirmed, Ndiaye waitlisted, Sène rejected (all SN), Martin (FR)
    /// submitted; figures counted from the nominations as the service does.
    /// </summary>
    private static FakeTrainingClient ClientWithNominations()
    {
        var client = Sample.Client();
        client.Caller = Callers.Administrator();
        client.CountStatistics = true;
        var march = client.Sessions.Single(s => s.Name == MarchSession);
        var o = client.Officers;
        client.Nominations.AddRange([
            Sample.Nomination("SN", "n1", o[0], march, State.Submitted),
            Sample.Nomination("SN", "n2", o[1], march, State.Confirmed),
            Sample.Nomination("SN", "n3", o[2], march, State.Waitlisted),
            Sample.Nomination("SN", "n4", o[3], march, State.Rejected),
            Sample.Nomination("FR", "n5", o[5], march, State.Submitted),
        ]);
        return client;
    }

    /// <summary>Root '4', then the March session (the second row).</summary>
    private static ReviewScreen OpenReview(ScreenHarness ui)
    {
        ui.Press('4').Press(Key.CursorDown).Press(Key.Enter);
        var review = Assert.IsType<ReviewScreen>(ui.Current);
        Assert.Equal(MarchSession, review.Session.Name);
        return review;
    }

    private static void MoveTo(ScreenHarness ui, ReviewScreen review, string officerName)
    {
        ui.Press(Key.Home.WithCtrl);
        for (var i = 0; i < review.Source.Rows && review.Selected?.OfficerDisplayName != officerName; i++) ui.Press(Key.CursorDown);
        Assert.Equal(officerName, review.Selected?.OfficerDisplayName);
    }

    [Fact]
    public void ReviewSessions_ListRecentAndUpcomingSessionsWithPendingCountsAndSeats_AndEnterOpensTheReview()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        ui.Press('4');

        Assert.IsType<ReviewSessionsScreen>(ui.Current);
        Assert.Contains("ListSessions from 2026-11-21", client.Calls);
        var screen = ui.Screen();
        Assert.Contains("3 of 3 sessions since 21 Nov 2026 · 2 awaiting a decision · Enter reviews", screen);
        Assert.Contains("COURSE    DATES             VENUE", screen);
        var march = screen.Split('\n').Single(l => l.Contains("1 Mar–12 Mar 2027", StringComparison.Ordinal));
        Assert.Matches(@"UNPOL-STM\s+1 Mar–12 Mar 2027\s+Entebbe RSC\s+open\s+2\s+1\s+1/24", march);

        ui.Press(Key.CursorDown).Press(Key.Enter);
        Assert.Equal(MarchSession, Assert.IsType<ReviewScreen>(ui.Current).Session.Name);
    }

    [Fact]
    public void TheReviewIsLive_AWithdrawalElsewhereLeavesThePendingList_AndTheSeatsAreReadAgain()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);
        ui.PumpUntil(() => client.WatcherCount > 0);
        Assert.Contains("Pending (submitted or waitlisted): 3 of 5 nominations · F shows all · ● live", ui.Screen());
        var figuresRead = client.Calls.Count(c => c == $"GetSessionStatistics {MarchSession}");

        var withdrawn = client.Nominations.Single(n => n.Name == "memberStates/SN/nominations/n3").Clone();
        withdrawn.State = State.Withdrawn;
        client.Publish(withdrawn);
        var elsewhere = Sample.Nomination("SN", "n9", client.Officers[4], client.Sessions[0], State.Submitted);
        client.Publish(elsewhere);

        ui.PumpUntil(() => review.Source.Rows == 2);
        Assert.DoesNotContain(review.Source.ShownRows, n => n.OfficerDisplayName == "Ndiaye, Fatou");
        Assert.DoesNotContain(review.Source.ShownRows, n => n.OfficerDisplayName == "Sow, Aminata");
        Assert.Contains("Pending (submitted or waitlisted): 2 of 5 nominations", ui.Screen());
        ui.PumpUntil(() => client.Calls.Count(c => c == $"GetSessionStatistics {MarchSession}") > figuresRead);
    }

    [Fact]
    public void OnANarrowTerminal_TheSummaryWraps_AndVettingAndEligibilityStayOnScreen()
    {
        var client = ClientWithNominations();
        client.Officers[0].Vetting = new Vetting { HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared } };
        using var ui = new ScreenHarness(client, Callers.Administrator(), columns: 44, rows: 24);
        OpenReview(ui);

        var screen = ui.Screen();
        Assert.Contains("Vetting: human rights ✓", screen);
        Assert.Contains("Eligible now", screen);
        Assert.Contains("Pending (submitted or waitlisted)", screen);
    }

    [Fact]
    public void Review_ShowsPendingNominations_WithTheSelectedOfficersSummaryAndEligibilityNow()
    {
        var client = ClientWithNominations();
        client.Officers[0].Vetting = new Vetting
        {
            HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared },
            MisconductCheck = new VettingItem { Status = VettingStatus.Cleared },
            MedicalClearance = new VettingItem { Status = VettingStatus.Pending },
        };
        // The dry run is the submission's: "already nominated" is true of every nomination under review, and says nothing.
        client.Eligibility["memberStates/SN/officers/awa"] = new CheckEligibilityResponse
        {
            Eligible = false,
            Failures = { new EligibilityFinding { Rule = "ALREADY_NOMINATED", Severity = FindingSeverity.Hard, Description = "This officer already has a live nomination to this session." } },
            Warnings = { new EligibilityFinding { Rule = "AGE_AT_OR_ABOVE_WARNING", Severity = FindingSeverity.Soft, Description = "Aged 57 on 1 Mar 2027: 55 or older." } },
        };
        client.Eligibility["memberStates/FR/officers/claire"] = new CheckEligibilityResponse
        {
            Eligible = false,
            Failures = { new EligibilityFinding { Rule = "LANGUAGE_LEVEL_TOO_LOW", Severity = FindingSeverity.Hard, Description = "English writing B1; this course requires B2." } },
        };
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);

        var screen = ui.Screen();
        Assert.Equal(ReviewView.Pending, review.View);
        Assert.Equal(["Diop, Awa", "Ndiaye, Fatou", "Martin, Claire"], review.Source.ShownRows.Select(n => n.OfficerDisplayName));
        Assert.Contains("Pending (submitted or waitlisted): 3 of 5 nominations · F shows all", screen);
        Assert.Contains("▸ Diop, Awa (SN) · Inspector · F · age 41 · 17 years' service", screen);
        Assert.Contains("fr C1/C1/B2/C1 · forensics (advanced)", screen);
        Assert.Contains("Vetting: human rights ✓ · misconduct ✓ · attestation — · medical … pending", screen);
        Assert.Contains("Eligible now ✓ · ! Aged 57 on 1 Mar 2027: 55 or older.", screen);
        Assert.DoesNotContain("already has a live nomination", screen);
        Assert.Contains("GetOfficer memberStates/SN/officers/awa", client.Calls);
        Assert.Contains("CheckEligibility memberStates/SN/officers/awa", client.Calls);

        MoveTo(ui, review, "Martin, Claire");
        Assert.Contains("Not eligible now: ✗ English writing B1; this course requires B2.", ui.Screen());
    }

    [Fact]
    public void ConfirmWaitlistAndReject_CallDecideWithTheDecisionAndTheReason()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);

        ui.Press('w');
        Assert.Contains("Waitlist memberStates/SN/nominations/n1", client.Calls);
        Assert.Equal("Diop, Awa", review.Selected?.OfficerDisplayName);
        Assert.Equal("✓ Waitlisted Diop, Awa: promoted first in, first out when a seat frees.", ui.Shell.Message);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');
        Assert.Contains("Confirm memberStates/SN/nominations/n1", client.Calls);
        Assert.DoesNotContain(review.Source.ShownRows, n => n.OfficerDisplayName == "Diop, Awa");
        Assert.Equal("Ndiaye, Fatou", review.Selected?.OfficerDisplayName);

        ui.Press('x');
        Assert.Equal("✗ Ndiaye, Fatou is waitlisted: only submitted nominations can be rejected.", ui.Shell.Message);
        Assert.DoesNotContain(ui.Dialogs.Asked, q => q.StartsWith("Reject", StringComparison.Ordinal));

        MoveTo(ui, review, "Martin, Claire");
        ui.Dialogs.Reasons.Enqueue(null);
        ui.Press('x');
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Reject", StringComparison.Ordinal));

        ui.Dialogs.Reasons.Enqueue("Seats go to francophone officers first.");
        ui.Press('x');
        Assert.Contains("Reject memberStates/FR/nominations/n5 Seats go to francophone officers first.", client.Calls);
        Assert.StartsWith("Reject Martin, Claire: Why is this nomination rejected?", ui.Dialogs.Asked[^1]);
        Assert.Equal(State.Rejected, client.Nominations.Single(n => n.Name == "memberStates/FR/nominations/n5").State);
    }

    [Fact]
    public void Reconsider_TakesARejectedNominationBackWithAReason()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);
        ui.Press('F');
        Assert.Equal(ReviewView.All, review.View);
        MoveTo(ui, review, "Sène, Ibrahima");

        ui.Dialogs.Reasons.Enqueue("A new language certificate was filed.");
        ui.Press('r');

        Assert.Contains("Reconsider memberStates/SN/nominations/n4 A new language certificate was filed.", client.Calls);
        Assert.Equal("✓ Sène, Ibrahima is submitted again.", ui.Shell.Message);
        Assert.Equal("Sène, Ibrahima", review.Selected?.OfficerDisplayName);
    }

    [Fact]
    public void ConfirmRefused_SaysWhyInOneSentence_AndLeavesTheNominationAsItWas()
    {
        var client = ClientWithNominations();
        client.DecisionRefusals[Decision.Confirm] =
            ("SESSION_FULL", "All 24 seats of courses/unpol-stm/sessions/mar-entebbe are confirmed; waitlist the nomination instead.");
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');

        Assert.Equal("✗ Session full: Diop, Awa not confirmed; press w to waitlist. " +
                     "All 24 seats of courses/unpol-stm/sessions/mar-entebbe are confirmed; waitlist the nomination instead.", ui.Shell.Message);
        Assert.Equal(State.Submitted, review.Selected?.State);

        client.DecisionRefusals[Decision.Confirm] = ("MEMBER_STATE_QUOTA_REACHED", "SN already holds 1 confirmed seat(s); its quota in this session is 1.");
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');
        Assert.Equal("✗ SN's quota is used: Diop, Awa not confirmed. SN already holds 1 confirmed seat(s); its quota in this session is 1.",
            ui.Shell.Message);

        client.DecisionRefusals[Decision.Confirm] = ("OFFICER_NOT_ELIGIBLE", "English listening B1; this course requires B2.");
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');
        Assert.Equal("✗ Diop, Awa is not eligible any more: English listening B1; this course requires B2.", ui.Shell.Message);
    }

    [Fact]
    public void SeatCounter_FollowsEachDecision()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);
        Assert.Contains("Seats 1/24 · waitlist 1 · 2 awaiting a decision", ui.Screen());
        int FiguresRead() => client.Calls.Count(c => c == $"GetSessionStatistics {MarchSession}");
        var before = FiguresRead();

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');
        Assert.Contains("Seats 2/24 · waitlist 1 · 1 awaiting a decision", ui.Screen());

        MoveTo(ui, review, "Ndiaye, Fatou");
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('c');
        Assert.Contains("Seats 3/24 · waitlist 0 · 1 awaiting a decision", ui.Screen());
        Assert.Equal(before + 2, FiguresRead());
    }

    [Fact]
    public void OutcomeKeys_WorkOnlyFromTheSessionsLastDay_AndAskFirstBecauseOutcomesAreFinal()
    {
        var client = ClientWithNominations();
        using (var ui = new ScreenHarness(client, Callers.Administrator()))
        {
            var review = OpenReview(ui);
            ui.Press('F').Press('F');
            Assert.Equal(ReviewView.Confirmed, review.View);
            Assert.Equal("Fall, Moussa", review.Selected?.OfficerDisplayName);

            ui.Press('p');
            Assert.Equal("✗ Outcomes can be recorded from the session's last day, 12 Mar 2027.", ui.Shell.Message);
            Assert.Empty(ui.Dialogs.Asked);
            Assert.Contains("outcomes from 12 Mar 2027", ui.Screen());
        }

        client.Clock.Now = new DateTimeOffset(2027, 3, 12, 16, 0, 0, TimeSpan.Zero);
        using (var ui = new ScreenHarness(client, Callers.Administrator()))
        {
            var review = OpenReview(ui);
            Assert.Equal(ReviewView.Confirmed, review.View);
            Assert.Contains("session ended: record outcomes with p f o", ui.Screen());

            ui.Dialogs.Confirmations.Enqueue(false);
            ui.Press('o');
            Assert.Equal("Record the outcome: Record Fall, Moussa as a no-show? Outcomes are final and cannot be changed.", ui.Dialogs.Asked[^1]);
            Assert.DoesNotContain(client.Calls, c => c.StartsWith("Record", StringComparison.Ordinal));

            ui.Dialogs.Confirmations.Enqueue(true);
            ui.Press('p');
            Assert.Contains("RecordPassed memberStates/SN/nominations/n2", client.Calls);
            Assert.Equal("✓ Recorded Fall, Moussa as passed.", ui.Shell.Message);

            ui.Press('F').Press('F');
            MoveTo(ui, review, "Diop, Awa");
            ui.Press('f');
            Assert.Equal("✗ Diop, Awa is submitted: outcomes are recorded for confirmed nominations.", ui.Shell.Message);
        }
    }

    [Fact]
    public void Reload_KeepsTheSelectedNomination_WhenTheListChanges()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);
        ui.Press('F');
        MoveTo(ui, review, "Ndiaye, Fatou");
        var at = review.Source.IndexOf("memberStates/SN/nominations/n3");

        var march = client.Sessions.Single(s => s.Name == MarchSession);
        client.Nominations.Insert(0, Sample.Nomination("SN", "n0", client.Officers[4], march, State.Submitted));
        ui.Press(Key.F5);

        Assert.Equal(6, review.Source.Rows);
        Assert.Equal("Ndiaye, Fatou", review.Selected?.OfficerDisplayName);
        Assert.Equal(at + 1, review.Source.IndexOf("memberStates/SN/nominations/n3"));
    }

    [Fact]
    public void FocalPoints_HaveNoReview_AndTheSessionsReviewKeyIsForAdministratorsOnly()
    {
        using (var focal = new ScreenHarness(ClientWithNominations()))
        {
            focal.Press('4');
            Assert.IsType<CoursesScreen>(focal.Current);
            focal.Press(Key.CursorDown).Press(Key.Enter).Press('r');
            Assert.IsType<SessionScreen>(focal.Current);
            Assert.DoesNotContain("review nominations", focal.Screen());
        }
        using var admin = new ScreenHarness(ClientWithNominations(), Callers.Administrator());
        admin.Press(Key.CursorDown).Press(Key.Enter).Press('r');
        Assert.Equal(MarchSession, Assert.IsType<ReviewScreen>(admin.Current).Session.Name);
    }

    [Fact]
    public void C_AsksBeforeTakingASeat_AndNoChangesNothing()
    {
        var client = ClientWithNominations();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var review = OpenReview(ui);
        ui.Dialogs.Confirmations.Enqueue(false);

        ui.Press('c');

        Assert.StartsWith("Confirm the nomination: Confirm Diop, Awa (SN) for UNPOL-STM", ui.Dialogs.Asked.Single());
        Assert.Contains("It takes one of the 23 seats left.", ui.Dialogs.Asked.Single());
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Confirm ", StringComparison.Ordinal));
        Assert.Equal(State.Submitted, review.Selected?.State);
    }
}
