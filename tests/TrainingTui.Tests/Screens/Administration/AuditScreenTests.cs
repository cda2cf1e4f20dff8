using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Screens.Administration;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Administration;

public sealed class AuditScreenTests
{
    private static AuditEvent Event(int sequence, DateTime at, string actor, string who, string method, string resource, string summary) => new()
    {
        Name = $"auditEvents/{sequence}", EventTime = Timestamp.FromDateTime(at), Actor = actor, ActorDisplayName = who,
        Method = method, Resource = resource, Summary = summary,
    };

    private static FakeTrainingClient WithTrail()
    {
        var client = Sample.Client();
        client.AuditEvents.AddRange([
            Event(1, new DateTime(2027, 1, 2, 8, 0, 0, DateTimeKind.Utc), "accessTokens/admin", "Course administrator",
                "CatalogService/CreateCourse", "courses/cptm", "created"),
            Event(2, new DateTime(2027, 1, 15, 9, 30, 0, DateTimeKind.Utc), "accessTokens/fpsn", "Focal point SN",
                "RosterService/UpdateOfficer", "memberStates/SN/officers/awa",
                "rank, languages, certifications (AMS pass 2026-03-02 fr; completed cptm 2024-03-01 to 2028-03-01)"),
            Event(3, new DateTime(2027, 1, 19, 16, 5, 0, DateTimeKind.Utc), "accessTokens/admin", "Course administrator",
                "NominationService/ConfirmNomination", "memberStates/SN/nominations/n1", "submitted → confirmed"),
        ]);
        return client;
    }

    [Fact]
    public void TheTrail_ShowsTheLastWeek_NewestFirst()
    {
        var client = WithTrail();
        using var ui = new ScreenHarness(client, Callers.Auditor(), 80, 24);
        ui.Press('9');
        var audit = Assert.IsType<AuditScreen>(ui.Current);

        var screen = ui.Screen();
        Assert.Contains("2 events · from 2027-01-13 00:00 UTC · newest first", screen);
        Assert.Equal("auditEvents/3", audit.Selected!.Name);
        Assert.DoesNotContain("CreateCourse", screen);
        Assert.Equal(new DateTime(2027, 1, 13, 0, 0, 0, DateTimeKind.Utc), client.AuditRequests[0].StartTime.ToDateTime());
    }

    [Fact]
    public void Enter_OpensAnEvent_WithItsChangeWhole()
    {
        var client = WithTrail();
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);
        ui.Press('9').Press(Key.CursorDown);
        ScreenText.AssertWhole(ui.Screen(),
            "Focal point SN: RosterService/UpdateOfficer on memberStates/SN/officers/awa: rank, languages, certifications " +
            "(AMS pass 2026-03-02 fr; completed cptm 2024-03-01 to 2028-03-01)");

        ui.Press(Key.Enter);

        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Audit event 2", title);
        Assert.Contains("Who: Focal point SN (accessTokens/fpsn)", text);
        Assert.Contains("rank, languages, certifications (AMS pass 2026-03-02 fr; completed cptm 2024-03-01 to 2028-03-01)", text);
    }

    [Fact]
    public void A_And_R_NarrowToTheSelectedActorAndResource_AndCClears()
    {
        var client = WithTrail();
        using var ui = new ScreenHarness(client, Callers.Administrator(), 120, 30);
        ui.Press('9');

        ui.Press('a');
        Assert.Equal("accessTokens/admin", client.AuditRequests[^1].Actor);
        Assert.Contains("1 event · by accessTokens/admin", ui.Screen());

        ui.Press('r');
        Assert.Equal("memberStates/SN/nominations/n1", client.AuditRequests[^1].Resource);

        ui.Press('c');
        Assert.Equal("", client.AuditRequests[^1].Actor);
        Assert.Contains("2 events", ui.Screen());
    }

    [Fact]
    public void TheFilterForm_TakesAResourceAndTimes_AndRefusesBadOnes()
    {
        var client = WithTrail();
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);
        ui.Press('9').Press('f');
        var form = Assert.IsType<AuditFilterScreen>(ui.Current);

        form.Row(AuditFilterScreen.Actor).Input.Text = "admin";
        form.Row(AuditFilterScreen.Until).Input.Text = "2026-12-01";
        ui.Press(Key.S.WithCtrl);
        Assert.Same(form, ui.Current);
        Assert.Equal("a token's name: accessTokens/…", form.Row(AuditFilterScreen.Actor).Problem);
        Assert.Equal("must be after From", form.Row(AuditFilterScreen.Until).Problem);

        form.Row(AuditFilterScreen.Actor).Input.Text = "";
        form.Row(AuditFilterScreen.Until).Input.Text = "";
        form.Row(AuditFilterScreen.From).Input.Text = "2027-01-01";
        form.Row(AuditFilterScreen.Resource).Input.Text = "memberStates/SN";
        ui.Press(Key.S.WithCtrl);

        var audit = Assert.IsType<AuditScreen>(ui.Current);
        Assert.Equal("memberStates/SN", client.AuditRequests[^1].Resource);
        Assert.Contains("2 events · on memberStates/SN · from 2027-01-01 00:00 UTC", ui.Screen());
        Assert.Equal(2, audit.Source.TotalRows);
    }

    [Fact]
    public void AFailedRead_SaysWhy()
    {
        var client = WithTrail();
        client.Unreachable = true;
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);
        ui.Press('9');
        ScreenText.AssertWhole(ui.Screen(), "Could not read the audit trail: The training service cannot be reached.");
    }
}
