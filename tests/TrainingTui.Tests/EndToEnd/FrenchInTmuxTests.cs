using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// The client as <c>./demo</c> runs it (compiled natively) in a French terminal (<c>LANG=fr_FR.UTF-8</c>), against the
/// real service: a focal point of Senegal nominates an officer, the administrator confirms after being asked, and the
/// focal point's session screen follows — every step read in French.
/// </summary>
public sealed class FrenchInTmuxTests
{
    private static string Client =>
        Built.PublishedClient ?? throw new Xunit.Sdk.XunitException("The client is not published into out/tui: run scripts/publish-client (./test does).");

    /// <summary>French from the system's language, as a user in Dakar or Niamey has it; the view tests' switch is not inherited.</summary>
    private static Tmux StartInFrench(string arguments) =>
        new($"env -u DisableRealDriverIO -u LC_ALL -u LC_MESSAGES LANG=fr_FR.UTF-8 {Client} {arguments}; echo CLIENT-EXITED $?; sleep 60");

    private static string? Row(string screen, string name) =>
        screen.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));

    [PublishedClientFact]
    public async Task AFrenchFocalPointNominates_AndAFrenchAdministratorConfirms_InFrench()
    {
        using var service = new DemoService();
        var token = NominateInTmuxTests.FocalPointToken(service.CredentialsFile, "SN");
        using var channel = GrpcChannel.ForAddress(service.Address);
        var invoker = channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {token}");
            return m;
        });
        var (_, sessionRow, officer) = await NominateInTmuxTests.PickSessionAndOfficerAsync(invoker);
        var name = $"{officer.FamilyName}, {officer.GivenName}";
        var demo = $"--server {service.Address} --demo-credentials {service.CredentialsFile}";

        using var focalPoint = StartInFrench($"{demo} --as focal-point-SN");
        // The screen is drawn in more than one write over tmux: wait for its title and its footer, not one and then read the other.
        var first = focalPoint.WaitFor(s => s.Contains("séances de formation à venir", StringComparison.Ordinal)
            && s.Contains("? aide", StringComparison.Ordinal), "the course screen in French, with its footer");
        Assert.Contains("(point focal SN)", first);
        for (var i = 0; i < sessionRow; i++) focalPoint.Press("Down");
        focalPoint.Press("Enter");
        focalPoint.WaitFor("Candidatures de SN");
        focalPoint.Press("n");
        focalPoint.WaitFor("tous vérifiés");
        focalPoint.Press("/");
        focalPoint.Type(officer.NationalPoliceId);
        focalPoint.Press("Enter");
        focalPoint.WaitFor(name);
        focalPoint.Press("Space");
        focalPoint.WaitFor("1 sélectionné");
        focalPoint.Press("n");
        focalPoint.WaitFor("Vérifier la candidature");
        focalPoint.Press("s");
        Assert.Contains("✓ soumise", focalPoint.WaitFor("1 sur 1 soumises."));
        // The first Esc clears the filter, the second goes back to the session.
        focalPoint.Press("Escape", "Escape");
        focalPoint.WaitFor(s => Row(s, name)?.Contains("soumise", StringComparison.Ordinal) == true, $"{name} soumise on the session screen");

        using var administrator = StartInFrench($"{demo} --as administrator");
        administrator.WaitFor("séances de formation à venir");
        for (var i = 0; i < sessionRow; i++) administrator.Press("Down");
        administrator.Press("Enter");
        administrator.WaitFor("r examiner");
        administrator.Press("r");
        administrator.WaitFor("en attente de décision");
        administrator.Press("/");
        administrator.Type(name);
        administrator.Press("Enter");
        administrator.WaitFor(name);
        administrator.Press("c");
        administrator.WaitFor("Confirmer la candidature");
        administrator.Press("c");
        administrator.WaitFor($"{name} confirmé(e) : une place est occupée.");

        var screen = focalPoint.WaitFor(s => Row(s, name)?.Contains("confirmée", StringComparison.Ordinal) == true,
            $"{name} confirmée on the focal point's session screen", TimeSpan.FromSeconds(15));
        Assert.Contains("● en direct", screen);
    }
}
