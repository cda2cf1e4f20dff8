using System.Diagnostics;
using Training.Service.Storage;

namespace Training.Bench;

/// <summary>
/// What the officer directory holds in the managed heap for the seeded roster: a copy of the seed is opened, every
/// officer loaded as the service loads them at start, and the heap measured after full collections before and after.
/// In process, no gRPC: the figure is the data's shape, not the service's traffic.
/// </summary>
public static class DirectoryMemory
{
    public static void Run(BenchOptions options, string seedFile)
    {
        var file = Path.Combine(options.DataDirectory, "run-directory.db");
        File.Copy(seedFile, file, overwrite: true);
        var database = TrainingDatabase.OpenFile(file);
        var reference = new ReferenceDataStore(database);
        var before = LiveBytes();
        var watch = Stopwatch.StartNew();
        var directory = new OfficerDirectory(database, reference);
        var loaded = watch.Elapsed;
        var states = directory.MemberStates;
        foreach (var state in states) _ = directory.Roster(state);
        var after = LiveBytes();
        var officers = states.Sum(s => directory.OfficersOf(s).Count);
        Console.WriteLine($"Officer directory: {officers:N0} officers in {states.Count} States, loaded from their documents in {loaded.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  live managed heap held: {(after - before) / 1048576.0:N1} MiB, {(double)(after - before) / Math.Max(1, officers):N0} bytes an officer");
        GC.KeepAlive(directory);

        // A clean stop leaves the roster image; each restart reads it instead of the documents (under this process's
        // collector settings, not the service's: compare restarts with each other, the service's own are in `reads`).
        directory.LeaveRosterImage();
        database.Dispose();
        for (var restart = 1; restart <= 3; restart++)
        {
            LiveBytes(); // the previous load's garbage collected first, as in a fresh process
            using var reopened = TrainingDatabase.OpenFile(file);
            var reopenedReference = new ReferenceDataStore(reopened);
            watch.Restart();
            var fromImage = new OfficerDirectory(reopened, reopenedReference);
            Console.WriteLine($"  restart {restart}: {fromImage.MemberStates.Sum(s => fromImage.OfficersOf(s).Count):N0} officers from the roster image in {watch.Elapsed.TotalMilliseconds:N0} ms");
            fromImage.LeaveRosterImage();
        }
    }

    private static long LiveBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
