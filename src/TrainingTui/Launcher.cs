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
    /// <summary>The width <see cref="Usage"/> wraps its descriptions to: a terminal's usual 80 columns.</summary>
    private const int UsageWidth = 80;

    /// <summary>Where the descriptions of <see cref="Usage"/> start, after "  --demo-credentials F ".</summary>
    private const int UsageIndent = 23;

    /// <summary>
    /// The --help text in the client's language: the synopsis, then each option ("--token-file PATH" and what it does,
    /// one resource apiece, the two parts split by a tab) with its description wrapped under itself.
    /// </summary>
    public static string Usage
    {
        get
        {
            string[] options =
            [
                Strings.Get("Usage_Server"), Strings.Get("Usage_CaFile"), Strings.Get("Usage_Token"), Strings.Get("Usage_TokenFile"),
                Strings.Get("Usage_SaveToken"), Strings.Get("Usage_Config"), Strings.Get("Usage_Language"), Strings.Get("Usage_Deadline"),
                Strings.Get("Usage_DemoCredentials"), Strings.Get("Usage_As"), Strings.Get("Usage_Lang"), Strings.Get("Usage_Version"),
            ];
            var text = new System.Text.StringBuilder(Strings.Get("Usage_Synopsis")).Append("\n\n");
            foreach (var option in options)
            {
                var (name, description) = option.Split('\t', 2) is [var n, var d] ? (n, d) : (option, "");
                var lines = Wrap(description, UsageWidth - UsageIndent);
                text.Append("  ").Append(name.PadRight(UsageIndent - 3)).Append(' ').Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1)) text.Append(' ', UsageIndent).Append(line).Append('\n');
            }
            return text.ToString().TrimEnd('\n');
        }
    }

    /// <summary>Words laid on lines of at most <paramref name="width"/> characters (a longer word keeps a line to itself).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length == 0) lines[^1] = word;
            else if (lines[^1].Length + 1 + word.Length <= width) lines[^1] += " " + word;
            else lines.Add(word);
        }
        return lines;
    }

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
        if (args.Contains("--version"))
        {
            Console.WriteLine(Version);
            return 0;
        }
        // The system's language first, so that even a wrong --lang or a wrong option is told in it; then --lang; then
        // --language or the config file's language (once the options are read).
        UiLanguage.Use(UiLanguage.FromSystem(Environment.GetEnvironmentVariable, System.Globalization.CultureInfo.CurrentUICulture));
        ConnectionOptions options;
        try
        {
            var asked = args.Any(a => a == UiLanguage.Option || a.StartsWith(UiLanguage.Option + "=", StringComparison.Ordinal));
            (var language, args) = UiLanguage.FromArguments(args, Environment.GetEnvironmentVariable);
            UiLanguage.Use(language);
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine(Usage);
                return 0;
            }
            options = ConnectionOptions.Parse(args, Environment.GetEnvironmentVariable);
            if (!asked && options.Language is { } configured) UiLanguage.Use(UiLanguage.FromTag(configured));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(Strings.Format("Launcher_Error", e.Message) + $"\n\n{Usage}");
            return 2;
        }
        if (options.Token is null)
        {
            await Console.Error.WriteLineAsync(Strings.Format("Launcher_Error", Strings.Format("Launcher_NoToken",
                ConnectionOptions.TokenEnvironmentVariable, options.TokenFile, options.ConfigFile ?? Strings.Get("Launcher_TheConfigFile"))));
            return 2;
        }

        GrpcTrainingClient connected;
        try
        {
            connected = new GrpcTrainingClient(options);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(Strings.Format("Launcher_Error", e.Message));
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
            await Console.Error.WriteLineAsync(Strings.Format("Launcher_Error", e.StatusCode == StatusCode.Unauthenticated
                ? Strings.Format("Launcher_TokenRefused", options.Server, error.Reason)
                : TlsTrust.Diagnose(e) is { } tls
                    ? Tls(tls, options.Server)
                    : Strings.Format("Launcher_Unreachable", options.Server, error.Message)));
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

    /// <summary>A failed TLS handshake said in the client's language, with what to do about it.</summary>
    public static string Tls(TlsProblem problem, Uri server) => problem.Failure switch
    {
        TlsFailure.NameMismatch => Strings.Format("Tls_NameMismatch", server, server.Host),
        TlsFailure.Expired => Strings.Format("Tls_Untrusted", server, Strings.Get("Tls_Expired")),
        TlsFailure.UnknownAuthority => Strings.Format("Tls_Untrusted", server, Strings.Get("Tls_UnknownAuthority")),
        TlsFailure.ChainInvalid => Strings.Format("Tls_Untrusted", server, Strings.Get("Tls_ChainInvalid")),
        _ => Strings.Format("Tls_Handshake", server, problem.Detail),
    };
}
