using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// A course administrator's whole job in the client as <c>./demo</c> runs it (compiled natively), against the real
/// service, in real terminals: a course and a session created and opened by keystrokes, a focal point nominating to it
/// in a second terminal, the administrator confirming after being asked, and the focal point's screen following;
/// a focal-point token issued, used and revoked; keys typed ahead while a screen loads.
/// </summary>
public sealed class AdministratorInTmuxTests
{
    private static string Client =>
        Built.PublishedClient ?? throw new Xunit.Sdk.XunitException("The client is not published into out/tui: run scripts/publish-client (./test does).");

    /// <summary>The view tests switch real terminal output off for this process; the client in tmux must not inherit that.</summary>
    private static Tmux Start(string arguments) => new($"env -u DisableRealDriverIO {Client} {arguments}; echo CLIENT-EXITED $?; sleep 60");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [PublishedClientFact]
    public async Task AdministratorRunsANewSession_FocalPointNominates_AndSeesTheConfirmationWithoutAKey()
    {
        using var service = new DemoService();
        var demo = $"--server {service.Address} --demo-credentials {service.CredentialsFile}";
        using var administrator = Start($"{demo} --as administrator");
        administrator.WaitFor("upcoming sessions");

        // A course, from the catalogue.
        administrator.Press("k");
        administrator.WaitFor("a adds, Enter edits");
        administrator.Press("a");
        administrator.WaitFor("A new catalogue entry");
        administrator.Type("E2E-101");
        administrator.Press("Tab");
        administrator.Type("End-to-end pre-deployment course");
        administrator.Press("Tab", "Tab");
        administrator.Type("stm");
        administrator.Press("C-s");
        administrator.WaitFor("Published E2E-101");

        // A session of it: a month ahead, nominations open from now until ten days before.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        administrator.Press("/");
        administrator.Type("E2E-101");
        administrator.Press("Enter", "n");
        administrator.WaitFor("A new session of E2E-101");
        administrator.Type("Entebbe, Regional Service Centre");
        administrator.Press("Tab", "Tab");
        administrator.Type(Day(today.AddDays(30)));
        administrator.Press("Tab");
        administrator.Type(Day(today.AddDays(34)));
        administrator.Press("Tab");
        administrator.Type("12");
        administrator.Press("Tab", "Tab", "Tab");
        administrator.Type(Day(today.AddDays(20)));
        administrator.Press("C-s");
        administrator.WaitFor("Scheduled E2E-101");

        // Opened from its own screen, after being asked (the first Esc clears the catalogue's filter).
        administrator.Press("Escape", "Escape");
        administrator.WaitFor("upcoming sessions");
        administrator.Press("/");
        administrator.Type("E2E-101");
        administrator.Press("Enter", "Enter");
        administrator.WaitFor("nominations draft");
        administrator.Press("O");
        administrator.WaitFor("Open the session");
        administrator.Press("o");
        administrator.WaitFor("Opened E2E-101");

        // The focal point of Senegal nominates an officer the service finds eligible.
        using var channel = GrpcChannel.ForAddress(service.Address);
        var senegal = Invoker(channel, Credential(service.CredentialsFile, "FOCAL_POINT", "SN"));
        var session = (await new CatalogService.CatalogServiceClient(senegal).ListSessionsAsync(new ListSessionsRequest { Parent = "courses/e2e-101" }))
            .Sessions.Single();
        var officer = await EligibleOfficerAsync(senegal, session.Name);
        using var focalPoint = Start($"{demo} --as focal-point-SN");
        focalPoint.WaitFor("upcoming sessions");
        focalPoint.Press("/");
        focalPoint.Type("E2E-101");
        focalPoint.Press("Enter", "Enter");
        focalPoint.WaitFor("SN's nominations: none yet");
        focalPoint.Press("n");
        focalPoint.WaitFor("all checked");
        focalPoint.Press("/");
        focalPoint.Type(officer.NationalPoliceId);
        focalPoint.Press("Enter", "Space");
        focalPoint.WaitFor("1 selected");
        focalPoint.Press("n");
        focalPoint.WaitFor("Review the nomination");
        focalPoint.Press("s");
        focalPoint.WaitFor("Submitted 1 of 1.");
        focalPoint.Press("Escape", "Escape");
        var name = $"{officer.FamilyName}, {officer.GivenName}";
        focalPoint.WaitFor(s => Row(s, name)?.Contains("submitted", StringComparison.Ordinal) == true, $"{name} submitted on the session screen");

        // The administrator reviews and confirms, after being asked.
        administrator.Press("r");
        administrator.WaitFor(name);
        administrator.Press("c");
        administrator.WaitFor("Confirm the nomination");
        administrator.Press("c");
        administrator.WaitFor($"Confirmed {name}");

        // The focal point's session screen follows, without a key pressed.
        var screen = focalPoint.WaitFor(s => Row(s, name)?.Contains("confirmed", StringComparison.Ordinal) == true,
            $"{name} confirmed on the focal point's session screen", TimeSpan.FromSeconds(15));
        Assert.Contains("● live", screen);
    }

    [PublishedClientFact]
    public void AnIssuedFocalPointToken_LogsIn_AndOnceRevokedIsRefused()
    {
        using var service = new DemoService();
        using var administrator = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as administrator");
        administrator.WaitFor("upcoming sessions");
        administrator.Press("8");
        administrator.WaitFor("active tokens");
        administrator.Press("a");
        administrator.WaitFor("Its secret is shown once");
        administrator.Type("Focal point, Rwanda (E2E)");
        administrator.Press("Tab", "Tab");
        administrator.Type("RW");
        administrator.Press("C-s");
        var shown = administrator.WaitFor("shown this once");
        var secret = SecretOn(shown);

        using (var holder = Start($"--server {service.Address} --token {secret}"))
        {
            holder.WaitFor(s => s.Contains("Focal point, Rwanda (E2E) (focal point RW)", StringComparison.Ordinal),
                $"the holder logged in with \"{secret}\", read from:\n{shown}");
            holder.Press("q");
            holder.WaitFor("CLIENT-EXITED 0");
        }

        administrator.Press("Escape");
        administrator.WaitFor("Leave the secret");
        administrator.Press("l");
        administrator.WaitFor("Focal point, Rwanda (E2E) · focal point for RW · active");
        administrator.Press("x");
        administrator.WaitFor("Revoke the token");
        administrator.Press("r");
        administrator.WaitFor("Revoked the token of Focal point, Rwanda (E2E).");

        using var refused = Start($"--server {service.Address} --token {secret}");
        var screen = refused.WaitFor("CLIENT-EXITED 3");
        Assert.Contains("refused the access token", screen);
    }

    [PublishedClientFact]
    public void KeysTypedWhileTheRosterLoads_AreActedOn()
    {
        using var service = new DemoService();
        using var administrator = Start($"--server {service.Address} --demo-credentials {service.CredentialsFile} --as administrator");
        administrator.WaitFor("upcoming sessions");

        // One write: the f arrives while the roster is still finding its first Member State and loading it.
        administrator.Type("2f");

        administrator.WaitFor("Empty fields do not narrow");
        administrator.Press("Escape");
        administrator.WaitFor(" officers");
    }

    /// <summary>The secret is alone on its line between two blank ones, after the sentence that introduces it.</summary>
    private static string SecretOn(string screen)
    {
        var lines = screen.Split('\n').Select(l => l.Trim()).ToList();
        var intro = lines.FindIndex(l => l.StartsWith("The secret, shown this once", StringComparison.Ordinal));
        return lines.Skip(intro + 1).First(l => l.Length > 0);
    }

    private static string? Row(string screen, string name) =>
        screen.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));

    private static async Task<Officer> EligibleOfficerAsync(CallInvoker invoker, string session)
    {
        var officers = (await new RosterService.RosterServiceClient(invoker).ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 60 })).Officers;
        var nominations = new NominationService.NominationServiceClient(invoker);
        foreach (var officer in officers)
        {
            var check = await nominations.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer.Name, Session = session });
            if (check.Eligible) return officer;
        }
        throw new InvalidOperationException("No Senegalese officer of the demo is eligible for the new session.");
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
}
