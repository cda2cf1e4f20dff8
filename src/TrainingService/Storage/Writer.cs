using System.Collections.Concurrent;
using System.Diagnostics;
using LiteDB;

namespace Training.Service.Storage;

/// <summary>
/// The single writer: one dedicated thread that runs every change, so no two changes interleave (no
/// overbooking) and a multi-document change commits whole or not at all. Callers queue a change and await it,
/// holding no thread while they wait. The thread takes what has queued (up to <see cref="MaxBatch"/>), runs it in
/// one LiteDB transaction, commits once and makes the commit durable once for all of them (group commit).
/// <para>
/// A change that fails before writing anything — a refusal, the common case in a race for seats — simply
/// fails: there is nothing to undo, and the rest of the batch goes on. Only a change that fails after writing
/// rolls the batch back; it then gets its failure and the others run again without it, so changes must read
/// what they need inside the transaction and keep no state of their own (counters may skip a value, never
/// repeat one). A change queued by a caller who has given up (cancelled, or past its deadline) before its turn
/// is dropped unrun.
/// </para>
/// </summary>
internal sealed class Writer : IDisposable
{
    public const int MaxBatch = 64;

    // A blocking queue: the writer's thread waits on it directly. (An awaited channel would wake it through the
    // thread pool, and a starved pool then stalls every write.)
    private readonly BlockingCollection<Work> _queue = new(new ConcurrentQueue<Work>());
    private readonly Thread _thread;
    private readonly ILogger _log;
    private readonly WriterMetrics _metrics;
    private GuardedEngine? _engine;
    private LiteDatabase? _lite;
    private Action _afterCommit = () => { };
    private List<Action>? _actions;
    private bool _inChange;
    private int _queued;
    private long _commits;
    private long _abandoned;

    public Writer(ILogger log, WriterMetrics metrics)
    {
        _log = log;
        _metrics = metrics;
        _metrics.Observe(this);
        _thread = new Thread(Loop) { IsBackground = true, Name = "training-writer" };
    }

    /// <summary>True on the writer's thread while it runs a change: the only place the database may be changed.</summary>
    public bool InChange => _inChange && OnThread;

    /// <summary>True on the writer's thread.</summary>
    public bool OnThread => Thread.CurrentThread == _thread;

    /// <summary>
    /// Counts the writer's transactions (a batch run again after a rollback is a new one): what a change stages in
    /// memory belongs to the transaction it was staged in. Read on the writer's thread.
    /// </summary>
    public long Transaction { get; private set; }

    /// <summary>Commits so far; moves once a commit's after-commit work (what readers see in memory) is done.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Changes queued and not yet taken by the writer.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>True after a commit failed (a full disk, a read-only file) until one succeeds: the health check reads it.</summary>
    public bool LastCommitFailed { get; private set; }

    /// <summary>Changes never run because their caller gave up (cancelled, or its deadline passed) while they waited.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Starts the thread. <paramref name="afterCommit"/> makes each commit durable before anyone is told.</summary>
    public void Start(LiteDatabase lite, GuardedEngine engine, Action afterCommit)
    {
        _lite = lite;
        _engine = engine;
        _afterCommit = afterCommit;
        _thread.Start();
    }

    /// <summary>Queues a change; completes once it has committed durably, or with its failure.</summary>
    public Task<T> RunAsync<T>(Func<T> change, CancellationToken cancellation = default)
    {
        if (InChange) return Task.FromResult(change());
        return Queue(new Work<T>(change, exclusive: false, cancellation, Abandon));
    }

    /// <summary>
    /// Queues work that must run on the writer's thread between transactions, alone: what LiteDB allows only when no
    /// transaction is open (a checkpoint, a pragma), or what must see no change half-made (a consistent copy of the
    /// file). Every change queued before it has committed when it runs; none queued after it starts before it ends.
    /// It must not change documents (it is in no transaction).
    /// </summary>
    public Task<T> RunExclusiveAsync<T>(Func<T> work, CancellationToken cancellation = default)
    {
        if (OnThread) throw new InvalidOperationException("Exclusive work cannot be queued from the writer's own thread.");
        return Queue(new Work<T>(work, exclusive: true, cancellation, Abandon));
    }

    private void Abandon()
    {
        Interlocked.Increment(ref _abandoned);
        _metrics.Abandoned.Add(1);
    }

    private Task<T> Queue<T>(Work<T> work)
    {
        Interlocked.Increment(ref _queued);
        try
        {
            _queue.Add(work);
        }
        catch (InvalidOperationException)
        {
            Interlocked.Decrement(ref _queued);
            work.Fail(new ServiceStoppingException());
        }
        return work.Task;
    }

    /// <summary>
    /// Runs a change and waits for it. Inside a change (a workflow recording its audit event) it joins the running
    /// transaction; elsewhere it blocks the calling thread, which only start-up and maintenance code may afford.
    /// </summary>
    public T Run<T>(Func<T> change) => InChange ? change() : RunAsync(change).GetAwaiter().GetResult();

    /// <summary>Queues an action for after the current change commits (never if it is undone); outside a change it runs at once.</summary>
    public void AfterCommit(Action action)
    {
        if (InChange) (_actions ??= []).Add(action);
        else action();
    }

    /// <summary>Refuses new changes, lets the queued ones finish, and stops the thread.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        if (_thread.IsAlive && Thread.CurrentThread != _thread) _thread.Join();
    }

    private void Loop()
    {
        var batch = new List<Work>(MaxBatch);
        // Exclusive work met while filling a batch waits here until that batch has committed.
        Work? carried = null;
        while (carried is not null || _queue.TryTake(out carried, Timeout.Infinite))
        {
            var first = carried!;
            carried = null;
            Interlocked.Decrement(ref _queued);
            if (first.Exclusive)
            {
                if (Start(first)) RunExclusive(first);
                continue;
            }
            if (Start(first)) batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var work))
            {
                if (work.Exclusive)
                {
                    carried = work;
                    break;
                }
                Interlocked.Decrement(ref _queued);
                if (Start(work)) batch.Add(work);
            }
            if (batch.Count == 0) continue;
            var started = Stopwatch.GetTimestamp();
            try
            {
                RunBatch(batch);
                _metrics.BatchSize.Record(batch.Count);
                _metrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                // The loop never dies: whatever escaped is every remaining caller's failure.
                _log.LogError(e, "The writer failed a batch of {Count} changes", batch.Count);
                foreach (var work in batch) work.Fail(e);
            }
            batch.Clear();
        }
    }

    /// <summary>Claims work for the writer and records how long it waited in the queue.</summary>
    private bool Start(Work work)
    {
        if (!work.TryStart()) return false;
        _metrics.QueueWait.Record(Stopwatch.GetElapsedTime(work.Queued).TotalMilliseconds);
        return true;
    }

    private void RunExclusive(Work work)
    {
        object? result;
        try
        {
            result = work.Run();
        }
        catch (Exception e)
        {
            work.Fail(e);
            return;
        }
        work.Succeed(result);
    }

    private void RunBatch(List<Work> batch)
    {
        var lite = _lite!;
        var engine = _engine!;
        var pending = batch.ToList();
        while (pending.Count > 0)
        {
            var done = new List<(Work Work, object? Result, List<Action>? Actions)>(pending.Count);
            var undoneAt = -1;
            Transaction++;
            lite.BeginTrans();
            for (var i = 0; i < pending.Count; i++)
            {
                var work = pending[i];
                var before = engine.ChangesAttempted;
                _actions = null;
                _inChange = true;
                try
                {
                    var result = work.Run();
                    done.Add((work, result, _actions));
                }
                catch (Exception e) when (engine.ChangesAttempted == before)
                {
                    work.Fail(e);
                }
                catch (Exception e)
                {
                    _inChange = false;
                    lite.Rollback();
                    work.Fail(e);
                    undoneAt = i;
                    break;
                }
                finally
                {
                    _inChange = false;
                    _actions = null;
                }
            }
            if (undoneAt < 0)
            {
                Commit(lite, done);
                return;
            }
            // Everything before the failed change was undone with it: run those again, then the rest.
            pending = [.. done.Select(d => d.Work), .. pending.Skip(undoneAt + 1)];
        }
    }

    private void Commit(LiteDatabase lite, List<(Work Work, object? Result, List<Action>? Actions)> done)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            lite.Commit();
            _afterCommit();
            _metrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            LastCommitFailed = false;
        }
        catch (Exception e)
        {
            LastCommitFailed = true;
            _log.LogError(e, "A commit of {Count} changes failed", done.Count);
            foreach (var (work, _, _) in done) work.Fail(e);
            return;
        }
        foreach (var (_, _, actions) in done)
        {
            if (actions is null) continue;
            foreach (var action in actions)
            {
                try { action(); }
                catch (Exception e) { _log.LogError(e, "An after-commit action failed"); }
            }
        }
        Interlocked.Increment(ref _commits);
        foreach (var (work, result, _) in done) work.Succeed(result);
    }

    private abstract class Work
    {
        private const int Waiting = 0, Started = 1, Abandoned = 2;
        private int _state;

        protected Work(bool exclusive) => Exclusive = exclusive;

        /// <summary>Runs alone between transactions (see <see cref="Writer.RunExclusiveAsync{T}"/>).</summary>
        public bool Exclusive { get; }

        /// <summary>When it was queued (a <see cref="Stopwatch"/> timestamp).</summary>
        public long Queued { get; } = Stopwatch.GetTimestamp();

        /// <summary>Claims the change for the writer; false when its caller gave up first (it has had its answer).</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

        /// <summary>Claims the change for its caller who gave up; false once the writer has started it.</summary>
        protected bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

        public abstract object? Run();
        public abstract void Succeed(object? result);
        public abstract void Fail(Exception error);
    }

    private sealed class Work<T> : Work
    {
        // Continuations run on the pool, never on the writer's thread.
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<T> _change;
        private readonly CancellationTokenRegistration _giveUp;

        public Work(Func<T> change, bool exclusive, CancellationToken cancellation, Action abandoned) : base(exclusive)
        {
            _change = change;
            // A caller who cancels (or whose deadline passes) while the change still waits is answered at once,
            // and the writer will skip the change.
            _giveUp = cancellation.Register(() =>
            {
                if (!TryAbandon()) return;
                abandoned();
                _outcome.TrySetCanceled(cancellation);
            });
        }

        public Task<T> Task => _outcome.Task;
        public override object? Run() => _change();

        public override void Succeed(object? result)
        {
            _giveUp.Dispose();
            _outcome.TrySetResult((T)result!);
        }

        public override void Fail(Exception error)
        {
            _giveUp.Dispose();
            _outcome.TrySetException(error);
        }
    }
}

/// <summary>The service is stopping and takes no more changes.</summary>
public sealed class ServiceStoppingException() : Exception("The service is stopping; send the request again once it is back.");
