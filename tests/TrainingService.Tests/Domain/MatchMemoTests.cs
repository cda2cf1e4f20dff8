using Training.Service.Domain.Recruitment;

namespace Training.Service.Tests.Domain;

public sealed class MatchMemoTests
{
    [Fact]
    public async Task CallersAskingTheSameMatchAtOnce_ShareOneRun()
    {
        var memo = new MatchMemo();
        var runs = 0;
        var gate = new ManualResetEventSlim();
        MatchResult Run()
        {
            Interlocked.Increment(ref runs);
            gate.Wait(TimeSpan.FromSeconds(30));
            return new MatchResult([], 7, 20);
        }

        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => memo.GetOrRun("requests/r|SN|20|41|1", Run))).ToList();
        while (runs == 0) await Task.Delay(5);
        gate.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, runs);
        Assert.All(results, r => Assert.Equal(7, r.EligibleCount));
    }

    [Fact]
    public void AFailedRun_IsNotRemembered()
    {
        var memo = new MatchMemo();
        Assert.Throws<InvalidOperationException>(() => memo.GetOrRun("k", () => throw new InvalidOperationException("once")));
        Assert.Equal(3, memo.GetOrRun("k", () => new MatchResult([], 3, 3)).EligibleCount);
    }

    [Fact]
    public void ManyDistinctMatches_AreNotAllKept_TheLatestAre()
    {
        // Remembered matches are kept few, so they die young instead of piling up in the oldest generation.
        var memo = new MatchMemo();
        var runs = 0;
        MatchResult Run()
        {
            runs++;
            return new MatchResult([], 1, 1);
        }
        for (var i = 0; i < 100; i++) memo.GetOrRun($"requests/r{i}|SN|20|41|1", Run);

        memo.GetOrRun("requests/r99|SN|20|41|1", Run);
        Assert.Equal(100, runs);
        memo.GetOrRun("requests/r0|SN|20|41|1", Run);
        Assert.Equal(101, runs);
    }
}
