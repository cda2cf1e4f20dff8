using System.Collections.Concurrent;

namespace Training.Service.Domain.Recruitment;

/// <summary>
/// Remembers recent matches while nothing they depend on has changed: the same target, State and size, the same
/// committed data (the store's version moves with every commit) and the same minute. Callers asking for the same
/// match at once share one computation, so fifty administrators matching the same request wait for one run, not fifty.
/// </summary>
public sealed class MatchMemo
{
    /// <summary>
    /// Enough for the matches asked at the same moment (what sharing is for), few enough that they die young: with 256
    /// kept and dropped together, fifty-way matching promoted every remembered match to the oldest generation and the
    /// service peaked at 413-461 MiB; with 32, at 300 and as fast (docs/benchmarks.md, "Reads at scale").
    /// </summary>
    private const int Capacity = 32;
    private readonly ConcurrentDictionary<string, Lazy<MatchResult>> _matches = new(StringComparer.Ordinal);

    public MatchResult GetOrRun(string key, Func<MatchResult> run)
    {
        if (_matches.Count > Capacity) _matches.Clear();
        var match = _matches.GetOrAdd(key, _ => new Lazy<MatchResult>(run, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return match.Value;
        }
        catch
        {
            _matches.TryRemove(key, out _);
            throw;
        }
    }
}
