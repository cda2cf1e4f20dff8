using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Training.Tui.Screens.Roster;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Roster;

public sealed class OfficerFormTests
{
    private static OfficerFormScreen OpenNewOfficerForm(ScreenHarness ui)
    {
        ui.Press('2').Press('a');
        return Assert.IsType<OfficerFormScreen>(ui.Current);
    }

    /// <summary>Types a whole valid officer, field by field, as a person would.</summary>
    private static void TypeValidOfficer(ScreenHarness ui)
    {
        ui.Type("Aïssatou").Press(Key.Tab)
            .Type("Diallo").Press(Key.Tab)
            .Type("F").Press(Key.Tab)
            .Type("1990-05-14").Press(Key.Tab)
            .Type("Commissaire").Press(Key.Tab)
            .Type("2012-09-01").Press(Key.Tab)
            .Press(Key.Tab)
            .Type("SN-4411").Press(Key.Tab)
            .Press(Key.Tab)
            .Type("fr C1/C1/B2/C1, en B2").Press(Key.Tab)
            .Type("forensics advanced").Press(Key.Tab)
            .Press(Key.Tab).Press(Key.Tab).Press(Key.Tab).Press(Key.Tab)
            .Type("cleared 2024-03-01");
    }

    /// <summary>The screen line of a form field, from its caption to the end of the line.</summary>
    private static string Line(string screen, string caption) =>
        screen.Split('\n').Single(l => l.TrimStart().StartsWith(caption + " ", StringComparison.Ordinal));

    [Fact]
    public void AddOfficer_TypedFieldByField_CreatesTheOfficerAndSelectsItOnTheRoster()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        OpenNewOfficerForm(ui);

        TypeValidOfficer(ui);
        Assert.Contains("● changed, not saved (Ctrl+S)", ui.Screen());
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("CreateOfficer SN Diallo", client.Calls);
        var created = client.Officers.Single(o => o.FamilyName == "Diallo");
        Assert.Equal("Aïssatou", created.GivenName);
        Assert.Equal(Gender.Female, created.Gender);
        Assert.Equal(new Google.Type.Date { Year = 1990, Month = 5, Day = 14 }, created.BirthDate);
        Assert.Equal("SN-4411", created.NationalPoliceId);
        Assert.Equal(Availability.Available, created.Availability);
        Assert.Equal(CefrLevel.B2, created.Languages[0].Writing);
        Assert.Equal(CefrLevel.B2, created.Languages[1].Speaking);
        Assert.Equal(SkillLevel.Advanced, Assert.Single(created.Skills).Level);
        Assert.Equal(VettingStatus.Cleared, created.Vetting.HumanRightsScreening.Status);
        Assert.Null(created.RetirementDate);

        var roster = Assert.IsType<RosterScreen>(ui.Current);
        var screen = ui.Screen();
        Assert.Contains("SN: 6 officers", screen);
        Assert.Contains("✓ Added Diallo, Aïssatou to the SN roster.", screen);
        Assert.Equal("Diallo, Aïssatou", roster.Selected!.Name);
    }

    [Fact]
    public void LocalProblems_ShowBesideTheirFieldsAsYouType_AndSaveIsRefused()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var form = OpenNewOfficerForm(ui);
        TypeValidOfficer(ui);

        form.Row(OfficerDraft.BirthDate).Input.SetFocus();
        ui.Press(Key.End).Press(Key.Backspace).Type("x");
        var screen = ui.Screen();
        Assert.Contains("1990-05-1x", Line(screen, "Born"));
        Assert.Contains("✗ must be YYYY-MM-DD", Line(screen, "Born"));

        form.Row(OfficerDraft.BirthDate).Input.Text = "2000-01-01";
        screen = ui.Screen();
        Assert.Contains("✗ at least 16 years after birth", Line(screen, "Service since"));
        Assert.DoesNotContain("✗", Line(screen, "Born"));

        form.Row(OfficerDraft.Languages).Input.Text = "fr C1/C1/B2";
        Assert.Contains("✗ fr: one level or four (R/L/W/S)", Line(ui.Screen(), "Languages"));

        form.Row(OfficerDraft.Skills).Input.SetFocus();
        ui.Press(Key.Delete.WithCtrl.WithShift).Type("forensic advanced");
        screen = ui.Screen();
        Assert.Contains("✗ “forensic” unknown; forensics?", Line(screen, "Skills"));
        Assert.Contains("Skills: ✗ “forensic” unknown; forensics? — forensics advanced, gender basic", screen);
        ui.Press(Key.Backspace.WithCtrl).Press(Key.Backspace.WithCtrl).Type("forensics advanced");
        Assert.DoesNotContain("✗", Line(ui.Screen(), "Skills"));

        ui.Press(Key.S.WithCtrl);
        screen = ui.Screen();
        Assert.Contains("✗ Not saved: fix the fields marked ✗ first.", screen);
        Assert.Contains("✗ 2 fields to fix before saving", screen);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateOfficer", StringComparison.Ordinal));
        Assert.Same(form, ui.Current);
    }

    [Fact]
    public void NewForm_DoesNotOpenAsAWallOfRequired_ButSaveRevealsWhatIsMissing()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24);
        var form = OpenNewOfficerForm(ui);
        Assert.DoesNotContain("✗ required", ui.Screen());
        Assert.True(form.Row(OfficerDraft.GivenName).Input.HasFocus);
        ui.Type("Awa").Press(Key.Enter);
        Assert.True(form.Row(OfficerDraft.FamilyName).Input.HasFocus);

        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.DoesNotContain("✗", Line(screen, "Given name"));
        Assert.Contains("✗ required", Line(screen, "Family name"));
        Assert.Contains("✗ required: F or M", Line(screen, "Gender"));
        Assert.DoesNotContain("✗", Line(screen, "Rank"));
    }

    [Fact]
    public void ServerFieldErrors_ShowBesideTheMatchingFields_UntilTheFieldIsEdited()
    {
        var client = Sample.Client();
        client.NextFieldErrors =
        [
            ("officer.national_police_id", "must not contain spaces."),
            ("officer.languages[1].language_code", "is listed twice."),
            ("officer.vetting.human_rights_screening.date", "must not be in the future."),
            ("officer.certifications.ams_pass.pass_date", "is required."),
            ("officer.etag", "is not one this service issued."),
        ];
        using var ui = new ScreenHarness(client);
        var form = OpenNewOfficerForm(ui);
        TypeValidOfficer(ui);

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        var screen = ui.Screen();
        Assert.Contains("✗ must not contain spaces.", Line(screen, "Police ID"));
        Assert.Contains("✗ en: is listed twice.", Line(screen, "Languages"));
        Assert.Contains("✗ must not be in the future.", Line(screen, "Human rights"));
        Assert.Contains("✗ is required.", Line(screen, "AMS pass"));
        Assert.Contains("officer.etag is not one this service issued.", form.GeneralMessage);
        Assert.Contains("Aïssatou", Line(screen, "Given name"));

        form.Row(OfficerDraft.PoliceId).Input.Text = "SN-4412";
        Assert.DoesNotContain("✗", Line(ui.Screen(), "Police ID"));
        ui.Press(Key.S.WithCtrl);
        Assert.IsType<RosterScreen>(ui.Current);
    }

    [Fact]
    public void Q_OnAFormWithChanges_AsksBeforeQuitting()
    {
        using var ui = new ScreenHarness(Sample.Client());
        var form = OpenNewOfficerForm(ui);
        ui.Type("Awa");
        form.SaveButton.SetFocus();

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('q');
        Assert.Contains("Quit: A form has changes that are not saved. Quit anyway?", ui.Dialogs.Asked);
        Assert.False(ui.Shell.StopRequested);
        Assert.Same(form, ui.Current);
        Assert.Equal("Awa", form.Row(OfficerDraft.GivenName).Input.Text);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('q');
        Assert.True(ui.Shell.StopRequested);
    }

    [Fact]
    public void Esc_OnAFormWithChanges_AsksBeforeDiscarding_AndOnACleanFormGoesStraightBack()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var form = OpenNewOfficerForm(ui);
        ui.Type("Awa");

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press(Key.Esc);
        Assert.Same(form, ui.Current);
        Assert.Equal("Awa", form.Row(OfficerDraft.GivenName).Input.Text);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Esc);
        Assert.IsType<RosterScreen>(ui.Current);
        Assert.Equal(2, ui.Dialogs.Asked.Count(q => q.StartsWith("Discard changes", StringComparison.Ordinal)));
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateOfficer", StringComparison.Ordinal));

        ui.Press('a').Press(Key.Esc);
        Assert.IsType<RosterScreen>(ui.Current);
        Assert.Equal(2, ui.Dialogs.Asked.Count);
    }

    [Fact]
    public void Edit_SendsOnlyTheChangedFieldsWithTheEtag_AndUpdatesTheRowInPlace()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        ui.Press('2').Press(Key.CursorDown).Press(Key.Enter);
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        Assert.Equal("Fall, Moussa", form.Heading);
        Assert.Contains("no changes", ui.Screen());
        Assert.Equal("fr C1/C1/B2/C1", form.Row(OfficerDraft.Languages).Input.Text);

        form.Row(OfficerDraft.Rank).Input.SetFocus();
        ui.Press(Key.Delete.WithCtrl.WithShift).Type("Commissaire").Press(Key.S.WithCtrl);

        Assert.Contains("UpdateOfficer memberStates/SN/officers/moussa rank", client.Calls);
        var roster = Assert.IsType<RosterScreen>(ui.Current);
        Assert.Equal("Commissaire", roster.Selected!.Officer.Rank);
        Assert.Equal("Fall, Moussa", roster.Selected.Name);
        Assert.Contains("✓ Saved Fall, Moussa: rank.", ui.Screen());
    }

    [Fact]
    public void SavingAnOfficerSomeoneDeleted_SaysSo_AndTheRosterNoLongerListsThem()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        ui.Press('2').Press(Key.CursorDown).Press(Key.Enter);
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        client.Officers.RemoveAll(o => o.Name == "memberStates/SN/officers/moussa");

        form.Row(OfficerDraft.Rank).Input.SetFocus();
        ui.Press(Key.Delete.WithCtrl.WithShift).Type("Commissaire").Press(Key.S.WithCtrl);

        Assert.Contains("✗ Not saved: someone deleted this officer meanwhile. Esc goes back to the roster.", ui.Screen());
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Esc);
        var roster = Assert.IsType<RosterScreen>(ui.Current);
        Assert.DoesNotContain(roster.Source.AllRows, r => r.Name == "Fall, Moussa");
        Assert.Contains("SN: 4 officers", ui.Screen());
    }

    [Fact]
    public void StaleEtag_SaysSomeoneElseChangedTheOfficer_AndOffersTheirVersion()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        ui.Press('2').Press('e');
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        var theirs = client.Officers[0].Clone();
        theirs.Rank = "Commandant";
        theirs.Etag = "\"2\"";
        client.Officers[0] = theirs;

        form.Row(OfficerDraft.Rank).Input.Text = "Capitaine";
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.S.WithCtrl);

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith("Changed by someone else: Diop, Awa was changed by someone else", StringComparison.Ordinal));
        Assert.Contains("GetOfficer memberStates/SN/officers/awa", client.Calls);
        Assert.Same(form, ui.Current);
        Assert.Equal("Commandant", form.Row(OfficerDraft.Rank).Input.Text);
        Assert.False(form.HasUnsavedChanges);

        form.Row(OfficerDraft.Rank).Input.Text = "Capitaine";
        ui.Press(Key.S.WithCtrl);
        Assert.Equal("Capitaine", client.Officers[0].Rank);
    }

    [Fact]
    public void ServerAway_WhileSaving_KeepsTheForm_AndSavesOnceItIsBack()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var form = OpenNewOfficerForm(ui);
        TypeValidOfficer(ui);

        client.Unreachable = true;
        ui.Press(Key.S.WithCtrl);
        var offline = ui.Screen();
        Assert.Contains("OFFLINE", offline);
        Assert.Contains("The training service cannot be reached. Retrying every 3 s; your edits are kept.", offline);
        Assert.Equal("⚠ No answer; it may have saved. All kept: Ctrl+S again is safe.", form.GeneralMessage);
        Assert.Same(form, ui.Current);

        client.Unreachable = false;
        ui.Advance(TimeSpan.FromSeconds(4));
        var back = ui.Screen();
        Assert.DoesNotContain("OFFLINE", back);
        Assert.Contains("Connected again.", back);
        Assert.Same(form, ui.Current);
        Assert.Equal("The service is back: Ctrl+S saves.", form.GeneralMessage);
        Assert.Equal("Aïssatou", form.Row(OfficerDraft.GivenName).Input.Text);
        Assert.Equal("fr C1/C1/B2/C1, en B2", form.Row(OfficerDraft.Languages).Input.Text);
        Assert.True(form.HasUnsavedChanges);

        form.SaveButton.SetFocus();
        ui.Press(Key.Enter);
        Assert.IsType<RosterScreen>(ui.Current);
        Assert.Single(client.Officers, o => o.FamilyName == "Diallo");
    }

    [Fact]
    public void Mouse_DoubleClickOpensAnOfficer_AndClickingSaveSaves()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press('2');
        var rows = ui.Screen().Split('\n');
        var fall = Array.FindIndex(rows, l => l.Contains("Fall, Moussa", StringComparison.Ordinal));
        ui.App.InjectSequence(InputInjectionExtensions.LeftButtonDoubleClick(new System.Drawing.Point(3, fall)));
        ui.Pump();
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        Assert.Equal("Fall, Moussa", form.Heading);

        var rank = form.Row(OfficerDraft.Rank).Input.FrameToScreen();
        ui.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(rank.X + 1, rank.Y)));
        ui.Pump();
        Assert.True(form.Row(OfficerDraft.Rank).Input.HasFocus);
        ui.Press(Key.Delete.WithCtrl.WithShift).Type("Major");

        var save = form.SaveButton.FrameToScreen();
        ui.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(save.X + 2, save.Y)));
        ui.Pump();
        Assert.Contains("UpdateOfficer memberStates/SN/officers/moussa rank", client.Calls);
        Assert.IsType<RosterScreen>(ui.Current);
    }

    private static OfficerFormScreen EditAwa(ScreenHarness ui)
    {
        ui.Press('2');
        ui.PumpUntil(() => ui.Current is RosterScreen { Complete: true });
        ui.Press(Key.Enter);
        return Assert.IsType<OfficerFormScreen>(ui.Current);
    }

    [Fact]
    public void Certifications_AreKeptInTheForm_AndSavedAsOneChange()
    {
        var client = Sample.Client();
        client.Courses.Add(Sample.Course("forensics-po", "FOR-PO", "Forensics for police officers"));
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        var form = EditAwa(ui);

        form.Row(OfficerDraft.Ams).Input.Text = "2026-03-02 fr";
        form.Row(OfficerDraft.Driving).Input.Text = "2015-06-30";
        form.Row(OfficerDraft.Firearms).Input.Text = "2019-01-15";
        form.Row(OfficerDraft.Courses).Input.Text = "cptm 2024-03-01 to 2028-03-01, forensics-po 2025-10-10";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("UpdateOfficer memberStates/SN/officers/awa certifications", client.Calls);
        var saved = client.Officers.Single(o => o.Name == "memberStates/SN/officers/awa").Certifications;
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, saved.AmsPass.PassDate);
        Assert.Equal("fr", saved.AmsPass.LanguageCode);
        Assert.Equal(2015, saved.DrivingLicence.IssueDate.Year);
        Assert.Equal(2019, saved.Firearms.QualificationDate.Year);
        Assert.Equal(["courses/cptm", "courses/forensics-po"], saved.CompletedCourses.Select(c => c.Course));
        Assert.Equal(2028, saved.CompletedCourses[0].ExpiryDate.Year);
        Assert.Null(saved.CompletedCourses[1].ExpiryDate);

        var again = EditAwa(ui);
        Assert.Equal("cptm 2024-03-01 to 2028-03-01, forensics-po 2025-10-10", again.Row(OfficerDraft.Courses).Input.Text);
        Assert.Equal("2026-03-02 fr", again.Row(OfficerDraft.Ams).Input.Text);
    }

    [Theory]
    [InlineData(OfficerDraft.Ams, "2027-02-01 fr", "must not be in the future")]
    [InlineData(OfficerDraft.Ams, "2026-02-01 xx", "“xx” is not a known language")]
    [InlineData(OfficerDraft.Driving, "2015-02-30", "2015-02-30 is not a calendar day")]
    [InlineData(OfficerDraft.Firearms, "2030-01-01", "must not be in the future")]
    [InlineData(OfficerDraft.Courses, "stm 2024-01-01", "“stm” is not in the catalogue")]
    [InlineData(OfficerDraft.Courses, "cptm 2024-03-01 to 2023-03-01", "cptm: expires before it was completed")]
    [InlineData(OfficerDraft.Courses, "cptm", "cptm: add the day completed")]
    public void Certifications_ThatTheServiceWouldRefuse_AreRefusedBesideTheirField(string field, string typed, string problem)
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 120, rows: 30);
        var form = EditAwa(ui);

        form.Row(field).Input.Text = typed;
        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.Equal(problem, form.Row(field).Problem);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("UpdateOfficer", StringComparison.Ordinal));
        ScreenText.AssertWhole(ui.Screen(), problem);
    }

    [Fact]
    public void OnASmallTerminal_AProblemReadsWhole_AndSaveStaysInSight()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 60, rows: 20);
        var form = EditAwa(ui);

        form.Row(OfficerDraft.BirthDate).Input.Text = "1990-02-30";
        form.Row(OfficerDraft.BirthDate).Input.SetFocus();
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "Born: ✗ 1990-02-30 is not a calendar day");
        Assert.Contains("Save", screen);
        Assert.Contains("Cancel", screen);

        form.Row(OfficerDraft.Courses).Input.SetFocus();
        screen = ui.Screen();
        Assert.Contains("Courses done", screen);
        Assert.Contains("Save", screen);
    }

    [Fact]
    public void ALongValue_ShowsItsBeginning_NotItsEnd()
    {
        var client = Sample.Client();
        var awa = client.Officers.Single(o => o.Name == "memberStates/SN/officers/awa");
        awa.Skills.Add(new SkillProficiency { SkillCode = "gender", Level = SkillLevel.Basic });
        awa.Skills.Add(new SkillProficiency { SkillCode = "community-oriented-policing", Level = SkillLevel.Intermediate });
        awa.Skills.Add(new SkillProficiency { SkillCode = "training-and-mentoring", Level = SkillLevel.Expert });
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        EditAwa(ui);

        var skills = Line(ui.Screen(), "Skills");
        Assert.Contains("forensics advanced", skills);
        Assert.DoesNotContain("mentoring expert", skills);
    }
}
