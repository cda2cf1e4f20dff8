using Training.Service.Security;

namespace Training.Service.Edge;

/// <summary>
/// Configuration section <c>RateLimits</c>: each access token's budget of calls, so one caller cannot keep the single
/// writer or the search busy for everyone. The defaults leave a person at a keyboard and a well-behaved integration
/// (which bulk-loads through ImportOfficers, one call) far below them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>False turns every budget off (benchmarks measuring raw throughput).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls that change something: every method needing a write right.</summary>
    public CallBudget Writes { get; set; } = new() { PermitsPerSecond = 20, Burst = 100 };

    /// <summary>Reads that scan many records: SearchOfficers, MatchCandidates, the reports, export and import.</summary>
    public CallBudget ExpensiveReads { get; set; } = new() { PermitsPerSecond = 10, Burst = 40 };

    /// <summary>
    /// How many expensive reads one token may have running at once: a report over every Member State takes seconds, and
    /// a burst of them would otherwise hold every core. Room for an import, an export and a search or two together.
    /// </summary>
    public int ConcurrentExpensiveReads { get; set; } = 4;

    public RateLimitOptions Validated()
    {
        Writes.Validate($"{Section}:{nameof(Writes)}");
        ExpensiveReads.Validate($"{Section}:{nameof(ExpensiveReads)}");
        if (ConcurrentExpensiveReads < 1)
            throw new InvalidSettingException($"{Section}:{nameof(ConcurrentExpensiveReads)} must be at least 1 (it is {ConcurrentExpensiveReads}).");
        return this;
    }
}

/// <summary>A token bucket: <see cref="Burst"/> calls at once, refilled by <see cref="PermitsPerSecond"/> every second.</summary>
public sealed class CallBudget
{
    public int PermitsPerSecond { get; set; }
    public int Burst { get; set; }

    public void Validate(string section)
    {
        if (PermitsPerSecond < 1) throw new InvalidSettingException($"{section}:PermitsPerSecond must be at least 1 (it is {PermitsPerSecond}).");
        if (Burst < 1) throw new InvalidSettingException($"{section}:Burst must be at least 1 (it is {Burst}).");
    }
}
