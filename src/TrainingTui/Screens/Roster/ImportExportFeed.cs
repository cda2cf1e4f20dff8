using System.Collections.Concurrent;
using Terminal.Gui.App;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// Hands what a streaming call reports on another thread to the UI thread in batches: however fast the messages
/// come, at most one hand-over is queued at a time, and each takes everything that arrived meanwhile.
/// </summary>
public sealed class ImportExportFeed<T>(IApplication app, Action<IReadOnlyList<T>> apply)
{
    private readonly ConcurrentQueue<T> _queue = new();
    private int _queued;

    /// <summary>From any thread.</summary>
    public void Post(T item)
    {
        _queue.Enqueue(item);
        if (Interlocked.Exchange(ref _queued, 1) == 0) app.Invoke(Drain);
    }

    /// <summary>On the UI thread: applies everything posted so far (also called once the call has ended, so nothing is left behind).</summary>
    public void Drain()
    {
        Interlocked.Exchange(ref _queued, 0);
        var batch = new List<T>();
        while (_queue.TryDequeue(out var item)) batch.Add(item);
        if (batch.Count > 0) apply(batch);
    }
}
