using Training.Service.Demo;

namespace Training.Service.Hosting;

/// <summary>
/// The service's life as a process: build, start, run until stopped. A start it refuses (a bad setting, a busy port,
/// a missing certificate, a database it cannot use) prints one line on standard error and ends with the exit code
/// of <see cref="ExitCodes"/>; only a fault nobody foresaw shows its stack trace, for the bug report.
/// </summary>
public static class ServiceRun
{
    public const string Prefix = "training-service: ";

    public static async Task<int> RunAsync(string[] args, Func<string[], Action<WebApplicationBuilder>?, WebApplication> build)
    {
        WebApplication? app = null;
        try
        {
            app = build(args, builder =>
            {
                // The host logs a failed start with its stack trace; the one line below says it all.
                builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            });
            if (args.Contains(DemoMode.Flag)) DemoMode.Start(app.Services, Console.Out);
            await app.StartAsync();
        }
        catch (Exception e) when (StartupFailure.From(e) is { } refused)
        {
            await Console.Error.WriteLineAsync(Prefix + refused.Message);
            await StopQuietly(app);
            return refused.ExitCode;
        }
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return ExitCodes.Stopped;
    }

    private static async Task StopQuietly(WebApplication? app)
    {
        if (app is null) return;
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Whatever the half-started host fails to release, the process is ending.
        }
    }
}
