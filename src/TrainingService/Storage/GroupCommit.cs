using System.Collections.Concurrent;
using LiteDB;

namespace Training.Service.Storage;

/// <summary>
/// The single writer, with group commit. A change runs inside one LiteDB transaction under one gate, so a
/// multi-document change commits whole or not at all and no two changes interleave (no overbooking). Changes
/// that arrive while a transaction is running wait in a queue; the thread that holds the gate runs up to
/// <see cref="MaxBatch"/> of them in one transaction and commits (and flushes the log to disk) once for all.
/// If a change in a batch fails, the batch is rolled back and run again without it, so one caller's failure
/// never undoes another's change. Changes must therefore be safe to run again: they read what they need inside
/// the transaction and keep no state of their own (counters may skip a value, never repeat one).
/// LiteDB binds a transaction to its thread: every change of a batch runs on the leader's thread.
/// </summary>
internal sealed class GroupCommit(LiteDatabase lite, Action afterCommit)
{
    public const int MaxBatch = 64;

    private readonly object _gate = new();
    private readonly ConcurrentQueue<Work> _queue = new();
    [ThreadStatic] private static int t_depth;
    [ThreadStatic] private static List<Action>? t_afterCommit;

    public bool InTransaction => t_depth > 0;

    public T Run<T>(Func<T> change)
    {
        if (t_depth > 0)
        {
            // A change calling another (a workflow recording its audit event): join the running transaction.
            t_depth++;
            try { return change(); }
            finally { t_depth--; }
        }

        var work = new Work(() => change());
        _queue.Enqueue(work);
        while (!work.IsDone)
        {
            if (Monitor.TryEnter(_gate))
            {
                try
                {
                    while (!work.IsDone) Lead();
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
                // Someone may have queued between the last batch and the release: hand over the gate.
                if (_queue.TryPeek(out var next)) next.Wake();
            }
            else
            {
                work.WaitForTurn();
            }
        }
        return work.Outcome<T>();
    }

    /// <summary>Queues an action for after the current transaction commits; runs it at once outside one.</summary>
    public void AfterCommit(Action action)
    {
        if (t_depth == 0) action();
        else (t_afterCommit ??= []).Add(action);
    }

    private void Lead()
    {
        var batch = new List<Work>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var work)) batch.Add(work);
        while (batch.Count > 0 && !TryBatch(batch)) { }
    }

    /// <summary>
    /// Runs the batch in one transaction and commits it. When a change fails, everything is rolled back, that
    /// change gets its failure (it would fail again: the changes before it will run again exactly as they did),
    /// and the batch is tried again without it; returns false then.
    /// </summary>
    private bool TryBatch(List<Work> batch)
    {
        var results = new object?[batch.Count];
        lite.BeginTrans();
        t_depth = 1;
        t_afterCommit = null;
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                results[i] = batch[i].Change();
            }
            catch (Exception e)
            {
                lite.Rollback();
                t_depth = 0;
                t_afterCommit = null;
                batch[i].Fail(e);
                batch.RemoveAt(i);
                return false;
            }
        }
        Commit(batch, results);
        return true;
    }

    private void Commit(List<Work> batch, object?[] results)
    {
        List<Action>? actions;
        try
        {
            lite.Commit();
            afterCommit();
        }
        catch (Exception e)
        {
            t_depth = 0;
            t_afterCommit = null;
            foreach (var work in batch) work.Fail(e);
            return;
        }
        finally
        {
            t_depth = 0;
            actions = t_afterCommit;
            t_afterCommit = null;
        }
        actions?.ForEach(action => action());
        for (var i = 0; i < batch.Count; i++) batch[i].Succeed(results[i]);
    }

    private sealed class Work(Func<object?> change)
    {
        // No spinning: dozens of callers may wait at once on two cores.
        private readonly ManualResetEventSlim _turn = new(false, spinCount: 1);
        private object? _result;
        private Exception? _error;
        private volatile bool _done;

        public Func<object?> Change { get; } = change;
        public bool IsDone => _done;

        public void Succeed(object? result)
        {
            _result = result;
            _done = true;
            _turn.Set();
        }

        public void Fail(Exception error)
        {
            _error = error;
            _done = true;
            _turn.Set();
        }

        public void Wake() => _turn.Set();

        /// <summary>Waits until done or woken to lead; a short timeout covers a release that raced the enqueue.</summary>
        public void WaitForTurn()
        {
            _turn.Wait(TimeSpan.FromMilliseconds(20));
            _turn.Reset();
        }

        public T Outcome<T>()
        {
            _turn.Dispose();
            if (_error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
            return (T)_result!;
        }
    }
}
