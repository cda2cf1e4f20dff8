using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// One key and what it does: <paramref name="Description"/> in the help, <paramref name="Hint"/> (a word or two; the
/// description when not given) in the hint line. A hint of "" keeps a key everyone knows (the arrows) to the help.
/// </summary>
public sealed record KeyHelp(string Key, string Description, string? Hint = null)
{
    public bool InHintLine => Hint != "";

    public string HintText => string.IsNullOrEmpty(Hint) ? Description : Hint;
}

/// <summary>
/// A screen of the client: a view that fills the shell's content area, names its keys, and loads its data
/// asynchronously through <see cref="ScreenContext"/>. The shell handles the keys common to every screen
/// (?, q, Esc, the screen numbers) and hands the others to <see cref="HandleKey"/>.
/// </summary>
public abstract class Screen : View
{
    protected Screen(ScreenContext context)
    {
        Context = context;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    public ScreenContext Context { get; }

    /// <summary>Shown in the header, e.g. "Courses" or "Session UNPOL-STM, Entebbe".</summary>
    public abstract string Heading { get; }

    /// <summary>Every key of this screen, the most used first: the help lists them all, the hint line those it can.</summary>
    public abstract IReadOnlyList<KeyHelp> KeyHelp { get; }

    /// <summary>
    /// A key and its words in the client's language: the resource <paramref name="words"/> describes it in the help, and
    /// "<paramref name="words"/>_Hint", when there is one, says it in a word or two on the hint line.
    /// </summary>
    protected static KeyHelp Help(string key, string words) => new(key, Strings.Get(words), Strings.Find(words + "_Hint"));

    /// <summary>A key the help lists and the hint line leaves out (one everyone knows, like the arrows).</summary>
    protected static KeyHelp HelpOnly(string key, string words) => new(key, Strings.Get(words), "");

    /// <summary>True while the screen holds edits not yet saved: quitting asks first.</summary>
    public virtual bool HasUnsavedChanges => false;

    /// <summary>What would be lost by leaving, for the question asked before quitting or switching screens.</summary>
    public virtual string UnsavedWork => Strings.Get("Form_UnsavedWork");

    /// <summary>
    /// False while the screen's first load is on its way: keys typed meanwhile are kept by the shell and acted on once
    /// it is ready (an 'f' pressed as the roster appears opens the search), rather than lost on an empty screen.
    /// </summary>
    public bool Ready { get; private set; } = true;

    /// <summary>Raised when <see cref="Ready"/> becomes true.</summary>
    public event EventHandler? BecameReady;

    /// <summary>Declares the screen not ready until <see cref="MarkReady"/>: for screens that load before keys make sense.</summary>
    protected void WaitForFirstLoad() => Ready = false;

    /// <summary>The first load arrived (or failed: the screen is then as ready as it will get).</summary>
    public void MarkReady()
    {
        if (Ready) return;
        Ready = true;
        BecameReady?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Called each time the screen comes to the front.</summary>
    public virtual void OnShown() { }

    /// <summary>Reloads the screen's data (F5, and after the server comes back).</summary>
    public virtual void Reload() { }

    /// <summary>A key the shell did not use; true when handled. Not called while a text field has focus.</summary>
    public virtual bool HandleKey(Key key) => false;

    /// <summary>Esc inside the screen (closing a filter, say); false lets the shell go back.</summary>
    public virtual bool HandleEscape() => false;

    /// <summary>Enter while a text field of the screen has focus (apply a filter, move to the next field).</summary>
    public virtual bool HandleEnterWhileTyping() => false;

    /// <summary>Called when the screen leaves the stack for good, to stop its background work.</summary>
    public virtual void OnClosed() { }
}
