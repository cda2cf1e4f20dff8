using Grpc.Core;
using Terminal.Gui.App;
using Training.Connections;
using Training.Tui.Client;
using Training.Tui.Screens;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui;

/// <summary>Arguments, the first call to the service, then the terminal UI.</summary>
public static class Launcher
{
    public const string Usage = """
        Usage: TrainingTui [--server URL] [--token TOKEN | --token-file PATH] [--save-token] [--config FILE]

          --server URL         the training service, http:// or https://; or set TRAINING_SERVER, or server in
                               the config file (default http://127.0.0.1:5080)
          --ca-file PATH       with https://: PEM certificate of the authority that signed the service's certificate
          --token TOKEN        the access token; or set TRAINING_TOKEN
          --token-file PATH    file holding the token (default: token beside the config file)
          --save-token         write the token given by --token or TRAINING_TOKEN to the token file (owner-only)
          --config FILE        the config file (default: client.conf in ~/.config/training on Linux,
                               ~/Library/Application Support/training on macOS, %APPDATA%\training on Windows)
          --language TAG       as --lang (also the config file's language)
          --deadline-seconds N how long to wait for a short answer (default 10; longer answers get more)
          --demo-credentials F log in with a demo service's credentials file (data/demo/demo-credentials.json)
          --as WHO             with --demo-credentials: administrator, auditor or focal-point-SN (default), -RW, -JO
          --lang en|fr         the language (default: the system's, from LC_ALL, LC_MESSAGES or LANG; French for fr_*)
          --version            print the client's version and exit
        """;

    /// <summary>"TrainingTui 1.0.0+3f2c9e1 (linux-x64)": the build's version, and the system it was built for.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(Launcher).Assembly;
            var version = System.Reflection.CustomAttributeExtensions
                .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unknown";
            return $"TrainingTui {version} ({System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier})";
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (args.Contains("--version"))
        {
            Console.WriteLine(Version);
            return 0;
        }
        ConnectionOptions options;
        try
        {
            var asked = args.Any(a => a == UiLanguage.Option || a.StartsWith(UiLanguage.Option + "=", StringComparison.Ordinal));
            (var language, args) = UiLanguage.FromArguments(args, Environment.GetEnvironmentVariable);
            options = ConnectionOptions.Parse(args, Environment.GetEnvironmentVariable);
            // --lang first, then --language or the config file's language, then the system's.
            if (!asked && options.Language is { } configured) language = UiLanguage.FromTag(configured);
            UiLanguage.Use(language);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"training: {e.Message}\n\n{Usage}");
            return 2;
        }
        if (options.Token is null)
        {
            await Console.Error.WriteLineAsync(
                $"training: no access token. Pass --token, set {ConnectionOptions.TokenEnvironmentVariable}, or put it in {options.TokenFile}" +
                $" (or name another file with token_file in {options.ConfigFile ?? "the config file"}).");
            return 2;
        }

        GrpcTrainingClient connected;
        try
        {
            connected = new GrpcTrainingClient(options);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"training: {e.Message}");
            return 2;
        }
        using var client = connected;
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
                : TlsTrust.Explain(e, options.Server) is { } tls
                    ? $"training: {tls}"
                    : $"training: cannot reach the training service at {options.Server}: {error.Message}");
            return e.StatusCode == StatusCode.Unauthenticated ? 3 : 4;
        }
        if (options.SaveToken) ConnectionOptions.SaveTokenFile(options.TokenFile, options.Token);

        try
        {
            var context = new ScreenContext(app, client, caller, new TerminalDialogs(app), TimeProvider.System)
            {
                Theme = options.Monochrome ? Theme.NoColor : Theme.FromEnvironment(Environment.GetEnvironmentVariable),
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
