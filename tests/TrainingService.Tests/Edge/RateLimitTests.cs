using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using Training.Service.Security;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Edge;

/// <summary>
/// Per-token rate limits: a token over its budget is refused with RESOURCE_EXHAUSTED, reason RATE_LIMITED and a
/// RetryInfo, while other tokens keep being served promptly; writes and expensive reads have separate budgets; cheap
/// reads have none.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    /// <summary>Generous for a shared 2-core machine; an admitted cheap call takes a few milliseconds.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

    private TestService _service = null!;
    private CallInvoker _flooder = null!;
    private CallInvoker _neighbour = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Writes:PermitsPerSecond"] = "1",
            ["RateLimits:Writes:Burst"] = "5",
            ["RateLimits:ExpensiveReads:PermitsPerSecond"] = "1",
            ["RateLimits:ExpensiveReads:Burst"] = "3",
        });
        // Issued with the bootstrap administrator token: its own budget, not the flooder's.
        _flooder = _service.As(await _service.FocalPointAsync("SN"));
        _neighbour = _service.As(await _service.FocalPointAsync("FR"));
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AFloodingToken_IsRefusedWithRetryInfo_WhileAnotherTokensWritesStayPrompt()
    {
        using var stop = new CancellationTokenSource();
        var refusals = new List<RpcException>();
        var flood = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await DeleteNoOneAsync(_flooder); }
                catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
                {
                    lock (refusals) refusals.Add(e);
                }
                catch (RpcException) { }
            }
        })));

        await Eventually(() => { lock (refusals) return refusals.Count >= 20; });
        var neighbourTimes = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await Assert.ThrowsAsync<RpcException>(() => DeleteNoOneAsync(_neighbour, "FR"));
            neighbourTimes.Add(clock.Elapsed);
            Assert.Equal(StatusCode.NotFound, answer.StatusCode);
        }
        await stop.CancelAsync();
        await flood;

        var refusal = refusals[0];
        Assert.Equal("RATE_LIMITED", refusal.Reason());
        var retry = refusal.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(retry, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
        Assert.Contains("retry in", refusal.Status.Detail);
        Assert.All(neighbourTimes, t => Assert.True(t < Promptly, $"a neighbour's write took {t}"));
    }

    [Fact]
    public async Task ARefusedToken_IsServedAgain_SoonAfterTheDelayItWasGiven()
    {
        var refusal = await SpendWritesAsync(_flooder);
        var delay = refusal.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        var clock = Stopwatch.StartNew();

        await Eventually(async () =>
        {
            try { await DeleteNoOneAsync(_flooder); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { return false; }
            catch (RpcException) { }
            return true;
        });

        Assert.True(clock.Elapsed < delay + Promptly, $"told to retry in {delay}, served after {clock.Elapsed}");
    }

    [Fact]
    public async Task WritesAndExpensiveReads_HaveSeparateBudgets_AndCheapReadsNone()
    {
        await SpendWritesAsync(_flooder);
        var roster = new RosterService.RosterServiceClient(_flooder);

        await roster.SearchOfficersAsync(new SearchOfficersRequest());
        for (var i = 0; i < 50; i++)
            await new AccessService.AccessServiceClient(_flooder).GetCallerAsync(new GetCallerRequest());
        var searches = 1;
        RpcException? refused = null;
        while (refused is null && searches++ < 100)
        {
            try { await roster.SearchOfficersAsync(new SearchOfficersRequest()); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { refused = e; }
        }
        Assert.NotNull(refused);
        Assert.Equal("RATE_LIMITED", refused.Reason());
    }

    [Fact]
    public async Task ATokenWithAnExpensiveReadRunning_IsRefusedAnotherUntilItEnds_WhileOthersAreServed()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:ConcurrentExpensiveReads"] = "1",
        });
        var importer = new RosterService.RosterServiceClient(service.As(await service.FocalPointAsync("SN")));
        var other = new RosterService.RosterServiceClient(service.As(await service.FocalPointAsync("FR")));

        // An import holds its permit until the file ends: here, until the stream is completed.
        using var import = importer.ImportOfficers();
        await import.RequestStream.WriteAsync(new ImportOfficersRequest
        {
            Settings = new ImportSettings { Parent = "memberStates/SN", Format = RosterFileFormat.Csv, Mode = ImportMode.BestEffort },
        });
        await Eventually(async () =>
        {
            try { await importer.SearchOfficersAsync(new SearchOfficersRequest()); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && e.Reason() == "RATE_LIMITED") { return true; }
            return false;
        });
        await other.SearchOfficersAsync(new SearchOfficersRequest());

        await import.RequestStream.CompleteAsync();
        while (await import.ResponseStream.MoveNext()) { }
        // The permit goes back as the call's last bytes leave the service, a moment after the client has read them.
        await Eventually(async () =>
        {
            try { await importer.SearchOfficersAsync(new SearchOfficersRequest()); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { return false; }
            return true;
        });
    }

    [Theory]
    [InlineData("RateLimits:ConcurrentExpensiveReads", "0")]
    [InlineData("RateLimits:Writes:Burst", "0")]
    [InlineData("RateLimits:ExpensiveReads:PermitsPerSecond", "-1")]
    public async Task ABudgetBelowOne_StopsTheServiceAtStart(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidSettingException>(() =>
            TestService.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(key, error.Message);
    }

    /// <summary>A write that is refused as soon as it is admitted: the officer does not exist.</summary>
    private static async Task DeleteNoOneAsync(CallInvoker invoker, string region = "SN") =>
        await new RosterService.RosterServiceClient(invoker).DeleteOfficerAsync(
            new DeleteOfficerRequest { Name = $"memberStates/{region}/officers/no-one" },
            deadline: DateTime.UtcNow.AddSeconds(30));

    /// <summary>Writes until refused; returns the refusal.</summary>
    private static async Task<RpcException> SpendWritesAsync(CallInvoker invoker)
    {
        for (var i = 0; i < 1_000; i++)
        {
            try { await DeleteNoOneAsync(invoker); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { return e; }
            catch (RpcException) { }
        }
        throw new InvalidOperationException("1,000 writes were never refused.");
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    /// <summary>Waits until <paramref name="condition"/> holds, checking often, failing after a generous minute.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the condition never held");
            await Task.Delay(20);
        }
    }
}
