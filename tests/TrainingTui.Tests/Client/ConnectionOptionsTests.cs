using Training.Tui.Client;

namespace Training.Tui.Tests.Client;

public sealed class ConnectionOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("connection-options-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ConnectionOptions Parse(params string[] args) => ConnectionOptions.Parse(args, name => _environment.GetValueOrDefault(name));

    private string TokenFile(string content)
    {
        var path = Path.Combine(_folder, "token");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Defaults_AreTheLocalServerAndTenSecondDeadlines()
    {
        var options = Parse("--token-file", Path.Combine(_folder, "absent"));

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.Server);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Deadline);
        Assert.Null(options.Token);
        Assert.False(options.SaveToken);
    }

    [Fact]
    public void TheTokenComesFromTheArgument_ThenTheEnvironment_ThenTheFile()
    {
        var file = TokenFile("  from-the-file\n");
        _environment["TRAINING_TOKEN"] = "from-the-environment";

        Assert.Equal("from-the-argument", Parse("--token", "from-the-argument", "--token-file", file).Token);
        Assert.Equal("from-the-environment", Parse("--token-file", file).Token);
        _environment.Clear();
        Assert.Equal("from-the-file", Parse("--token-file", file).Token);
        Assert.Equal("from-the-file", Parse($"--token-file={file}").Token);
    }

    [Theory]
    [InlineData("--server", "ftp://example.org", "--server must be an http:// or https:// address")]
    [InlineData("--server", "not a url", "--server must be an http:// or https:// address")]
    [InlineData("--deadline-seconds", "0", "--deadline-seconds must be a positive number")]
    [InlineData("--deadline-seconds", "soon", "--deadline-seconds must be a positive number")]
    public void BadValues_AreRefusedWithTheReason(string option, string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(option, value));
        Assert.StartsWith(reason, error.Message);
    }

    [Fact]
    public void AMistypedOption_IsRefused_NotIgnored()
    {
        Assert.Equal("unknown argument \"--tokn\".", Assert.Throws<ArgumentException>(() => Parse("--tokn", "secret")).Message);
        Assert.Equal("unknown argument \"extra\".", Assert.Throws<ArgumentException>(() => Parse("--token", "t", "extra")).Message);
        Assert.Equal("--server needs a value.", Assert.Throws<ArgumentException>(() => Parse("--server")).Message);
    }

    [Fact]
    public void DemoCredentials_LogInAsTheChosenIdentity_OnTheServiceTheFileNames()
    {
        var file = Path.Combine(_folder, "demo-credentials.json");
        File.WriteAllText(file, """
            {"service":"http://127.0.0.1:5099","credentials":[
              {"role":"ADMINISTRATOR","secret":"admin-secret"},
              {"role":"FOCAL_POINT","regionCode":"SN","secret":"sn-secret"}]}
            """);

        var focalPoint = Parse("--demo-credentials", file);
        Assert.Equal("sn-secret", focalPoint.Token);
        Assert.Equal(new Uri("http://127.0.0.1:5099"), focalPoint.Server);
        Assert.Equal("admin-secret", Parse("--demo-credentials", file, "--as", "administrator", "--server", "http://127.0.0.1:1").Token);
        Assert.Equal(new Uri("http://127.0.0.1:1"), Parse("--demo-credentials", file, "--server", "http://127.0.0.1:1").Server);
        var unknown = Assert.Throws<ArgumentException>(() => Parse("--demo-credentials", file, "--as", "focal-point-XX"));
        Assert.Contains("choose one of administrator, focal-point-SN", unknown.Message);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => Parse("--demo-credentials", Path.Combine(_folder, "none.json"))).Message);
    }

    [Fact]
    public void SavedTokenFile_IsReadableByItsOwnerOnly()
    {
        var path = Path.Combine(_folder, "config", "training", "token");

        ConnectionOptions.SaveTokenFile(path, "the-secret");

        Assert.Equal("the-secret\n", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.True(Parse("--save-token", "--token", "t").SaveToken);
    }

    [Fact]
    public void AnHttpsServer_TakesTheCertificateOfAPrivateAuthority()
    {
        var authority = Path.Combine(_folder, "ca.crt");
        File.WriteAllText(authority, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");

        var options = Parse("--server", "https://training.example.org:5443", "--ca-file", authority, "--token", "t");

        Assert.Equal("https", options.Server.Scheme);
        Assert.Equal(authority, options.CaFile);
    }

    [Fact]
    public void ACaFile_ThatIsMissing_OrForAPlaintextServer_IsRefused()
    {
        var missing = Assert.Throws<ArgumentException>(() => Parse("--server", "https://x:5443", "--ca-file", Path.Combine(_folder, "none.crt")));
        Assert.Contains("does not exist", missing.Message);
        var authority = Path.Combine(_folder, "ca.crt");
        File.WriteAllText(authority, "");
        var plaintext = Assert.Throws<ArgumentException>(() => Parse("--server", "http://x:5080", "--ca-file", authority));
        Assert.Contains("https://", plaintext.Message);
    }
}
