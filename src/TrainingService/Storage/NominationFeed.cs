using System.Threading.Channels;
using LiteDB;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;

namespace Training.Service.Storage;

/// <summary>One stored change to a nomination, with the nomination as it was after the change.</summary>
public sealed class NominationEventRecord
{
    public long Sequence { get; set; }
    public DateTime EventTime { get; set; }
    public string RegionCode { get; set; } = "";
    public string TargetIndexKey { get; set; } = "";
    public NominationState PreviousState { get; set; }
    public Nomination Nomination { get; set; } = new();
}

/// <summary>Bookkeeping of the feed: how far retention has deleted.</summary>
public sealed class FeedMark
{
    public string Id { get; set; } = "retention";
    public long PurgedThroughSequence { get; set; }
}

/// <summary>
/// Appends nomination events in the change's transaction (sequence assigned under the single writer, so
/// sequences are strictly increasing in commit order) and hands them to live watchers after commit.
/// </summary>
public sealed class NominationFeed(TrainingDatabase database, TimeProvider clock, Operations.ServiceMetrics? metrics = null) : INominationFeed
{
    private readonly List<Subscription> _subscriptions = [];
    private long _assigned = -1;
    private long _committed = -1;

    /// <summary>
    /// The latest sequence whose change has committed: a listing that reads it first and then the nominations
    /// sees at least every change up to it, so a watch from it misses nothing.
    /// </summary>
    public long LatestSequence
    {
        get
        {
            var committed = Interlocked.Read(ref _committed);
            if (committed >= 0) return committed;
            Interlocked.CompareExchange(ref _committed, Stored(), -1);
            return Interlocked.Read(ref _committed);
        }
    }

    /// <summary>Watches open now.</summary>
    public int Subscribers
    {
        get { lock (_subscriptions) return _subscriptions.Count; }
    }

    public long PurgedThrough => database.FeedMarks.FindById("retention")?.PurgedThroughSequence ?? 0;

    public void Append(Nomination nomination, NominationState previousState) => database.Write(() =>
    {
        if (_assigned < 0) _assigned = Stored();
        var record = new NominationEventRecord
        {
            Sequence = ++_assigned,
            EventTime = clock.UtcNow(),
            RegionCode = nomination.RegionCode,
            TargetIndexKey = nomination.TargetIndexKey,
            PreviousState = previousState,
            Nomination = nomination,
        };
        database.NominationEvents.Insert(record);
        database.AfterCommit(() =>
        {
            Publish(record);
            metrics?.Transition(previousState, nomination.State);
        });
        return record;
    });

    /// <summary>
    /// Up to <paramref name="count"/> stored events after <paramref name="afterSequence"/>, in order, read whole:
    /// a watcher sends them with awaits in between, and a LiteDB cursor must not outlive its thread.
    /// </summary>
    public IReadOnlyList<NominationEventRecord> After(long afterSequence, int count) =>
        database.NominationEvents.Query().Where(Filters.Gt("_id", afterSequence)).OrderBy("_id").Limit(count).ToList();

    /// <summary>
    /// Starts receiving live events. A watcher that falls too far behind is completed with
    /// <see cref="WatcherFellBehindException"/> and must resume from its last sequence.
    /// </summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        lock (_subscriptions) _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>Deletes events older than the retention and remembers the last deleted sequence.</summary>
    public Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellation)
    {
        var cutoff = clock.UtcNow() - retention;
        return database.WriteAsync(() =>
        {
            var old = database.NominationEvents.Query().Where(e => e.EventTime < cutoff).Select(e => e.Sequence).ToList();
            if (old.Count == 0) return 0;
            var through = old.Max();
            var deleted = database.NominationEvents.DeleteMany(Filters.Lte("_id", through));
            database.FeedMarks.Upsert(new FeedMark { PurgedThroughSequence = Math.Max(through, PurgedThrough) });
            return deleted;
        }, cancellation);
    }

    private long Stored() =>
        database.NominationEvents.Query().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefault() is var last && last > 0
            ? last
            : PurgedThrough;

    private void Publish(NominationEventRecord record)
    {
        Interlocked.Exchange(ref _committed, record.Sequence);
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Offer(record);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_subscriptions) _subscriptions.Remove(subscription);
    }

    public sealed class Subscription(NominationFeed feed) : IDisposable
    {
        private const int Backlog = 10_000;

        private readonly Channel<NominationEventRecord> _channel =
            Channel.CreateBounded<NominationEventRecord>(new BoundedChannelOptions(Backlog) { SingleReader = true });

        public ChannelReader<NominationEventRecord> Events => _channel.Reader;

        internal void Offer(NominationEventRecord record)
        {
            if (!_channel.Writer.TryWrite(record)) _channel.Writer.TryComplete(new WatcherFellBehindException());
        }

        public void Dispose()
        {
            feed.Unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}

public sealed class WatcherFellBehindException() : Exception("The watcher fell too far behind the live feed.");
