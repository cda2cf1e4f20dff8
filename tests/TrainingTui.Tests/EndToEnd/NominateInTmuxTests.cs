using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// The whole product as a focal point meets it: the real service with demo data on loopback, the real client in a
/// real terminal (tmux), an officer nominated by keystrokes — and then both the screen and the service checked.
/// </summary>
public sealed class NominateInTmuxTests
{
    [TmuxFact]
    public async Task FocalPoint_NominatesAnOfficerByKeystrokes_AndTheServiceHoldsTheNomination()
    {
        using var service = new DemoService();
        var token = FocalPointToken(service.CredentialsFile, "SN");
        using var channel = GrpcChannel.ForAddress(service.Address);
        var invoker = channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {token}");
            return m;
        });
        var (session, sessionRow, officer) = await PickSessionAndOfficerAsync(invoker);

        // The view tests switch real terminal output off for this process; the client in tmux must not inherit that.
        using var terminal = new Tmux($"env -u DisableRealDriverIO dotnet {Built.ClientDll} --server {service.Address} --demo-credentials {service.CredentialsFile} --as focal-point-SN; echo CLIENT-EXITED $?; sleep 60");
        terminal.WaitFor("upcoming sessions");
        for (var i = 0; i < sessionRow; i++) terminal.Press("Down");
        terminal.Press("Enter");
        terminal.WaitFor("SN's nominations");
        terminal.Press("n");
        terminal.WaitFor("all checked");
        terminal.Press("/");
        terminal.Type(officer.NationalPoliceId);
        terminal.Press("Enter");
        terminal.WaitFor($"{officer.FamilyName}, {officer.GivenName}");
        terminal.Press("Space");
        terminal.WaitFor("1 selected");
        terminal.Press("n");
        terminal.WaitFor("Review the nomination");
        terminal.Press("s");
        var screen = terminal.WaitFor("Submitted 1 of 1.");

        Assert.Contains("✓ submitted", screen);
        var nominations = await new NominationService.NominationServiceClient(invoker).ListNominationsAsync(new ListNominationsRequest
        {
            Parent = "memberStates/SN", Officer = officer.Name, Session = session.Name,
        });
        var nomination = Assert.Single(nominations.Nominations);
        Assert.Equal(Nomination.Types.State.Submitted, nomination.State);
        Assert.Equal("Demo focal point, Senegal", nomination.History.Single().ActorDisplayName);

        terminal.Press("q");
        terminal.WaitFor("CLIENT-EXITED 0");
    }

    /// <summary>An open session and an eligible Senegalese officer not yet nominated to it; the row the session has on the Courses screen.</summary>
    internal static async Task<(Session Session, int Row, Officer Officer)> PickSessionAndOfficerAsync(CallInvoker invoker)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var catalog = new CatalogService.CatalogServiceClient(invoker);
        var sessions = (await catalog.ListSessionsAsync(new ListSessionsRequest
        {
            Parent = "courses/-", PageSize = 500, StartDateFrom = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
        })).Sessions;
        var officers = (await new RosterService.RosterServiceClient(invoker).ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 60 })).Officers;
        var nominations = new NominationService.NominationServiceClient(invoker);
        for (var row = 0; row < sessions.Count; row++)
        {
            if (!Format.WindowOpen(sessions[row], DateTime.UtcNow)) continue;
            foreach (var officer in officers)
            {
                var check = await nominations.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer.Name, Session = sessions[row].Name });
                if (check.Eligible) return (sessions[row], row, officer);
            }
        }
        throw new InvalidOperationException("The demo has no open session with an eligible Senegalese officer.");
    }

    internal static string FocalPointToken(string credentialsFile, string region)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(credentialsFile));
        return document.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("role").GetString() == "FOCAL_POINT" && c.GetProperty("regionCode").GetString() == region)
            .GetProperty("secret").GetString()!;
    }
}
