using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Training.Bench;

/// <summary>
/// How the single writer spent a run, robust to a busy machine: its thread's CPU time (read from /proc, where .NET
/// names the thread "training-writer") and the process's, per change committed, with the batch sizes from the
/// service's own metrics. Start it once the service is up.
/// </summary>
public sealed class WriterGauge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly double _writerCpuAtStart = WriterCpuSeconds();
    private readonly double _processCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    private long _batches, _changes;

    public WriterGauge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Training.Service.Writer" && instrument.Name == "training.writer.batch.size")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _changes, value);
        });
        _listener.Start();
    }

    public string Describe(long calls)
    {
        var writer = WriterCpuSeconds() - _writerCpuAtStart;
        var process = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - _processCpuAtStart;
        var changes = Interlocked.Read(ref _changes);
        var batches = Interlocked.Read(ref _batches);
        return $"{batches:N0} commits of {(batches == 0 ? 0 : (double)changes / batches):0.0} changes; writer thread CPU {writer * 1e6 / Math.Max(1, changes):0} µs per change; " +
               $"whole process (service and its 50 clients) CPU {process * 1e6 / Math.Max(1, calls):0} µs per call";
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>User and system CPU seconds of the writer's thread so far (0 where /proc is not there).</summary>
    public static double WriterCpuSeconds()
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return 0;
        foreach (var task in Directory.GetDirectories(tasks))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != "training-writer") continue;
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the command: state(0) … utime(11) stime(12), in clock ticks (100 per second on Linux).
                return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
            }
            catch (IOException)
            {
            }
        }
        return 0;
    }
}
