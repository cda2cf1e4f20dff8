using Training.Tui;
using Training.Tui.Client;

namespace Training.Tui.Tests.Client;

public sealed class ClientConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("client-config-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ConnectionOptions Parse(ClientPlatform platform, params string[] args) =>
        ConnectionOptions.Parse(args, name => _environment.GetValueOrDefault(name), platform);

    /// <summary>Writes client.conf where <paramref name="platform"/> looks for it, with HOME (or APPDATA) in the temporary folder.</summary>
    private string WriteConfig(ClientPlatform platform, string text)
    {
        _environment[platform == ClientPlatform.Windows ? "APPDATA" : "HOME"] = _folder;
        var folder = ClientConfig.Folder(platform, name => _environment.GetValueOrDefault(name))!;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ClientConfig.FileName);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void EachSystem_KeepsTheSettingsInItsUsualPlace()
    {
        string? Folder(ClientPlatform platform, params (string Name, string Value)[] environment) =>
            ClientConfig.Folder(platform, name => environment.FirstOrDefault(e => e.Name == name).Value);

        Assert.Equal(Path.Combine("/home/awa", ".config", "training"), Folder(ClientPlatform.Linux, ("HOME", "/home/awa")));
        Assert.Equal(Path.Combine("/xdg", "training"), Folder(ClientPlatform.Linux, ("HOME", "/home/awa"), ("XDG_CONFIG_HOME", "/xdg")));
        Assert.Equal(Path.Combine("/home/awa", ".config", "training"),
            Folder(ClientPlatform.Linux, ("HOME", "/home/awa"), ("XDG_CONFIG_HOME", "relative/is/ignored")));
        Assert.Equal(Path.Combine("/Users/awa", "Library", "Application Support", "training"), Folder(ClientPlatform.MacOS, ("HOME", "/Users/awa")));
        Assert.Equal(Path.Combine(@"C:\Users\awa\AppData\Roaming", "training"),
            Folder(ClientPlatform.Windows, ("APPDATA", @"C:\Users\awa\AppData\Roaming"), ("HOME", "/ignored")));
        Assert.Null(Folder(ClientPlatform.Linux));
    }

    [Theory]
    [InlineData(ClientPlatform.Linux)]
    [InlineData(ClientPlatform.MacOS)]
    [InlineData(ClientPlatform.Windows)]
    public void TheConfigFile_GivesServerTokenFileLanguageAndTheme(ClientPlatform platform)
    {
        var tokenFile = Path.Combine(_folder, "my-token");
        File.WriteAllText(tokenFile, "secret-from-the-file\n");
        var path = WriteConfig(platform, $"""
            # Dakar headquarters
            server = https://training.example.org:8443
            token_file = "{tokenFile}"
            language = fr
            theme = monochrome
            """);

        var options = Parse(platform);

        Assert.Equal(new Uri("https://training.example.org:8443"), options.Server);
        Assert.Equal(tokenFile, options.TokenFile);
        Assert.Equal("secret-from-the-file", options.Token);
        Assert.Equal("fr", options.Language);
        Assert.True(options.Monochrome);
        Assert.Equal(path, options.ConfigFile);
    }

    [Fact]
    public void WithoutAConfigFile_TheTokenFileIsBesideWhereItWouldBe()
    {
        _environment["HOME"] = _folder;

        var options = Parse(ClientPlatform.MacOS);

        Assert.Equal(Path.Combine(_folder, "Library", "Application Support", "training", "token"), options.TokenFile);
        Assert.Equal(new Uri(ConnectionOptions.DefaultServer), options.Server);
        Assert.Null(options.Language);
        Assert.False(options.Monochrome);
    }

    [Fact]
    public void TheServer_ComesFromTheArgument_ThenTrainingServer_ThenTheConfigFile()
    {
        WriteConfig(ClientPlatform.Linux, "server = http://from-the-file:1\n");
        _environment["TRAINING_SERVER"] = "http://from-the-environment:2";

        Assert.Equal(new Uri("http://from-the-argument:3"), Parse(ClientPlatform.Linux, "--server", "http://from-the-argument:3").Server);
        Assert.Equal(new Uri("http://from-the-environment:2"), Parse(ClientPlatform.Linux).Server);
        _environment.Remove("TRAINING_SERVER");
        Assert.Equal(new Uri("http://from-the-file:1"), Parse(ClientPlatform.Linux).Server);
    }

    [Fact]
    public void ABadTrainingServer_IsRefusedNamingTheVariable()
    {
        _environment["TRAINING_SERVER"] = "training.example.org";

        var error = Assert.Throws<ArgumentException>(() => Parse(ClientPlatform.Linux));

        Assert.Equal("TRAINING_SERVER must be an http:// or https:// address, not \"training.example.org\".", error.Message);
    }

    [Theory]
    [InlineData("serveur = http://x", "line 1: unknown key \"serveur\"")]
    [InlineData("server http://x", "line 1: expected \"key = value\"")]
    [InlineData("theme = pink", "line 1: theme must be colour or monochrome")]
    [InlineData("# fine\nlanguage = français", "line 2: language must be a tag like \"en\" or \"fr\"")]
    [InlineData("server = ftp://x", "must be an http:// or https:// address")]
    public void AWrongConfigLine_IsRefusedWithWhereAndWhy(string text, string reason)
    {
        var path = WriteConfig(ClientPlatform.Linux, text);

        var error = Assert.Throws<ArgumentException>(() => Parse(ClientPlatform.Linux));

        Assert.Contains(reason, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AConfigFileNamedOnTheCommandLine_IsUsed_AndMustExist()
    {
        var path = Path.Combine(_folder, "elsewhere.conf");
        File.WriteAllText(path, "language = fr-CA\n");

        Assert.Equal("fr-CA", Parse(ClientPlatform.Linux, "--config", path).Language);
        Assert.Equal("en", Parse(ClientPlatform.Linux, "--config", path, "--language", "en").Language);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => Parse(ClientPlatform.Linux, "--config", path + ".missing")).Message);
    }

    [Fact]
    public async Task Version_PrintsTheBuildAndTheSystem_AndExitsWithoutCallingAnyone()
    {
        var output = new StringWriter();
        var before = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await Launcher.RunAsync(["--version"]);
        }
        finally
        {
            Console.SetOut(before);
        }

        Assert.Equal(0, exit);
        Assert.Matches(@"^TrainingTui \d+\.\d+\.\d+\S* \([a-z]+-[a-z0-9]+\)$", output.ToString().Trim());
        Assert.Equal(output.ToString().Trim(), Launcher.Version);
    }
}
