using Training.Tui.Client;

namespace Training.Tui.Tests.Client;

public sealed class DeadlinesTests
{
    [Fact]
    public void AShortAnswer_GetsTheAllowance_AndAPageOfOfficersItsTransferAt64kbits()
    {
        var deadlines = new Deadlines(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), deadlines.For(0));
        // 500 officers of up to 500 bytes, uncompressed: 250 KB, about 31 s at 64 kbit/s: the fixed 10 s failed it.
        var page = deadlines.For(500 * AnswerSize.Officer);
        Assert.True(page > TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(500 * AnswerSize.Officer * 8.0 / 64_000),
            $"a page of 500 officers gets {page.TotalSeconds:0} s");
    }

    [Fact]
    public async Task SessionCache_ReadsOnce_SharesTheRead_AndForgetsAFailure()
    {
        var reads = 0;
        var fail = true;
        var cache = new SessionCache<int>(async () =>
        {
            Interlocked.Increment(ref reads);
            await Task.Yield();
            return fail ? throw new InvalidOperationException("link down") : 42;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(CancellationToken.None));
        fail = false;
        var answers = await Task.WhenAll(cache.GetAsync(CancellationToken.None), cache.GetAsync(CancellationToken.None));
        Assert.Equal(42, await cache.GetAsync(CancellationToken.None));

        Assert.Equal([42, 42], answers);
        Assert.Equal(2, reads);
    }
}
