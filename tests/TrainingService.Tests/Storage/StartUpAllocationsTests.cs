using System.Runtime;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>Alone: a collection forced by another test meanwhile would end the region under test.</summary>
[CollectionDefinition(nameof(StartUpAllocationsTests), DisableParallelization = true)]
[Collection(nameof(StartUpAllocationsTests))]
public sealed class StartUpAllocationsTests
{
    [Fact]
    public void ALargeLoad_RunsWithoutCollections_UntilItEnds_ASmallOneAsUsual()
    {
        using (StartUpAllocations.Hold(1024 * 1024)) Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        var collections = GC.CollectionCount(0);
        using (StartUpAllocations.Hold(64L * 1024 * 1024))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            var kept = new List<byte[]>();
            for (var i = 0; i < 1000; i++) kept.Add(new byte[16 * 1024]);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.Equal(1000, kept.Count);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        // Starting the region may collect once; nothing collected while it held.
        Assert.True(GC.CollectionCount(0) - collections <= 1);
    }

    [Fact]
    public void EndingALoadTheCollectorAlreadyEnded_IsHarmless()
    {
        var hold = StartUpAllocations.Hold(64L * 1024 * 1024);
        GC.Collect();
        hold.Dispose();
        hold.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
