using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>The database holds personal and vetting data: on Unix no other local user can read any of its files.</summary>
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerOnly | UnixFileMode.UserExecute;

    private readonly string _parent = Directory.CreateTempSubdirectory("training-modes-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_parent, recursive: true); } catch (IOException) { }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ANewDataFolder_AndEveryFileInIt_AreTheServiceUsersOnly()
    {
        var folder = Path.Combine(_parent, "data");
        await using var service = await TestService.StartAsync(folder);
        // A write (the log), a page token (its key file), and a token issued.
        await service.IssueTokenAsync(Role.Auditor);
        await new AccessService.AccessServiceClient(service.AsAdmin()).ListAccessTokensAsync(new ListAccessTokensRequest { PageSize = 1 });

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(folder));
        var files = Directory.GetFiles(folder);
        Assert.Contains(Path.Combine(folder, "training.db"), files);
        Assert.Contains(Path.Combine(folder, "training-log.db"), files);
        Assert.Contains(Path.Combine(folder, "training.db" + PageTokenKey.FileSuffix), files);
        Assert.All(files, file => Assert.Equal(OwnerOnly, File.GetUnixFileMode(file)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FilesLeftReadableByAnEarlierVersion_AreClosedDownAtStart()
    {
        var folder = Path.Combine(_parent, "data");
        var first = await TestService.StartAsync(folder);
        await first.IssueTokenAsync(Role.Auditor);
        await first.StopKeepingDataAsync();
        var open = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(folder, OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in Directory.GetFiles(folder)) File.SetUnixFileMode(file, open);

        await using var second = await TestService.StartAsync(folder);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(folder));
        Assert.All(Directory.GetFiles(folder), file => Assert.Equal(OwnerOnly, File.GetUnixFileMode(file)));
    }
}
