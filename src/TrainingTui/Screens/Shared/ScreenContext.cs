using Terminal.Gui.App;
using Training.Tui.Client;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>What every screen gets: the app, the service, who is logged in, navigation, dialogs and the busy indicator.</summary>
public sealed class ScreenContext(IApplication app, ITrainingClient client, Caller caller, IDialogs dialogs, TimeProvider clock)
{
    public IApplication App { get; } = app;
    public ITrainingClient Client { get; } = client;
    public Caller Caller { get; } = caller;
    public IDialogs Dialogs { get; } = dialogs;
    public TimeProvider Clock { get; } = clock;
    public Theme Theme { get; init; } = Theme.Default;

    /// <summary>Set by the shell: opening and closing screens.</summary>
    public INavigator Navigator { get; set; } = null!;

    /// <summary>Set by the shell: the busy indicator, the error line and the connection banner.</summary>
    public IStatusReporter Status { get; set; } = null!;

    public bool IsAdministrator => Caller.Role == Role.Administrator;
    public bool IsFocalPoint => Caller.Role == Role.FocalPoint;

    /// <summary>The caller's own Member State parent ("memberStates/SN"), or "memberStates/-" for those who read all.</summary>
    public string NominationParent => IsFocalPoint ? $"memberStates/{Caller.RegionCode}" : "memberStates/-";

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Runs one call for a screen: shows the busy indicator, drops the reply if a newer call of the same
    /// <paramref name="slot"/> was started meanwhile (two quick keystrokes, two replies out of order), and turns
    /// failures into a message on the error line (and the reconnect banner when the server is away).
    /// Returns true when <paramref name="apply"/> ran.
    /// </summary>
    public async Task<bool> Load<T>(CallSlot slot, Func<CancellationToken, Task<T>> call, Action<T> apply, Action<ClientError>? onError = null)
    {
        var generation = slot.Next();
        var screen = Navigator?.Current;
        Status.BeginBusy();
        try
        {
            var result = await call(slot.Token);
            if (!slot.IsCurrent(generation)) return false;
            Status.ClearLoadError();
            apply(result);
            return true;
        }
        catch (Exception) when (slot.Token.IsCancellationRequested)
        {
            // Cancelled by the screen (closed, or a newer call): a gRPC call ends so with CANCELLED, not as an
            // OperationCanceledException, and it is no failure to report.
            return false;
        }
        catch (Exception e)
        {
            if (!slot.IsCurrent(generation)) return false;
            // A failed load leaves the screen that started it as ready as it will get: keys typed ahead are acted on,
            // not kept forever. (Not the screen now in front: a closed screen's call failing late must not wake it.)
            screen?.MarkReady();
            var error = ClientError.From(e);
            if (error.ServerUnreachable) Status.ServerUnreachable(error.Message);
            if (onError is not null) onError(error);
            else Status.ShowLoadError(error.Message);
            return false;
        }
        finally
        {
            Status.EndBusy();
        }
    }
}

/// <summary>The generation counter of one kind of call on one screen: only the newest reply is applied.</summary>
public sealed class CallSlot
{
    private long _generation;
    private CancellationTokenSource _cancellation = new();

    public CancellationToken Token => _cancellation.Token;

    public long Next()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
        _cancellation = new CancellationTokenSource();
        return Interlocked.Increment(ref _generation);
    }

    public bool IsCurrent(long generation) => Interlocked.Read(ref _generation) == generation;

    public void Cancel() => _cancellation.Cancel();
}

public interface INavigator
{
    void Push(Screen screen);

    /// <summary>Closes the front screen and shows the one beneath.</summary>
    void Back();

    Screen Current { get; }
}

public interface IStatusReporter
{
    void BeginBusy();
    void EndBusy();
    /// <summary>A refusal or problem the user should read; stays until another message or the next screen.</summary>
    void ShowError(string message);

    /// <summary>A failed read; cleared by the next successful one.</summary>
    void ShowLoadError(string message);

    void ClearLoadError();
    void ShowInfo(string message);
    void ServerUnreachable(string message);
}
