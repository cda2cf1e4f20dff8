using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>How a run of submissions went.</summary>
/// <param name="Abandoned">A newer run started or the screen closed: the caller must not touch its rows.</param>
/// <param name="Unreachable">The service went away mid-run; the officers not yet sent are left for a retry.</param>
public sealed record SubmissionRun(int Submitted, int Refused, bool Unreachable, bool Abandoned, SubmitNominationResponse? Last)
{
    public int Total => Submitted + Refused;
}

/// <summary>
/// Submits officers one at a time, for the nominate screens of sessions and requests. Each officer keeps one request
/// id for as long as the screen lives, so a retry after a lost connection never nominates twice; each result is
/// reported as it comes, and the run stops if the service goes away.
/// </summary>
public sealed class Submissions(ScreenContext context)
{
    private readonly CallSlot _slot = new();
    private readonly Dictionary<string, string> _requestIds = [];

    public bool Running { get; private set; }

    public async Task<SubmissionRun> RunAsync(IReadOnlyList<string> officers,
        Func<string, string, CancellationToken, Task<SubmitNominationResponse>> submit, Action<string, SubmissionResult> onResult)
    {
        Running = true;
        var generation = _slot.Next();
        var cancellation = _slot.Token;
        int submitted = 0, refused = 0;
        SubmitNominationResponse? last = null;
        context.Status.BeginBusy();
        try
        {
            foreach (var officer in officers)
            {
                if (!_requestIds.TryGetValue(officer, out var requestId)) _requestIds[officer] = requestId = Guid.NewGuid().ToString();
                SubmissionResult result;
                try
                {
                    last = await submit(officer, requestId, cancellation);
                    result = new SubmissionResult(true);
                    submitted++;
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return new SubmissionRun(submitted, refused, false, true, last);
                }
                catch (Exception e)
                {
                    var error = ClientError.From(e);
                    if (error.ServerUnreachable)
                    {
                        context.Status.ServerUnreachable(error.Message);
                        return new SubmissionRun(submitted, refused, true, !_slot.IsCurrent(generation), last);
                    }
                    result = new SubmissionResult(false,
                        error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message);
                    refused++;
                }
                if (!_slot.IsCurrent(generation)) return new SubmissionRun(submitted, refused, false, true, last);
                onResult(officer, result);
            }
            return new SubmissionRun(submitted, refused, false, false, last);
        }
        finally
        {
            Running = false;
            context.Status.EndBusy();
        }
    }

    public void Cancel() => _slot.Cancel();
}
