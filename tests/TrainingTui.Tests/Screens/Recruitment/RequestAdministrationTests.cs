using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Screens.Recruitment;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Recruitment;

/// <summary>Administrators publishing, editing, opening, closing and cancelling recruitment requests.</summary>
public sealed class RequestAdministrationTests
{
    private static FakeTrainingClient Client()
    {
        var client = Sample.Client();
        client.Missions.AddRange([
            new Mission { Name = "missions/minusca", Acronym = "MINUSCA", DisplayName = "MINUSCA", WorkingLanguageCodes = { "fr" } },
            new Mission { Name = "missions/unmiss", Acronym = "UNMISS", DisplayName = "UNMISS", WorkingLanguageCodes = { "en" } },
        ]);
        client.Requests.Add(new RecruitmentRequest
        {
            Name = "requests/forensics", Title = "Forensic investigators, francophone", Mission = "missions/minusca",
            Category = PersonnelCategory.Ipo, OfficerCount = 4, DeploymentDate = Sample.Date(2027, 6, 1),
            Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 15, 9, 0, 0, DateTimeKind.Utc)),
            State = RecruitmentRequest.Types.State.Draft, Etag = "\"1\"",
        });
        return client;
    }

    private static ScreenHarness Administrator(FakeTrainingClient client) => new(client, Callers.Administrator(), 80, 24);

    private static RequestFormScreen NewRequest(ScreenHarness ui, FakeTrainingClient client)
    {
        ui.Press('5').Press('a');
        var form = Assert.IsType<RequestFormScreen>(ui.Current);
        form.Row(RequestDraft.Title).Input.Text = "Community policing advisers";
        form.Row(RequestDraft.Mission).Input.Text = "unmiss";
        form.Row(RequestDraft.Count).Input.Text = "6";
        form.Row(RequestDraft.Deployment).Input.Text = "2027-09-01";
        form.Row(RequestDraft.Deadline).Input.Text = "2027-06-30 17:00";
        form.Row(RequestDraft.Languages).Input.Text = "en B2";
        form.Row(RequestDraft.Women).Input.Text = "30%";
        return form;
    }

    [Fact]
    public void Administrator_PublishesARequest_AsADraft()
    {
        var client = Client();
        using var ui = Administrator(client);
        NewRequest(ui, client);

        ui.Press(Key.S.WithCtrl);

        var created = client.Requests.Single(r => r.Title == "Community policing advisers");
        Assert.Equal("missions/unmiss", created.Mission);
        Assert.Equal(6, created.OfficerCount);
        Assert.Equal(PersonnelCategory.Ipo, created.Category);
        Assert.Equal(0.3, created.TargetWomenShare, 3);
        Assert.Equal(new DateTime(2027, 6, 30, 17, 0, 0, DateTimeKind.Utc), created.Deadline.ToDateTime());
        Assert.IsType<RequestsScreen>(ui.Current);
        Assert.Contains("✓ Published “Community policing advisers” as a draft", ui.Screen());
    }

    [Fact]
    public void RequestForm_BadInput_IsRefusedBesideEachField()
    {
        var client = Client();
        using var ui = Administrator(client);
        var form = NewRequest(ui, client);
        form.Row(RequestDraft.Mission).Input.Text = "unamid";
        form.Row(RequestDraft.Deadline).Input.Text = "2027-09-02";
        form.Row(RequestDraft.Women).Input.Text = "130%";

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateRequest", StringComparison.Ordinal));
        Assert.Equal("“UNAMID” is not a known mission", form.Row(RequestDraft.Mission).Problem);
        Assert.Equal("must fall on or before the deployment day", form.Row(RequestDraft.Deadline).Problem);
        Assert.Equal("a share from 0% to 100%", form.Row(RequestDraft.Women).Problem);
    }

    [Fact]
    public void RequestForm_RefusedByTheService_SaysTheReasonWhole()
    {
        var client = Client();
        client.NextRefusal = ("MISSION_NOT_RECRUITING",
            "UNMISS takes no new individual police officers until its mandate is renewed; publish the request after the Security Council's decision.");
        using var ui = Administrator(client);
        NewRequest(ui, client);

        ui.Press(Key.S.WithCtrl);

        ScreenText.AssertWhole(ui.Screen(), "✗ Not saved: UNMISS takes no new individual police officers until its mandate is renewed; " +
            "publish the request after the Security Council's decision.");
    }

    [Fact]
    public void Editing_SendsOnlyTheChangedFields()
    {
        var client = Client();
        using var ui = Administrator(client);
        ui.Press('5').Press(Key.Enter).Press('e');
        var form = Assert.IsType<RequestFormScreen>(ui.Current);

        form.Row(RequestDraft.Count).Input.Text = "8";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("UpdateRequest requests/forensics officer_count", client.Calls);
        Assert.IsType<RequestScreen>(ui.Current);
        Assert.Contains("8 officers", ui.Screen());
    }

    [Fact]
    public void OpeningThenCancelling_AreAskedFirst_AndCancellingSaysWhatItCancels()
    {
        var client = Client();
        var officer = client.Officers[0];
        client.Nominations.Add(new Nomination
        {
            Name = "memberStates/SN/nominations/r1", Officer = officer.Name, Request = "requests/forensics", State = Nomination.Types.State.Shortlisted,
            OfficerDisplayName = "Diop, Awa", OfficerGender = Gender.Female, Etag = "\"1\"",
        });
        using var ui = Administrator(client);
        ui.Press('5').Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press((Key)'O');
        Assert.Contains("OpenRequest requests/forensics", client.Calls);
        Assert.Contains("✓ Opened “Forensic investigators, francophone” (MINUSCA) to Member States.", ui.Screen());

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Dialogs.Reasons.Enqueue("The mission's police component is being reduced.");
        ui.Press((Key)'X');

        Assert.Contains(ui.Dialogs.Asked, q => q.Contains(
            "Its 1 live nomination (1 shortlisted; from SN) is cancelled with your reason", StringComparison.Ordinal));
        Assert.Contains("CancelRequest requests/forensics The mission's police component is being reduced.", client.Calls);
        ScreenText.AssertWhole(ui.Screen(), "Cancelled: The mission's police component is being reduced.");
    }

    [Fact]
    public void FocalPoints_CannotPublishOrMoveRequests()
    {
        var client = Client();
        client.Requests[0].State = RecruitmentRequest.Types.State.Open;
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press('5').Press('a');
        Assert.IsType<RequestsScreen>(ui.Current);
        ui.Press(Key.Enter).Press((Key)'X');
        Assert.Empty(ui.Dialogs.Asked);
    }
}
