using Microsoft.Extensions.Options;
using Training.Service.Security;

namespace Training.Service.Hosting;

/// <summary>
/// A service nobody can administer cannot issue a single token: at start, when no bootstrap token is configured and
/// no administrator token is active, it says so and how to get in.
/// </summary>
public static class AdministratorCheck
{
    public const string Warning =
        "No administrator can log in: no administrator token is active and no bootstrap token is set. Start the service once " +
        "with --Security:BootstrapAdminToken=<a secret of 16+ characters> (or the environment variable Security__BootstrapAdminToken), " +
        "issue administrator tokens with AccessService.CreateAccessToken, then remove the bootstrap token (docs/operations.md).";

    public static void WarnIfNobodyCanAdminister(IServiceProvider services)
    {
        if (!string.IsNullOrEmpty(services.GetRequiredService<IOptions<SecurityOptions>>().Value.BootstrapAdminToken)) return;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (services.GetRequiredService<IAccessTokenRepository>().AnyActiveAdministrator(now)) return;
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Training.Service.Startup").LogWarning(Warning);
    }
}
