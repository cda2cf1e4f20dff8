namespace Training.Service.Edge;

/// <summary>
/// One short line per refused request, at most <see cref="LinesPerMinute"/> lines a minute: a flood of garbage must
/// not flood the log (nor fill the disk). Lines held back are counted and reported with the next line written.
/// Caller errors never log a stack trace: the line names the method, the reason and the problem.
/// </summary>
public sealed partial class RefusalLog(ILogger<RefusalLog> logger)
{
    public const int LinesPerMinute = 10;
    private const int MaxProblemLength = 160;

    private readonly Lock _gate = new();
    private long _windowStart = Environment.TickCount64;
    private int _written;
    private long _heldBack;

    /// <summary>Notes a refusal; writes it unless this minute's lines are spent.</summary>
    public void Refused(string method, string reason, string problem)
    {
        long heldBefore;
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (now - _windowStart >= 60_000)
            {
                _windowStart = now;
                _written = 0;
            }
            if (_written >= LinesPerMinute)
            {
                _heldBack++;
                return;
            }
            _written++;
            heldBefore = _heldBack;
            _heldBack = 0;
        }
        if (problem.Length > MaxProblemLength) problem = problem[..(MaxProblemLength - 1)] + "…";
        if (heldBefore > 0) LogRefusedAfterHeldBack(logger, method, reason, problem, heldBefore);
        else LogRefused(logger, method, reason, problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: {Reason}, {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, string reason, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Refused {Method}: {Reason}, {Problem} ({HeldBack} earlier refusals were not logged)")]
    private static partial void LogRefusedAfterHeldBack(ILogger logger, string method, string reason, string problem, long heldBack);
}
