using Training.Service.Hosting;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Hosting;

/// <summary>A service nobody can administer says so at start, and how to get in; one that can stays quiet.</summary>
public sealed class AdministratorCheckTests
{
    [Fact]
    public async Task AFreshDatabase_WithoutABootstrapToken_WarnsThatNoAdministratorCanLogIn()
    {
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["Security:BootstrapAdminToken"] = "" }, logs: logs);

        var warning = Assert.Single(logs.Entries, e => e.Message.StartsWith("No administrator can log in", StringComparison.Ordinal));
        Assert.Contains("--Security:BootstrapAdminToken", warning.Message);
    }

    [Fact]
    public async Task ADatabaseWithAnActiveAdministratorToken_StartsWithoutTheWarning()
    {
        var folder = Directory.CreateTempSubdirectory("training-admin-").FullName;
        try
        {
            var first = await TestService.StartAsync(folder);
            await first.IssueTokenAsync(Role.Administrator, displayName: "Course administrator");
            await first.StopKeepingDataAsync();
            var logs = new CapturedLogs();
            await using var second = await TestService.StartAsync(folder, settings: new Dictionary<string, string?> { ["Security:BootstrapAdminToken"] = "" }, logs: logs);

            Assert.DoesNotContain(logs.Entries, e => e.Message == AdministratorCheck.Warning);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
