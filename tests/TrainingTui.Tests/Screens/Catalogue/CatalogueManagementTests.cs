using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Catalogue;

/// <summary>An administrator running the catalogue from the client: courses, sessions and their lifecycle.</summary>
public sealed class CatalogueManagementTests
{
    private const string LongRefusal =
        "The course code UNPOL-STM is already used by courses/unpol-stm (UNPOL Specialized Training Materials); " +
        "choose another code, or edit that course instead of publishing a second one.";

    private static ScreenHarness Administrator(FakeTrainingClient client, int columns = 80, int rows = 24) =>
        new(client, Callers.Administrator(), columns, rows);

    private static CourseFormScreen NewCourse(ScreenHarness ui)
    {
        ui.Press('k');
        Assert.IsType<CourseCatalogueScreen>(ui.Current);
        ui.Press('a');
        return Assert.IsType<CourseFormScreen>(ui.Current);
    }

    private static void FillCourse(CourseFormScreen form)
    {
        form.Row(CourseDraft.Code).Input.Text = "FOR-PO";
        form.Row(CourseDraft.Title).Input.Text = "Forensics for police officers";
        form.Row(CourseDraft.Category).Input.Text = "spec";
        form.Row(CourseDraft.Language).Input.Text = "fr";
        form.Row(CourseDraft.Languages).Input.Text = "fr B2";
        form.Row(CourseDraft.Skills).Input.Text = "forensics intermediate";
        form.Row(CourseDraft.Prerequisites).Input.Text = "cptm";
        form.Row(CourseDraft.MinAge).Input.Text = "28";
        form.Row(CourseDraft.Vetting).Input.Text = "yes";
        form.Row(CourseDraft.Validity).Input.Text = "48";
    }

    [Fact]
    public void Administrator_PublishesACourse_FromTheCatalogue()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        var form = NewCourse(ui);

        FillCourse(form);
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("CreateCourse FOR-PO", client.Calls);
        var course = client.Courses.Single(c => c.Code == "FOR-PO");
        Assert.Equal(CourseCategory.Specialized, course.Category);
        Assert.Equal("fr", course.LanguageCode);
        Assert.Equal(CefrLevel.B2, Assert.Single(course.Requirements.Languages).MinimumLevel);
        Assert.Equal(SkillLevel.Intermediate, Assert.Single(course.Requirements.Skills).MinimumLevel);
        Assert.Equal(["courses/cptm"], course.Requirements.PrerequisiteCourses);
        Assert.Equal(28, course.Requirements.MinAge);
        Assert.False(course.Requirements.HasMaxAge);
        Assert.True(course.Requirements.VettingRequired);
        Assert.Equal(48, course.CertificateValidityMonths);
        Assert.IsType<CourseCatalogueScreen>(ui.Current);
        var screen = ui.Screen();
        Assert.Contains("FOR-PO", screen);
        Assert.Contains("✓ Published FOR-PO", screen);
    }

    [Fact]
    public void CourseForm_BadInput_IsRefusedBesideEachField_AndNothingIsSent()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        var form = NewCourse(ui);
        FillCourse(form);
        form.Row(CourseDraft.Category).Input.Text = "workshop";
        form.Row(CourseDraft.MaxAge).Input.Text = "20";
        form.Row(CourseDraft.Prerequisites).Input.Text = "cptm, basket-weaving";

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateCourse", StringComparison.Ordinal));
        Assert.Equal("cptm/stm/specialized/leadership/fpu/trainers", form.Row(CourseDraft.Category).Problem);
        Assert.Equal("must be above the minimum age", form.Row(CourseDraft.MaxAge).Problem);
        Assert.Equal("“basket-weaving” is not in the catalogue", form.Row(CourseDraft.Prerequisites).Problem);
        ScreenText.AssertWhole(ui.Screen(), "Category: cptm/stm/specialized/leadership/fpu/trainers");
    }

    [Fact]
    public void CourseForm_RefusedByTheService_SaysTheReasonWhole_At80Columns()
    {
        var client = Sample.Client();
        client.NextRefusal = ("COURSE_CODE_TAKEN", LongRefusal);
        using var ui = Administrator(client);
        var form = NewCourse(ui);
        FillCourse(form);

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        ScreenText.AssertWhole(ui.Screen(), "✗ Not saved: " + LongRefusal);
    }

    [Fact]
    public void EditingACourse_SendsOnlyTheChangedFields_WithItsEtag()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        ui.Press('k').Press(Key.CursorDown);
        var catalogue = Assert.IsType<CourseCatalogueScreen>(ui.Current);
        Assert.Equal("CPTM", catalogue.Selected!.Code);
        ui.Press(Key.Enter);
        var form = Assert.IsType<CourseFormScreen>(ui.Current);

        form.Row(CourseDraft.Title).Input.Text = "Core Pre-deployment Training";
        form.Row(CourseDraft.MaxAge).Input.Text = "60";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("UpdateCourse courses/cptm title,requirements.max_age", client.Calls);
        Assert.Equal(60, client.Courses.Single(c => c.Name == "courses/cptm").Requirements.MaxAge);
        // The fields changed, named as the form labels them (in either language).
        Assert.Contains("✓ Saved CPTM: Title, Under age.", ui.Screen());
    }

    [Fact]
    public void DeletingACourseWithSessions_IsAskedFirst_AndTheRefusalIsSaid()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        ui.Press('k');
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('d');

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith("Delete the course: Delete UNPOL-STM", StringComparison.Ordinal));
        Assert.Contains(client.Courses, c => c.Code == "UNPOL-STM");
        Assert.Contains("UNPOL-STM was not deleted: courses/unpol-stm has sessions; cancel or delete them first.", ui.Shell.Message);
    }

    private static SessionFormScreen NewSession(ScreenHarness ui)
    {
        ui.Press('k').Press('n');
        return Assert.IsType<SessionFormScreen>(ui.Current);
    }

    [Fact]
    public void Administrator_SchedulesASession_AsADraft()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        var form = NewSession(ui);
        Assert.Equal("2027-01-20 09:00", form.Row(SessionDraft.Opens).Input.Text);

        form.Row(SessionDraft.Venue).Input.Text = "Dakar, École nationale de police";
        form.Row(SessionDraft.Start).Input.Text = "2027-06-07";
        form.Row(SessionDraft.End).Input.Text = "2027-06-18";
        form.Row(SessionDraft.Seats).Input.Text = "24";
        form.Row(SessionDraft.Closes).Input.Text = "2027-05-15 18:00";
        form.Row(SessionDraft.Allocations).Input.Text = "SN quota 3 cap 6, rw cap 4";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("CreateSession courses/unpol-stm Dakar, École nationale de police", client.Calls);
        var session = client.Sessions.Last();
        Assert.Equal(Session.Types.State.Draft, session.State);
        Assert.Equal(24, session.Seats);
        Assert.Equal(new DateTime(2027, 5, 15, 18, 0, 0, DateTimeKind.Utc), session.NominationCloseTime.ToDateTime());
        Assert.Equal(["SN", "RW"], session.Allocations.Select(a => a.RegionCode));
        Assert.Equal(3, session.Allocations[0].Quota);
        Assert.Equal(4, session.Allocations[1].Cap);
        Assert.Contains("✓ Scheduled UNPOL-STM 7 Jun–18 Jun 2027 as a draft", ui.Screen());
    }

    [Fact]
    public void SessionForm_BadInput_IsRefusedBesideEachField()
    {
        var client = Sample.Client();
        using var ui = Administrator(client, 120, 30);
        var form = NewSession(ui);
        form.Row(SessionDraft.Venue).Input.Text = "Dakar";
        form.Row(SessionDraft.Start).Input.Text = "2027-06-07";
        form.Row(SessionDraft.End).Input.Text = "2027-06-01";
        form.Row(SessionDraft.Seats).Input.Text = "0";
        form.Row(SessionDraft.Closes).Input.Text = "2027-06-20";
        form.Row(SessionDraft.Allocations).Input.Text = "Senegal quota 3";

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateSession", StringComparison.Ordinal));
        Assert.Equal("must be on or after the first day", form.Row(SessionDraft.End).Problem);
        Assert.Equal("must be 1–10000", form.Row(SessionDraft.Seats).Problem);
        Assert.Equal("no later than 2027-06-08 00:00, the end of the first day", form.Row(SessionDraft.Closes).Problem);
        Assert.Equal("“Senegal”: a region code like SN", form.Row(SessionDraft.Allocations).Problem);
    }

    [Fact]
    public void SessionForm_RefusedByTheService_ShowsTheFieldErrorBesideItsField()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        ui.Press(Key.Enter);
        ui.Press('e');
        var form = Assert.IsType<SessionFormScreen>(ui.Current);
        client.NextFieldErrors = [("session.seats", "must not be below the 28 seats already confirmed.")];

        form.Row(SessionDraft.Seats).Input.Text = "20";
        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.Equal("must not be below the 28 seats already confirmed.", form.Row(SessionDraft.Seats).Problem);
        form.Row(SessionDraft.Seats).Input.SetFocus();
        ScreenText.AssertWhole(ui.Screen(), "Seats: ✗ must not be below the 28 seats already confirmed.");
    }

    [Fact]
    public void OpeningASession_IsAskedFirst_ThenTheSessionSaysItIsOpen()
    {
        var client = Sample.Client();
        client.Sessions[1].State = Session.Types.State.Draft;
        using var ui = Administrator(client);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        Assert.Contains("nominations draft", ui.Screen());
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press((Key)'O');

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith("Open the session: Open UNPOL-STM 1 Mar–12 Mar 2027", StringComparison.Ordinal));
        Assert.Contains("OpenSession courses/unpol-stm/sessions/mar-entebbe", client.Calls);
        var screen = ui.Screen();
        ScreenText.AssertWhole(screen, "nominations open until 15 Feb");
        Assert.Contains("✓ Opened UNPOL-STM 1 Mar–12 Mar 2027", screen);
    }

    [Fact]
    public void CancellingASession_SaysWhatItCancels_BeforeAskingWhy()
    {
        var client = Sample.Client();
        var session = client.Sessions[1];
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], session, Nomination.Types.State.Confirmed));
        client.Nominations.Add(Sample.Nomination("SN", "n2", client.Officers[1], session, Nomination.Types.State.Submitted));
        client.Nominations.Add(Sample.Nomination("FR", "n3", client.Officers[5], session, Nomination.Types.State.Waitlisted));
        client.Nominations.Add(Sample.Nomination("SN", "n4", client.Officers[2], session, Nomination.Types.State.Rejected));
        using var ui = Administrator(client);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Dialogs.Reasons.Enqueue("The venue is closed for repairs.");

        ui.Press((Key)'X');

        Assert.Equal(
            "Cancel the session: Cancel UNPOL-STM 1 Mar–12 Mar 2027 (Entebbe RSC)? Its 3 live nominations (1 submitted, 1 waitlisted, 1 confirmed; " +
            "from FR, SN) are cancelled with your reason, and the focal points see it at once. This cannot be undone.",
            ui.Dialogs.Asked[0]);
        Assert.Contains("CancelSession courses/unpol-stm/sessions/mar-entebbe The venue is closed for repairs.", client.Calls);
        ui.PumpUntil(() => ui.Screen().Contains("Cancelled: The venue is closed for repairs."));
        ui.PumpUntil(() => !ui.Screen().Contains("confirmed"));
    }

    [Fact]
    public void CancellingAnswerNo_ChangesNothing()
    {
        var client = Sample.Client();
        using var ui = Administrator(client);
        ui.Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(false);

        ui.Press((Key)'X');

        Assert.Contains("It has no live nominations.", ui.Dialogs.Asked[0]);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CancelSession", StringComparison.Ordinal));
    }

    [Fact]
    public void AMoveTheServiceRefuses_SaysItsReasonWhole()
    {
        var client = Sample.Client();
        client.NextRefusal = ("SESSION_NOT_ENDED",
            "A session is completed once it has ended: courses/cptm/sessions/feb-dakar ends on 12 Feb 2027, and outcomes are recorded from that day.");
        client.Sessions[0].State = Session.Types.State.Open;
        using var ui = Administrator(client);
        ui.Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press((Key)'C');

        ScreenText.AssertWhole(ui.Screen(),
            "✗ CPTM 1 Feb–12 Feb 2027 (Dakar, École nationale de police) was not closed: A session is completed once it has ended: " +
            "courses/cptm/sessions/feb-dakar ends on 12 Feb 2027, and outcomes are recorded from that day.");
    }

    [Fact]
    public void FocalPoints_AreNotOfferedTheAdministratorsKeys()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press('k');
        Assert.IsType<CoursesScreen>(ui.Current);
        ui.Press(Key.Enter).Press((Key)'X');
        Assert.Empty(ui.Dialogs.Asked);
        Assert.DoesNotContain("cancel it", string.Join(" ", ui.Current.KeyHelp.Select(k => k.Description)));
    }
}
