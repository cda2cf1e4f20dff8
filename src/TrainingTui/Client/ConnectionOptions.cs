namespace Training.Tui.Client;

/// <summary>Where the service is and who the client acts as, from the command line and the environment.</summary>
public sealed record ConnectionOptions(Uri Server, string? Token, string TokenFile, bool SaveToken, TimeSpan Deadline)
{
    /// <summary>PEM certificate(s) of the authority that signed the service's TLS certificate, trusted besides the system's.</summary>
    public string? CaFile { get; init; }

    public const string DefaultServer = "http://127.0.0.1:5080";
    public const string TokenEnvironmentVariable = "TRAINING_TOKEN";

    /// <summary>The default token file: the user's configuration directory (~/.config/training/token on Linux).</summary>
    public static string DefaultTokenFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "training", "token");

    /// <summary>
    /// Reads <c>--server</c>, <c>--token</c>, <c>--token-file</c>, <c>--save-token</c> and <c>--deadline-seconds</c>;
    /// the token comes from <c>--token</c>, else <c>TRAINING_TOKEN</c>, else the token file.
    /// </summary>
    public static ConnectionOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        RefuseUnknown(args);
        string? Value(string name)
        {
            for (var i = 0; i < args.Count; i++)
            {
                if (args[i] == name && i + 1 < args.Count) return args[i + 1];
                if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
            }
            return null;
        }

        var serverText = Value("--server") ?? DefaultServer;
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--server must be an http:// or https:// address, not \"{serverText}\".");
        var deadlineText = Value("--deadline-seconds");
        var deadline = TimeSpan.FromSeconds(10);
        if (deadlineText is not null)
        {
            if (!double.TryParse(deadlineText, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                throw new ArgumentException($"--deadline-seconds must be a positive number, not \"{deadlineText}\".");
            deadline = TimeSpan.FromSeconds(seconds);
        }
        var tokenFile = Value("--token-file") ?? DefaultTokenFile;
        var token = Value("--token") ?? environment(TokenEnvironmentVariable);
        if (Value("--demo-credentials") is { } demoFile)
        {
            var demo = DemoLogin.Read(demoFile, Value("--as") ?? DemoLogin.DefaultIdentity);
            token = demo.Secret;
            if (Value("--server") is null && demo.Service is { } service && Uri.TryCreate(service, UriKind.Absolute, out var demoServer)) server = demoServer;
        }
        if (string.IsNullOrWhiteSpace(token) && File.Exists(tokenFile)) token = File.ReadAllText(tokenFile).Trim();
        var caFile = Value("--ca-file");
        if (caFile is not null && !File.Exists(caFile)) throw new ArgumentException($"--ca-file {caFile} does not exist.");
        if (caFile is not null && server.Scheme != "https") throw new ArgumentException("--ca-file is for an https:// --server.");
        return new ConnectionOptions(server, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), tokenFile,
            args.Contains("--save-token"), deadline) { CaFile = caFile };
    }

    private static readonly string[] ValueOptions = ["--server", "--token", "--token-file", "--deadline-seconds", "--demo-credentials", "--as", "--ca-file"];
    private static readonly string[] Flags = ["--save-token", "--help", "-h"];

    /// <summary>A mistyped option must not be silently ignored (a --tokn would fall back to another token).</summary>
    private static void RefuseUnknown(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (Flags.Contains(args[i])) continue;
            if (!ValueOptions.Contains(name)) throw new ArgumentException($"unknown argument \"{args[i]}\".");
            if (name == args[i])
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
                i++;
            }
        }
    }

    /// <summary>Writes the token file readable and writable by its owner only.</summary>
    public static void SaveTokenFile(string path, string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (File.Create(path)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, token + "\n");
    }
}
