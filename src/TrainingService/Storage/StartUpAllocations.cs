using System.Runtime;

namespace Training.Service.Storage;

/// <summary>
/// Holds the garbage collector off while the roster image is read at start-up. Every officer read survives, so each
/// collection meanwhile only copies the officers read so far from one generation to the next: on 100,000 officers
/// that was 10-20 collections and 220-360 ms of pauses in a load of 0.8-1.1 s, against one collection after it
/// (docs/benchmarks.md, "Reads at scale"). If the load allocates more than announced, the runtime collects as usual.
/// </summary>
public sealed class StartUpAllocations : IDisposable
{
    private readonly bool _held;

    private StartUpAllocations(bool held) => _held = held;

    /// <summary>Asks for <paramref name="bytes"/> of allocation without a collection (plus room for the host starting beside it).</summary>
    public static StartUpAllocations Hold(long bytes)
    {
        // A small roster loads in a few collections: not worth the collection that starting the region costs.
        if (bytes < WorthHolding) return new StartUpAllocations(false);
        try
        {
            return new StartUpAllocations(GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(bytes + HostStartingBeside));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime can promise, or another load holds it already: load with collections as usual.
            return new StartUpAllocations(false);
        }
    }

    private const long WorthHolding = 32L * 1024 * 1024;

    /// <summary>What the host allocates on other threads while the image is read (mapping endpoints, opening the rest).</summary>
    private const long HostStartingBeside = 64L * 1024 * 1024;

    /// <summary>Lets the collector run again (unless it already had to, the load having allocated more than announced).</summary>
    public void Dispose()
    {
        if (!_held || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The collector ran after all (more was allocated than announced): nothing to end.
        }
    }
}
