using Training.Service.Tests.Fuzzing;
using Training.Service.Tests.Support;
using Xunit.Abstractions;

namespace Training.Service.Tests.Edge;

/// <summary>Run alone, so the memory it measures and the times it bounds are its own.</summary>
[CollectionDefinition(nameof(FuzzTests), DisableParallelization = true)]
public sealed class FuzzCollection;

/// <summary>
/// Thousands of hostile requests (raw noise, every malformation, deep nesting, structured messages with edge values,
/// huge lists and texts, forged page tokens, invalid UTF-8) to every method of every service, as an administrator, a
/// focal point and anonymous: every answer is success or a documented caller error, in time, and the service's memory
/// comes back afterwards. A longer run is a benchmark: bench/TrainingBench fuzz (docs/benchmarks.md).
/// </summary>
[Collection(nameof(FuzzTests))]
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Generous for a shared 2-core machine: a refusal takes about a millisecond.</summary>
    private static readonly TimeSpan EachAnswerWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HostileRequests_ToEveryMethod_AreAnsweredWithCallerErrorsOnly_InTime_AndMemoryComesBack()
    {
        await using var callers = new EdgeCallers();
        await callers.InitializeAsync();
        // A first run of the same size warms up what any traffic fills once (code, caches, buffer pools, the first pages
        // of the database), so what is measured is what hostile traffic adds: it must add almost nothing.
        await FuzzRun.RunAsync(callers.All, Requests, seed: 1, EachAnswerWithin);
        var (liveBefore, residentBefore) = Memory();

        var report = await FuzzRun.RunAsync(callers.All, Requests, seed: 20_261, EachAnswerWithin);

        var (liveAfter, residentAfter) = Memory();
        output.WriteLine($"{report.Requests} requests in {report.Elapsed.TotalSeconds:0.0} s; " +
                         string.Join(", ", report.Codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine($"slowest {report.Slowest.TotalMilliseconds:0} ms ({report.SlowestCall})");
        output.WriteLine($"live managed memory {liveBefore / 1e6:0} MB, then {liveAfter / 1e6:0} MB; resident {residentBefore / 1e6:0} MB, then {residentAfter / 1e6:0} MB");
        Assert.True(report.Findings.Count == 0, $"{report.Findings.Count} findings:\n" + string.Join("\n", report.Findings.Take(50)));
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(60), $"the run took {report.Elapsed}");
        Assert.True(liveAfter - liveBefore < 100_000_000, $"live memory grew from {liveBefore / 1e6:0} MB to {liveAfter / 1e6:0} MB");
        Assert.True(residentAfter - residentBefore < 300_000_000, $"resident memory grew from {residentBefore / 1e6:0} MB to {residentAfter / 1e6:0} MB");
    }

    private const int Requests = 3_000;

    /// <summary>Live managed bytes after a full, compacting collection, and the process's resident memory then.</summary>
    private static (long Live, long Resident) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return (GC.GetGCMemoryInfo(GCKind.FullBlocking).PromotedBytes, Environment.WorkingSet);
    }
}
