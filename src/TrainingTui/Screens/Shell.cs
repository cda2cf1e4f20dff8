using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens;

/// <summary>
/// The window around every screen: who is logged in at the top, the current screen, a line of key hints
/// and the status bar with the screens' keys. It owns the keys common to all screens and the screen stack,
/// and watches the connection: when the server goes away it says so, keeps the screens (and any form being
/// edited) as they are, and reloads the front screen when the server answers again.
/// </summary>
public sealed class Shell : Window, INavigator, IStatusReporter
{
    private static readonly TimeSpan ReconnectEvery = TimeSpan.FromSeconds(3);

    /// <summary>The most lines the message takes before it is cut (a refusal naming every failed rule can be long).</summary>
    private const int MessageLines = 4;

    /// <summary>
    /// The most lines the screen's keys take (at 80 columns a busy screen needs two in English, three in French, which
    /// runs longer) and the status bar takes.
    /// </summary>
    private const int HintLines = 3;

    private const int StatusLines = 2;

    private readonly ScreenContext _context;
    private readonly Dictionary<char, (string Name, Func<Screen> Open)> _roots;
    private readonly Stack<Screen> _stack = new();
    private readonly View _content;
    private readonly Label _header;
    private readonly Label _busy;
    private readonly Label _message;
    private readonly KeyBar _hints;
    private readonly Queue<Key> _typedAhead = new();
    private int _busyCount;
    private bool _showingLoadError;
    private bool _disconnected;
    private object? _reconnectTimer;

    public Shell(ScreenContext context, IReadOnlyList<(char Key, string Name, Func<Screen> Open)> roots)
    {
        _context = context;
        _roots = roots.ToDictionary(r => r.Key, r => (r.Name, r.Open));
        context.Navigator = this;
        context.Status = this;
        Title = Strings.Get("Shell_Title");
        BorderStyle = LineStyle.None;
        if (context.Theme.Base is { } scheme) SetScheme(scheme);

        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(12), Text = "", HotKeySpecifier = Plain.NoHotKey };
        _busy = new Label { X = Pos.AnchorEnd(11), Y = 0, Width = 11, Text = "" };
        // The message line wraps (up to four lines) rather than cutting a refusal at the terminal's edge; the screen above
        // gives up the rows it needs. The footer sits just above the status bar.
        _message = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(), Text = "", HotKeySpecifier = Plain.NoHotKey,
            Height = Dim.Auto(DimAutoStyle.Text, minimumContentDim: 1, maximumContentDim: MessageLines),
        };
        // The screen's keys and then the status bar (help, quit, back, the screens by number): each key whole, wrapping onto
        // a second line rather than cut at the terminal's edge.
        int Columns() => context.App.Driver?.Cols ?? 80;
        _hints = new KeyBar(HintLines, Columns) { X = 0, Y = Pos.Bottom(_message) };
        StatusBar = new KeyBar(StatusLines, Columns) { X = 0, Y = Pos.Bottom(_hints) };
        var footer = new View { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Content) };
        footer.Add(_message, _hints, StatusBar);
        _content = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(footer), CanFocus = true };
        Add(_header, _busy, _content, footer);

        context.App.Keyboard.KeyDown += OnKeyDown;
        // The header is cut to the terminal's width: cut it again when the terminal is resized.
        FrameChanged += (_, _) => UpdateHeader();
        SwitchTo(roots[0].Key);
    }

    /// <summary>Help, quit, back (on a screen opened from another) and the screens by number.</summary>
    public KeyBar StatusBar { get; }

    public Screen Current => _stack.Peek();

    /// <summary>The text of the error or information line (for tests).</summary>
    public string Message => _message.Text;

    public bool Disconnected => _disconnected;

    public void Push(Screen screen)
    {
        if (_stack.Count > 0) _content.Remove(Current);
        _stack.Push(screen);
        screen.BecameReady += (_, _) =>
        {
            if (_stack.Count > 0 && Current == screen) ReplayTypedAhead();
        };
        Show(screen);
    }

    /// <summary>The most keys kept for a screen still loading: a held-down key should not replay for seconds.</summary>
    private const int MostTypedAhead = 32;

    /// <summary>
    /// Acts on the keys typed while the front screen was loading, in order, as long as the front screen is ready; a key
    /// that opens another screen leaves the rest for that one.
    /// </summary>
    private void ReplayTypedAhead()
    {
        while (_typedAhead.Count > 0 && _stack.Count > 0 && Current.Ready)
        {
            // The same way a key goes when pressed: the shell's keys first, then the focused view (the table's ↓, Enter).
            var key = _typedAhead.Dequeue();
            OnKeyDown(this, key);
            if (!key.Handled) NewKeyDownEvent(key);
        }
    }

    /// <summary>What Esc does: the screen closes what it has open (a filter, a search), or the shell goes back.</summary>
    private void GoBack()
    {
        _typedAhead.Clear();
        if (!Current.HandleEscape()) Back();
    }

    public void Back()
    {
        if (_stack.Count <= 1) return;
        var closed = _stack.Pop();
        _content.Remove(closed);
        closed.OnClosed();
        closed.Dispose();
        Show(Current);
    }

    private void SwitchTo(char key)
    {
        if (!_roots.TryGetValue(key, out var root)) return;
        if (_stack.FirstOrDefault(s => s.HasUnsavedChanges) is { } busy
            && !_context.Dialogs.Confirm(Strings.Get("Shell_UnsavedWork"), Strings.Format("Shell_LeaveIt", busy.UnsavedWork), Strings.Get("Shell_Leave")))
            return;
        _typedAhead.Clear();
        while (_stack.Count > 0)
        {
            var closed = _stack.Pop();
            _content.Remove(closed);
            closed.OnClosed();
            closed.Dispose();
        }
        Push(root.Open());
    }

    private void Show(Screen screen)
    {
        _content.Add(screen);
        _message.Text = _disconnected ? _message.Text : "";
        UpdateHeader();
        _hints.Items = screen.KeyHelp.Where(k => k.InHintLine).Select(k => new KeyBarItem(k.Key, k.HintText)).ToList();
        StatusBar.Items = StatusItems();
        screen.SetFocus();
        screen.OnShown();
        ReplayTypedAhead();
    }

    private List<KeyBarItem> StatusItems()
    {
        var items = new List<KeyBarItem> { new("?", Strings.Get("Status_Help"), ShowHelp), new("q", Strings.Get("Status_Quit"), Quit) };
        if (_stack.Count > 1) items.Add(new KeyBarItem("Esc", Strings.Get("Status_Back"), GoBack));
        items.AddRange(_roots.Select(r => new KeyBarItem(r.Key.ToString(), r.Value.Name, () => SwitchTo(r.Key))));
        return items;
    }

    private void UpdateHeader()
    {
        var caller = _context.Caller;
        var who = caller.Role switch
        {
            Role.FocalPoint => Strings.Format("Role_FocalPoint", caller.RegionCode),
            Role.Administrator => Strings.Get("Role_Administrator"),
            Role.Auditor => Strings.Get("Role_Auditor"),
            Role.Integration => Strings.Get("Role_Integration"),
            _ => Strings.Get("Role_Unknown"),
        };
        var trail = string.Join(" › ", _stack.Reverse().Select(s => s.Heading));
        var connection = _disconnected ? $"  ⚠ {Strings.Get("Shell_Offline")}" : "";
        var text = $" {caller.DisplayName} ({who}){connection} │ {trail}";
        // On a narrow terminal the current screen's name matters more than the start of the trail.
        var room = Math.Max(20, _context.App.Driver?.Cols - 12 ?? text.Length);
        _header.Text = text.Length <= room ? text : "…" + text[^(room - 1)..];
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (_context.App.TopRunnableView != this || _stack.Count == 0) return;
        var typing = MostFocused is TextField;

        if (key == Key.Esc)
        {
            key.Handled = true;
            GoBack();
            return;
        }
        if (EscapeThen(key) is { } after)
        {
            // Esc then a screen's number (or q) ends on that screen (or quits) whatever the Esc did first: leaving a
            // field, closing a filter, going back. So the two keys, coalesced, do just that, even from a field.
            key.Handled = true;
            if (after == 'q') Quit();
            else SwitchTo(after);
            return;
        }
        if (typing)
        {
            if (key == Key.Enter && Current.HandleEnterWhileTyping()) key.Handled = true;
            return;
        }
        var global = key == (Key)'?' || key == Key.Q || key == Key.F5 || RootOf(key) is not null;
        if (!global && !Current.Ready)
        {
            // Typed ahead while the screen loads: kept, and acted on once it is ready.
            key.Handled = true;
            // A copy: the driver's key object is its own to reuse once this event is over.
            if (_typedAhead.Count < MostTypedAhead) _typedAhead.Enqueue(new Key(key) { Handled = false });
            return;
        }
        if (key == (Key)'?')
        {
            key.Handled = true;
            ShowHelp();
        }
        else if (key == Key.Q)
        {
            key.Handled = true;
            Quit();
        }
        else if (key == Key.F5)
        {
            key.Handled = true;
            // A reload asks for the state as it is now: an earlier refusal or confirmation may no longer hold.
            if (!_disconnected) _message.Text = "";
            Current.Reload();
        }
        else if (RootOf(key) is { } root)
        {
            key.Handled = true;
            SwitchTo(root);
        }
        else if (Current.HandleKey(key))
        {
            key.Handled = true;
        }
    }

    /// <summary>The screen a key switches to by number, if it is one.</summary>
    private char? RootOf(Key key) =>
        !key.IsCtrl && !key.IsAlt && key.AsRune.Value < 128 && _roots.ContainsKey((char)key.AsRune.Value) ? (char)key.AsRune.Value : null;

    /// <summary>
    /// A screen's number or q that arrived as Alt+key: a terminal reads Esc followed at once by a key as that key with
    /// Alt (tmux under load sent them so, and the switch was lost). The client binds nothing to Alt, so Alt+key is
    /// taken for what the user typed.
    /// </summary>
    private char? EscapeThen(Key key)
    {
        if (!key.IsAlt || key.IsCtrl) return null;
        var plain = key.NoAlt;
        return plain == Key.Q ? 'q' : RootOf(plain);
    }

    private void Quit()
    {
        if (_stack.FirstOrDefault(s => s.HasUnsavedChanges) is { } busy
            && !_context.Dialogs.Confirm(Strings.Get("Shell_QuitTitle"), Strings.Format("Shell_QuitAnyway", busy.UnsavedWork), Strings.Get("Shell_QuitTitle")))
            return;
        foreach (var screen in _stack) screen.OnClosed();
        _context.App.RequestStop(this);
    }

    private void ShowHelp()
    {
        var global = _roots.Select(r => new KeyHelp(r.Key.ToString(), r.Value.Name))
            .Concat([new KeyHelp("Esc", Strings.Get("Shell_BackClose")), new KeyHelp("F5", Strings.Get("Shell_Reload")), new KeyHelp("?", Strings.Get("Shell_ThisHelp")),
                new KeyHelp("q", Strings.Get("Status_Quit"))]);
        var lines = Current.KeyHelp.Select(k => $"  {k.Key,-10} {k.Description}")
            .Prepend(Strings.Format("Shell_HelpHeading", Current.Heading))
            .Append("")
            .Append(Strings.Get("Shell_Everywhere"))
            .Concat(global.Select(k => $"  {k.Key,-10} {k.Description}"));
        _context.Dialogs.Show(Strings.Get("Shell_Keys"), string.Join('\n', lines));
    }

    public void BeginBusy()
    {
        _busyCount++;
        _busy.Text = Strings.Get("Shell_Working");
    }

    public void EndBusy()
    {
        _busyCount = Math.Max(0, _busyCount - 1);
        if (_busyCount == 0) _busy.Text = "";
    }

    public void ShowError(string message)
    {
        _message.Text = $"✗ {message}";
        _showingLoadError = false;
        if (!_context.Theme.Monochrome) _message.SetScheme(_context.Theme.Bad);
    }

    public void ShowInfo(string message)
    {
        _message.Text = $"✓ {message}";
        _showingLoadError = false;
        if (!_context.Theme.Monochrome) _message.SetScheme(_context.Theme.Good);
    }

    public void ShowLoadError(string message)
    {
        ShowError(message);
        _showingLoadError = true;
    }

    /// <summary>Clears a failed read once a later one succeeds; refusals, information and the offline banner stay.</summary>
    public void ClearLoadError()
    {
        if (_disconnected || !_showingLoadError) return;
        _message.Text = "";
        _showingLoadError = false;
    }

    /// <summary>Shows the offline banner and polls the server until it answers, then reloads the front screen.</summary>
    public void ServerUnreachable(string message)
    {
        _showingLoadError = true;
        _message.Text = "⚠ " + Strings.Format("Shell_Retrying", message, ReconnectEvery.TotalSeconds);
        if (!_context.Theme.Monochrome) _message.SetScheme(_context.Theme.Warning);
        if (_disconnected) return;
        _disconnected = true;
        UpdateHeader();
        _reconnectTimer = _context.App.AddTimeout(ReconnectEvery, () =>
        {
            _ = TryReconnect();
            return _disconnected;
        });
    }

    private async Task TryReconnect()
    {
        try
        {
            await _context.Client.GetCallerAsync();
        }
        catch (Exception)
        {
            return;
        }
        if (!_disconnected) return;
        _disconnected = false;
        if (_reconnectTimer is not null) _context.App.RemoveTimeout(_reconnectTimer);
        _reconnectTimer = null;
        UpdateHeader();
        _message.Text = "";
        Current.Reload();
        ShowInfo(Strings.Get("Shell_ConnectedAgain"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _context.App.Keyboard.KeyDown -= OnKeyDown;
        base.Dispose(disposing);
    }
}
