using Grpc.Core;
using Terminal.Gui.App;
using Training.Tui.Client;
using Training.Tui.Screens;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui;

/// <summary>Arguments, the first call to the service, then the terminal UI.</summary>
public static class Launcher
{
    public const string Usage = """
        Usage: TrainingTui [--server URL] [--token TOKEN | --token-file PATH] [--save-token]

          --server URL         the training service (default http://127.0.0.1:5080)
          --token TOKEN        the access token; or set TRAINING_TOKEN
          --token-file PATH    file holding the token (default ~/.config/training/token)
          --save-token         write the token given by --token or TRAINING_TOKEN to the token file (owner-only)
          --deadline-seconds N how long to wait for each answer (default 10)
          --demo-credentials F log in with a demo service's credentials file (data/demo/demo-credentials.json)
          --as WHO             with --demo-credentials: administrator, auditor or focal-point-SN (default), -RW, -JO
          --lang en|fr         the language (default: the system's, from LC_ALL, LC_MESSAGES or LANG; French for fr_*)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        ConnectionOptions options;
        try
        {
            (var language, args) = UiLanguage.FromArguments(args, Environment.GetEnvironmentVariable);
            UiLanguage.Use(language);
            options = ConnectionOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"training: {e.Message}\n\n{Usage}");
            return 2;
        }
        if (options.Token is null)
        {
            await Console.Error.WriteLineAsync(
                $"training: no access token. Pass --token, set {ConnectionOptions.TokenEnvironmentVariable}, or put it in {options.TokenFile}.");
            return 2;
        }

        using var client = new GrpcTrainingClient(options);
        // Who is calling is asked while the terminal starts up: the two together take most of the first second.
        var asking = client.GetCallerAsync();
        // The main loop sleeps between iterations to cap them (25 a second by default: up to 40 ms before a key is
        // seen). 60 keeps a keystroke's redraw well inside 100 ms; drawing is still only of what changed.
        Application.MaximumIterationsPerSecond = 60;
        var app = Application.Create().Init();
        Caller caller;
        try
        {
            caller = await asking;
        }
        catch (RpcException e)
        {
            app.Dispose();
            var error = ClientError.From(e);
            await Console.Error.WriteLineAsync(e.StatusCode == StatusCode.Unauthenticated
                ? $"training: the service at {options.Server} refused the access token ({error.Reason}). Ask an administrator for a new one."
                : $"training: cannot reach the training service at {options.Server}: {error.Message}");
            return e.StatusCode == StatusCode.Unauthenticated ? 3 : 4;
        }
        if (options.SaveToken) ConnectionOptions.SaveTokenFile(options.TokenFile, options.Token);

        try
        {
            var context = new ScreenContext(app, client, caller, new TerminalDialogs(app), TimeProvider.System)
            {
                Theme = Theme.FromEnvironment(Environment.GetEnvironmentVariable),
            };
            using var shell = new Shell(context, ScreenCatalog.Roots(context));
            app.Run(shell);
        }
        finally
        {
            app.Dispose();
        }
        return 0;
    }
}
