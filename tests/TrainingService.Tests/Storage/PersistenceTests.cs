using System.Diagnostics;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Officers_SurviveAServiceRestartOnTheSameFile()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            var roster = new RosterService.RosterServiceClient(first.As(await first.FocalPointAsync("SN")));
            var created = await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() });
            await first.StopKeepingDataAsync();

            await using var second = await TestService.StartAsync(folder);
            var admin = new RosterService.RosterServiceClient(second.AsAdmin());
            var read = await admin.GetOfficerAsync(new GetOfficerRequest { Name = created.Name });
            Assert.Equal(created, read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SecondServiceOnTheSameFile_InTheSameProcess_IsRefused()
    {
        await using var first = await TestService.StartAsync();
        var error = await Assert.ThrowsAsync<DatabaseInUseException>(() => TestService.StartAsync(first.Folder));
        Assert.Contains(first.DatabasePath, error.Message);
    }

    [Fact]
    public async Task SecondServiceProcessOnTheSameFile_ExitsAtOnceNonZeroWithAClearMessage()
    {
        await using var first = await TestService.StartAsync();
        var serviceDll = typeof(TrainingHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [serviceDll, $"--Storage:Path={first.DatabasePath}", "--urls=http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited) process.Kill(entireProcessTree: true);

        Assert.True(exited, "The second service kept running on a database that is in use.");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("already in use", await stderr);
    }
}
