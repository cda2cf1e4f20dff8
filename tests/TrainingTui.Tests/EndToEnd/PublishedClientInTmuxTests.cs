using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// The client exactly as <c>./demo</c> runs it — compiled natively into out/tui by scripts/publish-client — against
/// the real service in a real terminal. Native compilation trims what it cannot see being used, so every screen is
/// opened here: a screen that needs something trimmed away fails in this test, not in front of a user.
/// </summary>
public sealed class PublishedClientInTmuxTests
{
    private static string Client =>
        Built.PublishedClient ?? throw new Xunit.Sdk.XunitException("The client is not published into out/tui: run scripts/publish-client (./test does).");

    [PublishedClientFact]
    public void Administrator_OpensEveryScreen_AndQuitsCleanly()
    {
        using var service = new DemoService();
        using var terminal = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as administrator");

        terminal.WaitFor("upcoming sessions");
        Assert.Contains("Demo administrator (administrator)", terminal.Screen());
        terminal.Press("?");
        terminal.WaitFor("Everywhere:");
        terminal.Press("Escape");
        terminal.Press("Enter");
        terminal.WaitFor(s => s.Contains("Seats:") && s.Contains("Nominations:"), "the session with its nominations");
        terminal.Press("p");
        terminal.WaitFor("Overall nominated");
        terminal.Press("Escape");
        terminal.Press("Escape");

        Screen(terminal, "2", "Roster", " officers");
        terminal.Press("f");
        terminal.WaitFor("Empty fields do not narrow");
        terminal.Press("Escape");
        Screen(terminal, "3", "Nominations", "● live");
        Screen(terminal, "4", "Review", "awaiting a decision");
        Screen(terminal, "5", "Requests", "taking nominations");
        Screen(terminal, "6", "Reports", "share of women per category");
        Screen(terminal, "7", "Import/Export", "Import officers");

        terminal.Press("Escape");
        terminal.Press("q");
        terminal.WaitFor("CLIENT-EXITED 0");
    }

    [PublishedClientFact]
    public async Task AdministratorsReview_FollowsAWithdrawalMadeElsewhere_WithoutAReload()
    {
        using var service = new DemoService();
        using var channel = GrpcChannel.ForAddress(service.Address);
        var administrator = Invoker(channel, Credential(service.CredentialsFile, "ADMINISTRATOR"));
        var rwanda = Invoker(channel, Credential(service.CredentialsFile, "FOCAL_POINT", "RW"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sessions = (await new CatalogService.CatalogServiceClient(administrator).ListSessionsAsync(new ListSessionsRequest
        {
            Parent = "courses/-", PageSize = 500, StartDateFrom = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
        })).Sessions;
        var nominations = new NominationService.NominationServiceClient(rwanda);
        var confirmed = (await nominations.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/RW", PageSize = 500 })).Nominations
            .First(n => n.State == Nomination.Types.State.Confirmed && sessions.Any(s => s.Name == n.Session));
        var row = sessions.ToList().FindIndex(s => s.Name == confirmed.Session);

        using var terminal = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as administrator");
        terminal.WaitFor("upcoming sessions");
        for (var i = 0; i < row; i++) terminal.Press("Down");
        terminal.Press("Enter");
        terminal.WaitFor("Nominations:");
        terminal.Press("r");
        terminal.WaitFor("● live");

        await nominations.WithdrawNominationAsync(new WithdrawNominationRequest { Name = confirmed.Name, Reason = "Called back to national duty." });
        var figures = await new NominationService.NominationServiceClient(administrator).GetSessionStatisticsAsync(
            new GetSessionStatisticsRequest { Session = confirmed.Session });

        var expected = $"Seats {figures.Seats - figures.SeatsAvailable}/{figures.Seats}";
        var screen = terminal.WaitFor(s => s.Contains(expected) && s.Contains($"waitlist {figures.Overall.Waitlisted} "), $"\"{expected}\" after the withdrawal");
        Assert.Contains("● live", screen);
    }

    [PublishedClientFact]
    public void ServerGoesAway_TheClientSaysSo_AndCarriesOnWhenItReturns()
    {
        using var service = new DemoService();
        using var terminal = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as focal-point-SN");
        terminal.WaitFor("upcoming sessions");

        service.Stop();
        terminal.Press("F5");
        terminal.WaitFor("Retrying every");
        Assert.DoesNotContain("Exception", terminal.Screen());

        service.Start();
        terminal.WaitFor("Connected again.", TimeSpan.FromSeconds(30));
        Screen(terminal, "2", "Roster", "SN: ");
        terminal.Press("q");
        terminal.WaitFor("CLIENT-EXITED 0");
    }

    [PublishedClientFact]
    public async Task TokenRevokedWhileRunning_TheNextCallSaysSo_AndNothingCrashes()
    {
        using var service = new DemoService();
        using var terminal = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as focal-point-SN");
        terminal.WaitFor("upcoming sessions");

        using var channel = GrpcChannel.ForAddress(service.Address);
        var administrator = channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {Credential(service.CredentialsFile, "ADMINISTRATOR").GetProperty("secret").GetString()}");
            return m;
        });
        var focalPoint = Credential(service.CredentialsFile, "FOCAL_POINT", "SN").GetProperty("accessToken").GetString();
        await new AccessService.AccessServiceClient(administrator).RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = focalPoint });
        terminal.Press("F5");

        var screen = terminal.WaitFor("This access token has been revoked.");
        Assert.Contains("Access refused: This access token has been revoked. Ask an administrator for a new token.", screen);
        Assert.DoesNotContain("Exception", screen);
        terminal.Press("q");
        terminal.WaitFor("CLIENT-EXITED 0");
    }

    [PublishedClientFact]
    public void RefusedToken_EndsAtOnceWithAMessage_AndExitCode3()
    {
        using var service = new DemoService();
        using var terminal = Start($"--server {service.Address} --token not-a-token-anyone-issued");

        var screen = terminal.WaitFor("CLIENT-EXITED 3");
        Assert.Contains("refused the access token", screen);
        Assert.DoesNotContain("Exception", screen);
    }

    [PublishedClientFact]
    public void UnreachableServer_EndsWithAMessage_AndExitCode4()
    {
        using var terminal = Start("--server http://127.0.0.1:9 --token some-token --deadline-seconds 3");

        var screen = terminal.WaitFor("CLIENT-EXITED 4");
        Assert.Contains("cannot reach the training service at http://127.0.0.1:9/", screen);
        Assert.DoesNotContain("Exception", screen);
    }

    private static CallInvoker Invoker(GrpcChannel channel, JsonElement credential)
    {
        var secret = credential.GetProperty("secret").GetString();
        return channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {secret}");
            return m;
        });
    }

    private static JsonElement Credential(string file, string role, string? region = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("credentials").EnumerateArray()
            .First(c => c.GetProperty("role").GetString() == role && (region is null || c.GetProperty("regionCode").GetString() == region))
            .Clone();
    }

    /// <summary>The view tests switch real terminal output off for this process; the client in tmux must not inherit that.</summary>
    private static Tmux Start(string arguments) =>
        new($"env -u DisableRealDriverIO {Client} {arguments}; echo CLIENT-EXITED $?; sleep 60");

    private static void Screen(Tmux terminal, string key, string title, string loaded)
    {
        terminal.Press("Escape");
        terminal.Press(key);
        terminal.WaitFor(s => s.Contains($"│ {title}") && s.Contains(loaded), $"the {title} screen with \"{loaded}\"");
    }
}
