using System.Net;
using System.Net.Sockets;
using LiteDB;
using Training.Service.Hosting;
using Training.Service.Tests.Support;

namespace Training.Service.Tests.Hosting;

/// <summary>
/// Starts an operator gets wrong, run as the operator runs them (the service in its own process): each ends with its
/// documented exit code and one line on what to change — never a stack trace, never a service that starts anyway.
/// </summary>
public sealed class StartupCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("training-startup-").FullName;

    private string DatabasePath => Path.Combine(_folder, "training.db");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("Eligibility:MinimumAge must be a whole number (it is \"abc\").", "--Eligibility:MinimumAge=abc")]
    [InlineData("Eligibility:MinimumAge must be below Eligibility:MaximumAgeExclusive (62) (it is 70).", "--Eligibility:MinimumAge=70")]
    [InlineData("Feed:RetentionDays must be a number of days from 1 to 3650 (it is -5).", "--Feed:RetentionDays=-5")]
    [InlineData("Eligibility:ParityTarget must be a share (0.30 is 30 %) from 0 to 1 (it is 30).", "--Eligibility:ParityTarget=30")]
    [InlineData("Eligibility:MinimumAg is not a setting; Eligibility takes MinimumAge,", "--Eligibility:MinimumAg=30")]
    [InlineData("Parity:Targets:2027:Ipo must be a share between 0 and 1 (it is 29).", "--Parity:Targets:2027:Ipo=29")]
    [InlineData("RateLimits:Writes:Burst must be a whole number (it is \"lots\").", "--RateLimits:Writes:Burst=lots")]
    [InlineData("Backup:Every must be at least 00:01:00", "--Backup:Directory=backups", "--Backup:Every=00:00:10")]
    [InlineData("Security:BootstrapAdminToken must be at least 16 characters long (it is 5).", "--Security:BootstrapAdminToken=short")]
    public async Task ABadSetting_ExitsWithTwo_AndOneLineNamingTheKeyAndWhatIsAllowed(string line, params string[] settings)
    {
        await AssertRefusedAsync(ExitCodes.InvalidSetting, line, settings);
        Assert.False(File.Exists(DatabasePath), "A refused setting must stop the service before it touches the database.");
    }

    [Fact]
    public async Task ABusyPort_ExitsWithSeven_SayingTheAddressIsInUse()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await AssertRefusedAsync(ExitCodes.CannotListen, $"Cannot listen on http://127.0.0.1:{port}: address already in use", $"--Urls=http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task AMissingCertificate_ExitsWithEight_NamingTheKeyAndTheFile()
    {
        var missing = Path.Combine(_folder, "no-such.crt");
        await AssertRefusedAsync(ExitCodes.CertificateUnusable, $"Kestrel:Endpoints:Tls:Certificate:Path: the certificate file {missing} does not exist.",
            "--Kestrel:Endpoints:Tls:Url=https://127.0.0.1:0", $"--Kestrel:Endpoints:Tls:Certificate:Path={missing}");
    }

    [Fact]
    public async Task AnUnwritableDataFolder_ExitsWithFour_NamingThePath()
    {
        // A path through a regular file: no user, root included, can create the folder.
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var path = Path.Combine(blocker, "training.db");

        await AssertRefusedAsync(ExitCodes.DataFolderNotWritable, $"Cannot create or write the database {path}", $"--Storage:Path={path}");
    }

    [Fact]
    public async Task ADatabaseFromANewerRelease_ExitsWithFive_AndIsLeftAsItWas()
    {
        using (var newer = new LiteDatabase($"Filename={DatabasePath};Collation=en-US/Ordinal"))
        {
            newer.GetCollection("courses").Insert(new BsonDocument { ["_id"] = "from-the-future" });
            newer.UserVersion = Training.Service.Storage.SchemaVersion.Current + 1;
        }
        var before = await File.ReadAllBytesAsync(DatabasePath);

        await AssertRefusedAsync(ExitCodes.DatabaseTooNew, $"has schema version {Training.Service.Storage.SchemaVersion.Current + 1}, written by a newer release");

        using var after = new LiteDatabase($"Filename={DatabasePath};Collation=en-US/Ordinal");
        Assert.Equal(Training.Service.Storage.SchemaVersion.Current + 1, after.UserVersion);
        Assert.Equal(before.Length, (await File.ReadAllBytesAsync(DatabasePath)).Length);
    }

    private async Task AssertRefusedAsync(int exitCode, string line, params string[] settings)
    {
        await using var service = await ServiceProcess.StartAsync(DatabasePath, settings);
        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"The service kept running:\n{service.Output}");
        Assert.Equal(exitCode, service.ExitCode);
        var refusals = service.Output.Split('\n').Where(l => l.StartsWith(ServiceRun.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Single(refusals);
        Assert.Contains(line, refusals[0]);
        Assert.DoesNotContain("   at ", service.Output);
        Assert.DoesNotContain("Exception", service.Output);
    }
}
