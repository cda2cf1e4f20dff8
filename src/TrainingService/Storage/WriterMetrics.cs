using System.Diagnostics.Metrics;

namespace Training.Service.Storage;

/// <summary>
/// The single writer's instruments (meter <c>Training.Service.Writer</c>): how long changes wait, how many commit
/// together, how long a commit and its sync to disk take, and how many wait right now.
/// </summary>
public sealed class WriterMetrics
{
    public const string MeterName = "Training.Service.Writer";

    private readonly Meter _meter;

    /// <summary>Instruments on a meter of <paramref name="meters"/> (the service's), or on a meter of their own (tests, tools).</summary>
    public WriterMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        BatchSize = _meter.CreateHistogram<int>("training.writer.batch.size", "{change}",
            "Changes committed together in one transaction.");
        BatchDuration = _meter.CreateHistogram<double>("training.writer.batch.duration", "ms",
            "Time the writer spent on one batch: running its changes, committing and making the commit durable.");
        Abandoned = _meter.CreateCounter<long>("training.writer.abandoned", "{change}",
            "Changes dropped unrun because their caller gave up while they waited.");
        QueueWait = _meter.CreateHistogram<double>("training.writer.queue.wait", "ms",
            "Time a change waited in the writer's queue before the writer took it.");
        CommitDuration = _meter.CreateHistogram<double>("training.writer.commit.duration", "ms",
            "Time to commit one batch and make it durable (the log's sync included).");
        SyncDuration = _meter.CreateHistogram<double>("training.writer.fsync.duration", "ms",
            "Time the sync of the write-ahead log to disk took after a commit.");
    }

    public Histogram<int> BatchSize { get; }
    public Histogram<double> BatchDuration { get; }
    public Counter<long> Abandoned { get; }
    public Histogram<double> QueueWait { get; }
    public Histogram<double> CommitDuration { get; }
    public Histogram<double> SyncDuration { get; }

    /// <summary>Reports the changes waiting in <paramref name="writer"/>'s queue as the gauge <c>training.writer.queue.depth</c>.</summary>
    internal void Observe(Writer writer) =>
        _meter.CreateObservableGauge("training.writer.queue.depth", () => writer.Queued, "{change}",
            "Changes queued for the single writer and not yet taken.");
}
