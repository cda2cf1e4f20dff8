using System.Threading.Channels;

namespace Training.Service.Operations;

/// <summary>
/// Writes the per-call lines (<see cref="CallLog"/>) from one writer instead of from every calling thread. Fifty callers
/// logging at once queued on the console logger's lock and woke its thread for nearly every line: about as much CPU
/// as a cheap call (docs/benchmarks.md, "Reads at scale"). Calls hand their figures over here without a lock; one
/// loop formats and logs them, in order, through the same <c>ILogger</c> category, so levels, formats and providers
/// are the operator's as before. A line is written within moments of its call; when the loop falls far behind (a
/// console that cannot keep up) calls wait for room, as they waited on the console before, so nothing piles up in
/// memory. Lines still queued at a stop are written before the service exits.
/// </summary>
public sealed class CallLogWriter : IDisposable
{
    /// <summary>Lines waiting at most; past this a call waits for room (the console logger's own queue holds 2,500).</summary>
    private const int MaxWaiting = 10_000;

    private static readonly Action<ILogger, string?, string, string, string, double, Exception?> Information =
        LoggerMessage.Define<string?, string, string, string, double>(LogLevel.Information, new EventId(1, "Call"), Template);

    private static readonly Action<ILogger, string?, string, string, string, double, Exception?> Debug =
        LoggerMessage.Define<string?, string, string, string, double>(LogLevel.Debug, new EventId(1, "Call"), Template);

    private const string Template = "{Method} by {Token} ({MemberState}): {Status} in {DurationMs:0.0} ms";

    private readonly ILogger _log;
    // Unbounded with one reader: a queue without a lock; the bound is kept by the count beside it.
    private readonly Channel<CallLine> _waiting = Channel.CreateUnbounded<CallLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private int _count;

    public CallLogWriter(ILoggerFactory loggers)
    {
        _log = loggers.CreateLogger(CallLog.Category);
        _writing = Task.Run(WriteAsync);
    }

    public bool IsEnabled(LogLevel level) => _log.IsEnabled(level);

    /// <summary>
    /// Queues a call's line. When too many wait (the log cannot keep up) the call waits for room, as the console
    /// logger made it wait before: its lines stay in order. After the stop a late call writes its own line.
    /// </summary>
    public void Add(in CallLine line)
    {
        while (Interlocked.Increment(ref _count) > MaxWaiting)
        {
            Interlocked.Decrement(ref _count);
            Thread.Sleep(1);
        }
        if (_waiting.Writer.TryWrite(line)) return;
        Interlocked.Decrement(ref _count);
        Write(line);
    }

    private async Task WriteAsync()
    {
        var reader = _waiting.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
            while (reader.TryRead(out var line))
            {
                Interlocked.Decrement(ref _count);
                Write(line);
            }
    }

    private void Write(in CallLine line) =>
        (line.Level == LogLevel.Debug ? Debug : Information)(_log, line.Method, line.Token, line.MemberState, line.Status, line.DurationMs, null);

    /// <summary>At a stop: writes what still waits, then ends.</summary>
    public void Dispose()
    {
        _waiting.Writer.TryComplete();
        _writing.Wait(TimeSpan.FromSeconds(10));
    }
}

/// <summary>One call's figures, as <see cref="CallLog"/> took them when the call ended.</summary>
public readonly record struct CallLine(LogLevel Level, string? Method, string Token, string MemberState, string Status, double DurationMs);
