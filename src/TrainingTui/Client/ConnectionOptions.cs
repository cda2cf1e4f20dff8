namespace Training.Tui.Client;

/// <summary>
/// HTTP/2 pings on every connection, even while only a watch is open: a link that does not answer one within
/// <see cref="Timeout"/> is dropped, so a watch over a link that died silently fails (and shows paused) within
/// <see cref="Delay"/> + <see cref="Timeout"/>, never stays "live".
/// </summary>
public sealed record KeepAlive(TimeSpan Delay, TimeSpan Timeout)
{
    public static readonly KeepAlive Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
}

/// <summary>Where the service is and who the client acts as, from the command line, the environment and the config file.</summary>
public sealed record ConnectionOptions(Uri Server, string? Token, string TokenFile, bool SaveToken, TimeSpan Deadline)
{
    /// <summary>PEM certificate(s) of the authority that signed the service's TLS certificate, trusted besides the system's.</summary>
    public string? CaFile { get; init; }

    public const string DefaultServer = "http://127.0.0.1:5080";
    public const string TokenEnvironmentVariable = "TRAINING_TOKEN";
    public const string ServerEnvironmentVariable = "TRAINING_SERVER";
    public const string DefaultLanguage = "en";

    /// <summary>
    /// The language of the client's text asked by <c>--language</c> or the config file; null when neither says (then
    /// <c>--lang</c> or the system's language decides, see <see cref="Localization.UiLanguage"/>).
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Colour off by the config file's <c>theme = monochrome</c> (<c>NO_COLOR</c> in the environment does the same).</summary>
    public bool Monochrome { get; init; }

    /// <summary>The config file read (or that would have been read), for messages and <c>--help</c>.</summary>
    public string? ConfigFile { get; init; }

    public KeepAlive KeepAlive { get; init; } = KeepAlive.Default;

    /// <summary>The default token file when the environment names no home: the system's notion of the user's settings folder.</summary>
    public static string DefaultTokenFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            ClientConfig.FolderName, "token");

    /// <summary>
    /// Reads <c>--server</c>, <c>--token</c>, <c>--token-file</c>, <c>--save-token</c>, <c>--deadline-seconds</c>,
    /// <c>--config</c> and <c>--language</c>. Each setting comes from the command line, else the environment
    /// (<c>TRAINING_SERVER</c>, <c>TRAINING_TOKEN</c>), else the config file, else its default; the token last of all
    /// from the token file. Paths follow <paramref name="platform"/> (the running system unless a test names one).
    /// </summary>
    public static ConnectionOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment, ClientPlatform? platform = null)
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
        string? FromEnvironment(string name) => string.IsNullOrWhiteSpace(environment(name)) ? null : environment(name)!.Trim();

        var folder = ClientConfig.Folder(platform ?? ClientConfig.CurrentPlatform, environment);
        var configFile = Value("--config") ?? (folder is null ? null : Path.Combine(folder, ClientConfig.FileName));
        if (Value("--config") is { } named && !File.Exists(named)) throw new ArgumentException(Strings.Format("Option_ConfigMissing", named));
        var config = configFile is null ? ClientConfig.Empty : ClientConfig.Read(configFile);

        var serverText = Value("--server") ?? FromEnvironment(ServerEnvironmentVariable) ?? config.Server ?? DefaultServer;
        var serverFrom = Value("--server") is not null ? "--server" : FromEnvironment(ServerEnvironmentVariable) is not null ? ServerEnvironmentVariable
            : config.Server is not null ? Strings.Format("Option_ServerInConfig", configFile) : "--server";
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            throw new ArgumentException(Strings.Format("Option_ServerShape", serverFrom, serverText));
        var deadlineText = Value("--deadline-seconds");
        var deadline = TimeSpan.FromSeconds(10);
        if (deadlineText is not null)
        {
            if (!double.TryParse(deadlineText, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                throw new ArgumentException(Strings.Format("Option_DeadlineShape", deadlineText));
            deadline = TimeSpan.FromSeconds(seconds);
        }
        var language = Value("--language") is { } asked ? ClientConfig.CheckedLanguage(asked, "--language") : config.Language;
        var tokenFile = Value("--token-file") ?? config.TokenFile ?? (folder is null ? DefaultTokenFile : Path.Combine(folder, "token"));
        var token = Value("--token") ?? FromEnvironment(TokenEnvironmentVariable);
        if (Value("--demo-credentials") is { } demoFile)
        {
            var demo = DemoLogin.Read(demoFile, Value("--as") ?? DemoLogin.DefaultIdentity);
            token = demo.Secret;
            if (Value("--server") is null && demo.Service is { } service && Uri.TryCreate(service, UriKind.Absolute, out var demoServer)) server = demoServer;
        }
        if (string.IsNullOrWhiteSpace(token) && File.Exists(tokenFile)) token = File.ReadAllText(tokenFile).Trim();
        var caFile = Value("--ca-file");
        if (caFile is not null && !File.Exists(caFile)) throw new ArgumentException(Strings.Format("Option_CaFileMissing", caFile));
        if (caFile is not null && server.Scheme != "https") throw new ArgumentException(Strings.Get("Option_CaFileForHttps"));
        return new ConnectionOptions(server, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), tokenFile,
            args.Contains("--save-token"), deadline)
        {
            Language = language,
            Monochrome = config.Theme == "monochrome",
            ConfigFile = configFile,
            CaFile = caFile,
        };
    }

    private static readonly string[] ValueOptions = ["--server", "--token", "--token-file", "--deadline-seconds", "--demo-credentials", "--as", "--config", "--language", "--ca-file"];
    private static readonly string[] Flags = ["--save-token", "--help", "-h", "--version"];

    /// <summary>A mistyped option must not be silently ignored (a --tokn would fall back to another token).</summary>
    private static void RefuseUnknown(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (Flags.Contains(args[i])) continue;
            if (!ValueOptions.Contains(name)) throw new ArgumentException(Strings.Format("Option_Unknown", args[i]));
            if (name == args[i])
            {
                if (i + 1 >= args.Count) throw new ArgumentException(Strings.Format("Option_NeedsValue", name));
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
