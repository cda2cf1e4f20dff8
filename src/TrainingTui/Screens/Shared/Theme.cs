using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// The few colours the client uses, each doubled by a symbol (✓ ✗ !) so no meaning rests on colour alone.
/// Foregrounds are the 16 ANSI colours on the terminal's own background, readable on light and dark
/// terminals alike; with <c>NO_COLOR</c> set everything is the terminal's default, with bold for emphasis.
/// </summary>
public sealed class Theme
{
    private Theme(bool monochrome) => Monochrome = monochrome;

    public static Theme Default { get; } = new(false);
    public static Theme NoColor { get; } = new(true);

    /// <summary>Honours the NO_COLOR convention (no-color.org): any non-empty value turns colour off.</summary>
    public static Theme FromEnvironment(Func<string, string?> environment) =>
        string.IsNullOrEmpty(environment("NO_COLOR")) ? Default : NoColor;

    public bool Monochrome { get; }

    public Scheme Good => Text(ColorName16.Green);
    public Scheme Warning => Text(ColorName16.Yellow);
    public Scheme Bad => Text(ColorName16.Red);
    public Scheme Accent => Text(ColorName16.Blue);

    public Attribute GoodAttribute => Good.Normal;
    public Attribute WarningAttribute => Warning.Normal;
    public Attribute BadAttribute => Bad.Normal;

    /// <summary>Whole-window scheme: the terminal's default colours, reverse video for the focus.</summary>
    public Scheme? Base => Monochrome
        ? new Scheme(new Attribute(Color.None, Color.None))
        {
            Focus = new Attribute(Color.None, Color.None, TextStyle.Reverse),
            HotNormal = new Attribute(Color.None, Color.None, TextStyle.Underline),
            HotFocus = new Attribute(Color.None, Color.None, TextStyle.Reverse | TextStyle.Underline),
            Active = new Attribute(Color.None, Color.None, TextStyle.Bold),
            Editable = new Attribute(Color.None, Color.None, TextStyle.Underline),
        }
        : null;

    private Scheme Text(ColorName16 colour) => Monochrome
        ? new Scheme(new Attribute(Color.None, Color.None, TextStyle.Bold)) { Focus = new Attribute(Color.None, Color.None, TextStyle.Reverse | TextStyle.Bold) }
        : new Scheme(new Attribute(new Color(colour), Color.None)) { Focus = new Attribute(new Color(colour), Color.None, TextStyle.Reverse) };
}
