using Grpc.Core;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>
/// Follows <c>WatchNominations</c> for a screen from the sequence its list was read at: each change goes to
/// <paramref name="changed"/>, and <paramref name="live"/> says whether changes are flowing. A broken stream is
/// resumed from the last sequence seen every few seconds (a link that died silently is found by the client's
/// keepalive, which ends the stream); when that sequence is too old for the service
/// (OUT_OF_RANGE), <paramref name="tooOld"/> asks the screen to read its list again and start over.
/// </summary>
public sealed class NominationWatch(ScreenContext context, string parent, Action<Nomination> changed, Action<bool> live, Action tooOld)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    private CancellationTokenSource _watch = new();
    private long _lastSequence;

    /// <summary>Starts following from <paramref name="sequence"/> (a list's watch sequence), ending any earlier watch.</summary>
    public void Start(long sequence)
    {
        Stop();
        _lastSequence = sequence;
        _watch = new CancellationTokenSource();
        _ = FollowAsync(_watch.Token);
    }

    public void Stop() => _watch.Cancel();

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Live once the service has accepted the watch, not when it is asked for: over a dead link the
                // asking hangs until keepalive gives up, and the sign must not say "live" meanwhile.
                await foreach (var change in context.Client.WatchNominationsAsync(parent, _lastSequence, () => live(true), cancellationToken))
                {
                    _lastSequence = change.Sequence;
                    changed(change.Nomination);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.OutOfRange)
            {
                tooOld();
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                live(false);
            }
            if (cancellationToken.IsCancellationRequested) return;
            try
            {
                await Task.Delay(RetryAfter, context.Clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
