using System.Diagnostics.Metrics;
using Training.Service.Domain.Nominations;
using Unpol.Training.V1;

namespace Training.Service.Operations;

/// <summary>
/// The service's own instruments (meter <c>Training.Service</c>; the single writer's are <c>Training.Service.Writer</c>):
/// what operators watch besides the per-call figures ASP.NET Core's instrumentation gives.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "Training.Service";

    private readonly Counter<long> _transitions;
    private readonly Counter<long> _importRows;
    private readonly Counter<long> _authFailures;

    /// <param name="services">Where the nomination feed is found when watchers are counted (the feed itself reports transitions here).</param>
    public ServiceMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(MeterName);
        _transitions = meter.CreateCounter<long>("training.nominations.transitions", "{nomination}",
            "Nominations moved from one state to another (from and to; from is 'new' for a submission).");
        _importRows = meter.CreateCounter<long>("training.import.rows", "{row}",
            "Roster import rows by outcome: created, updated, unchanged, rejected.");
        _authFailures = meter.CreateCounter<long>("training.auth.failures", "{call}",
            "Calls refused before running: by reason (CREDENTIALS_MISSING, TOKEN_UNKNOWN, TOKEN_REVOKED, TOKEN_EXPIRED, PERMISSION_DENIED...).");
        meter.CreateObservableUpDownCounter("training.watchers.open", () => services.GetRequiredService<Storage.NominationFeed>().Subscribers,
            "{watch}", "WatchNominations streams open now.");
    }

    public void Transition(NominationState from, NominationState to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("from", from == NominationState.Unspecified ? "new" : from.ToString()),
            new KeyValuePair<string, object?>("to", to.ToString()));

    public void ImportFinished(ImportSummary summary)
    {
        Rows("created", summary.Created);
        Rows("updated", summary.Updated);
        Rows("unchanged", summary.Unchanged);
        Rows("rejected", summary.Rejected);
    }

    public void AuthFailure(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private void Rows(string outcome, long count)
    {
        if (count > 0) _importRows.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
    }
}
