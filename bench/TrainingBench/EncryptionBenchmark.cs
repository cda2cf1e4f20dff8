using System.Diagnostics;
using LiteDB;
using Training.Service.Storage;

namespace Training.Bench;

/// <summary>
/// What encryption at rest (LiteDB's AES, Storage:PasswordFile) costs the storage: the same work on a plain and an
/// encrypted file, in process (no gRPC, so only the storage differs) — seeding a roster in bulk, single-change commits
/// one after another (each synced to disk, as a caller's write is), reading every officer back after a cold open, and
/// an online backup. Usage: dotnet run -c Release --project bench/TrainingBench -- encryption --officers 20000 --calls 1000
/// </summary>
public static class EncryptionBenchmark
{
    private const string Key = "bench-encryption-key-0123456789";

    public static Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"Encryption at rest: {options.Officers:N0} officers, {options.Calls:N0} single-change commits, each on a plain and an encrypted file.");
        // A small round first (JIT, disk caches), then plain and encrypted twice each, alternating: on a shared machine
        // the order of runs moved figures more than encryption did. Each figure is the better of its two runs.
        var warmUp = options with { Officers = Math.Max(1, options.Officers / 10), Calls = Math.Max(10, options.Calls / 10) };
        Measure(warmUp, password: null);
        Measure(warmUp, Key);
        var plainFirst = Measure(options, password: null);
        var encryptedFirst = Measure(options, Key);
        var plain = Best(plainFirst, Measure(options, password: null));
        var encrypted = Best(encryptedFirst, Measure(options, Key));
        Console.WriteLine("| | plain | encrypted | cost |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, unit, a, b) in plain.Zip(encrypted, (p, e) => (p.Name, p.Unit, p.Value, e.Value)))
            Console.WriteLine($"| {name} | {a:0.##} {unit} | {b:0.##} {unit} | {(a == 0 ? "-" : $"{(b / a - 1) * 100:+0;-0} %")} |");
        return Task.CompletedTask;
    }

    /// <summary>The lower of two runs' figures (every figure here is better lower; the file size is the same in both).</summary>
    private static List<(string Name, string Unit, double Value)> Best(List<(string Name, string Unit, double Value)> a,
        List<(string Name, string Unit, double Value)> b) =>
        a.Zip(b, (x, y) => (x.Name, x.Unit, Math.Min(x.Value, y.Value))).ToList();

    private static List<(string Name, string Unit, double Value)> Measure(BenchOptions options, string? password)
    {
        var folder = Path.Combine(options.DataDirectory, password is null ? "encryption-plain" : "encryption-aes");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, "training.db");
        var results = new List<(string, string, double)>();

        var watch = Stopwatch.StartNew();
        using (var database = TrainingDatabase.OpenFile(path, password: password))
        {
            _ = new ReferenceDataStore(database);
            BenchData.Seed(database, options.Officers, sessionCount: 50, DateTime.UtcNow);
            results.Add(("seed the roster (bulk)", "s", watch.Elapsed.TotalSeconds));

            var latencies = new double[options.Calls];
            for (var i = 0; i < latencies.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var n = i;
                database.Write(() => database.Lite.GetCollection("bench_writes").Insert(new BsonDocument { ["_id"] = n, ["at"] = DateTime.UtcNow }));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            Array.Sort(latencies);
            results.Add(("single-change commit, median", "ms", latencies[latencies.Length / 2]));
            results.Add(("single-change commit, 99th percentile", "ms", latencies[(int)(latencies.Length * 0.99)]));

            using var copy = new MemoryStream();
            watch.Restart();
            var bytes = database.BackupToAsync(copy).GetAwaiter().GetResult();
            results.Add(("online backup (writer held)", "ms", watch.Elapsed.TotalMilliseconds));
            results.Add(("file size", "MB", bytes / 1024.0 / 1024.0));
        }

        watch.Restart();
        using (var reopened = TrainingDatabase.OpenFile(path, password: password))
        {
            var count = reopened.ReadInChunks(reopened.Officers).Count();
            if (count != options.Officers) throw new InvalidOperationException($"Read {count} officers of {options.Officers}.");
        }
        results.Add(("cold open + read every officer", "s", watch.Elapsed.TotalSeconds));
        return results;
    }
}
