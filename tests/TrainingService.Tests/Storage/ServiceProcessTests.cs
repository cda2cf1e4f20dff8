using System.Diagnostics;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The service as an operator runs it, in its own process: stopping with watches open, and the database file's
/// lock against a second service, whatever path the second one is given.
/// </summary>
public sealed class ServiceProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("training-process-").FullName;

    private string DatabasePath => Path.Combine(_folder, "training.db");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Sigterm_WithWatchersOpen_EndsEveryWatchWithUnavailable_AndTheProcessExitsPromptly()
    {
        await using var service = await ServiceProcess.StartAsync(DatabasePath, "--demo");
        var admin = new NominationService.NominationServiceClient(service.AsAdmin());
        var listed = await admin.ListNominationsAsync(new ListNominationsRequest
        {
            Parent = "memberStates/-",
            States = { Nomination.Types.State.Submitted },
        });
        var watches = Enumerable.Range(0, 100)
            .Select(_ => admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = listed.WatchSequence }))
            .ToList();
        // One change every watch must see: then each is known to be open and live.
        var submitted = listed.Nominations.First();
        await admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = submitted.Name });
        foreach (var watch in watches)
        {
            Assert.True(await watch.ResponseStream.MoveNext());
            Assert.Equal(submitted.Name, watch.ResponseStream.Current.Nomination.Name);
        }

        var stopping = Stopwatch.StartNew();
        service.Terminate();
        var endings = await Task.WhenAll(watches.Select(async watch =>
        {
            try
            {
                while (await watch.ResponseStream.MoveNext()) { }
                return (StatusCode?)StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));
        var exited = await service.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.All(endings, code => Assert.Equal(StatusCode.Unavailable, code));
        Assert.True(exited, "The service did not exit within 20 s of SIGTERM.");
        // Generous for a loaded test machine; bench/ measures the real figure (well under 2 s).
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"Stopping took {stopping.Elapsed}.");
        Assert.Equal(0, service.ExitCode);
        Assert.DoesNotContain("fail:", service.Output, StringComparison.Ordinal);
        foreach (var watch in watches) watch.Dispose();
    }

    [Fact]
    public async Task ASecondService_OnTheSameFile_IsRefused_ByAnyPathIncludingAHardLink()
    {
        await using var first = await ServiceProcess.StartAsync(DatabasePath);
        Assert.False(first.HasExited, first.Output);

        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var hardLink = Path.Combine(elsewhere, "linked.db");
        Link(DatabasePath, hardLink, symbolic: false);
        var symbolicLink = Path.Combine(elsewhere, "pointer.db");
        Link(DatabasePath, symbolicLink, symbolic: true);
        string[] spellings =
        [
            DatabasePath,
            Path.Combine(_folder, ".", "training.db"),
            Path.Combine(elsewhere, "..", "training.db"),
            hardLink,
            symbolicLink,
        ];

        foreach (var path in spellings)
        {
            await using var second = await ServiceProcess.StartAsync(path);
            Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"A second service on {path} kept running:\n{second.Output}");
            Assert.Equal(3, second.ExitCode);
            Assert.Contains("already in use", second.Output, StringComparison.Ordinal);
        }
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task AfterAKill_OrAStop_NothingIsLeftBehind_AndTheNextServiceStarts()
    {
        var killed = await ServiceProcess.StartAsync(DatabasePath);
        await killed.DisposeAsync();
        await using (var next = await ServiceProcess.StartAsync(DatabasePath))
        {
            Assert.False(next.HasExited, next.Output);
            next.Terminate();
            Assert.True(await next.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, next.ExitCode);
        }

        Assert.Equal(["training.db"], Directory.GetFiles(_folder).Select(f => Path.GetFileName(f)!).Order().ToArray());
        await using var last = await ServiceProcess.StartAsync(DatabasePath);
        Assert.False(last.HasExited, last.Output);
    }

    private static void Link(string target, string link, bool symbolic)
    {
        using var ln = Process.Start("ln", symbolic ? ["-s", target, link] : [target, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
