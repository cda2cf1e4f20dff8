namespace Training.Tui.Client;

/// <summary>
/// One answer read once and shared for the rest of the session (reference data: skills, languages, missions). Callers
/// asking at once share the one call; a failed read is forgotten, so the next caller tries again. A caller that gives
/// up (its screen closed) stops waiting without cancelling the read the others share.
/// </summary>
public sealed class SessionCache<T>(Func<Task<T>> read)
{
    private readonly Lock _gate = new();
    private Task<T>? _answer;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> answer;
        lock (_gate) answer = _answer ??= read();
        try
        {
            return await answer.WaitAsync(cancellationToken);
        }
        catch (Exception) when (answer.IsFaulted || answer.IsCanceled)
        {
            lock (_gate)
            {
                if (_answer == answer) _answer = null;
            }
            throw;
        }
    }
}
