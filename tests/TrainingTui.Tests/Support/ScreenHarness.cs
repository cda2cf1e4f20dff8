using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Training.Tui.Screens;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Support;

/// <summary>
/// The real shell and screens on a headless ANSI driver with virtual time, over a fake client that answers
/// at once. Keys go in through the same routing as in a terminal; the screen comes out as text.
/// </summary>
public sealed class ScreenHarness : IDisposable
{
    private readonly SessionToken _token;
    private readonly Speaking _language;

    /// <param name="french">The client in French; English otherwise, whatever the machine's language.</param>
    public ScreenHarness(FakeTrainingClient client, Caller? caller = null, int columns = 120, int rows = 30, Theme? theme = null, bool french = false)
    {
        _language = french ? Speaking.French() : Speaking.English();
        Client = client;
        Time = new VirtualTimeProvider();
        App = Application.Create(Time);
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(columns, rows);
        Dialogs = new ScriptedDialogs();
        Context = new ScreenContext(App, client, caller ?? Callers.FocalPoint("SN"), Dialogs, client.Clock) { Theme = theme ?? Theme.Default };
        Shell = new Shell(Context, ScreenCatalog.Roots(Context));
        _token = App.Begin(Shell) ?? throw new InvalidOperationException("The shell did not start.");
        Pump();
    }

    public IApplication App { get; }
    public VirtualTimeProvider Time { get; }
    public FakeTrainingClient Client { get; }
    public ScriptedDialogs Dialogs { get; }
    public ScreenContext Context { get; }
    public Shell Shell { get; }
    public Screen Current => Shell.Current;

    /// <summary>Runs what is queued for the UI thread (continuations, timers), then lays out and draws.</summary>
    public void Pump()
    {
        for (var i = 0; i < 5; i++) App.TimedEvents!.RunTimers();
        App.LayoutAndDraw();
    }

    /// <summary>
    /// Pumps (bounded, with short sleeps) until <paramref name="condition"/> holds: for work that finishes off the UI
    /// thread (a watch stream, a file read) and lands on the UI loop later. Fails if it never does.
    /// </summary>
    public void PumpUntil(Func<bool> condition, int milliseconds = 2000)
    {
        for (var waited = 0; waited < milliseconds && !condition(); waited += 5)
        {
            Thread.Sleep(5);
            Pump();
        }
        Xunit.Assert.True(condition(), $"still not so after {milliseconds} ms");
    }

    public string Screen()
    {
        Pump();
        return App.Driver!.ToString()!;
    }

    public ScreenHarness Press(Key key)
    {
        App.InjectKey(key);
        Pump();
        return this;
    }

    public ScreenHarness Press(char key) => Press((Key)key);

    public ScreenHarness Type(string text)
    {
        foreach (var c in text) App.InjectKey((Key)c);
        Pump();
        return this;
    }

    /// <summary>Advances virtual time (timers such as the reconnect poll) and runs what fell due.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Pump();
    }

    public void Resize(int columns, int rows)
    {
        App.Driver!.SetScreenSize(columns, rows);
        Pump();
    }

    public void Dispose()
    {
        App.End(_token);
        Shell.Dispose();
        App.Dispose();
        _language.Dispose();
    }
}

/// <summary>Answers the dialogs from a script and records what was asked.</summary>
public sealed class ScriptedDialogs : IDialogs
{
    public Queue<bool> Confirmations { get; } = new();
    public Queue<string?> Reasons { get; } = new();
    public List<string> Asked { get; } = [];
    public List<(string Title, string Text)> Shown { get; } = [];

    public bool Confirm(string title, string message, string yes = "Yes")
    {
        Asked.Add($"{title}: {message}");
        return Confirmations.Count > 0 ? Confirmations.Dequeue() : throw new InvalidOperationException($"Unexpected confirmation: {message}");
    }

    public string? AskReason(string title, string prompt)
    {
        Asked.Add($"{title}: {prompt}");
        return Reasons.Count > 0 ? Reasons.Dequeue() : throw new InvalidOperationException($"Unexpected reason prompt: {prompt}");
    }

    public void Show(string title, string text) => Shown.Add((title, text));
}

public static class Callers
{
    public static Caller FocalPoint(string region) => new()
    {
        AccessToken = "accessTokens/fp" + region.ToLowerInvariant(), DisplayName = $"Focal point {region}", Role = Role.FocalPoint, RegionCode = region,
    };

    public static Caller Administrator() => new()
    {
        AccessToken = "accessTokens/admin", DisplayName = "Course administrator", Role = Role.Administrator,
    };

    public static Caller Auditor() => new() { AccessToken = "accessTokens/audit", DisplayName = "Auditor", Role = Role.Auditor };
}
