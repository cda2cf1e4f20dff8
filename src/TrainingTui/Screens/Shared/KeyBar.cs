using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Training.Tui.Screens.Shared;

/// <summary>One key of a bar and its few words ("/ filter"); clicking it does what the key does.</summary>
public sealed record KeyBarItem(string Key, string Label, Action? Act = null)
{
    public string Text => $"{Key} {Label}";
}

/// <summary>
/// A bar of keys and what they do ("Enter open  / filter  s / S sort"), each shown whole: an item that does not fit on a
/// line starts the next one, up to <see cref="MaxLines"/>, and one that fits nowhere is left out rather than cut mid-word
/// (the help lists every key). Keys are bold and their words plain, so the bar reads the same under NO_COLOR.
/// </summary>
public sealed class KeyBar : View
{
    public const string Gap = "  ";

    private IReadOnlyList<KeyBarItem> _items = [];
    private IReadOnlyList<IReadOnlyList<KeyBarItem>> _lines = [];
    private int _fittedWidth = -1;

    /// <param name="maxLines">The most lines the bar takes.</param>
    /// <param name="terminalWidth">
    /// The terminal's width, which the bar spans: the height is worked out from it while the layout runs (a height set
    /// once the bar's frame is known waits for the next layout, and the bar showed one line of two until then).
    /// </param>
    public KeyBar(int maxLines, Func<int> terminalWidth)
    {
        MaxLines = maxLines;
        Width = Dim.Fill();
        Height = Dim.Func(_ => Math.Max(1, LinesAt(terminalWidth()).Count));
    }

    public int MaxLines { get; }

    public IReadOnlyList<KeyBarItem> Items
    {
        get => _items;
        set
        {
            _items = value;
            _fittedWidth = -1;
            SetNeedsLayout();
            SetNeedsDraw();
        }
    }

    /// <summary>The items on screen, line by line, at the bar's width.</summary>
    public IReadOnlyList<IReadOnlyList<KeyBarItem>> Lines => LinesAt(Viewport.Width);

    /// <summary>
    /// Lays <paramref name="items"/> out in order on at most <paramref name="maxLines"/> lines of <paramref name="width"/>
    /// columns, two spaces apart: an item that does not fit on the line starts the next; once the lines are used up it is
    /// left out, and a later, shorter one may still end the last line.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<KeyBarItem>> Fit(IReadOnlyList<KeyBarItem> items, int width, int maxLines)
    {
        var lines = new List<List<KeyBarItem>>();
        var used = 0;
        foreach (var item in items)
        {
            var length = item.Text.Length;
            if (lines.Count > 0 && used + Gap.Length + length <= width)
            {
                lines[^1].Add(item);
                used += Gap.Length + length;
            }
            else if (lines.Count < maxLines && length <= width)
            {
                lines.Add([item]);
                used = length;
            }
        }
        return lines;
    }

    /// <summary>The lines at <paramref name="width"/>, kept until the items or the width change.</summary>
    private IReadOnlyList<IReadOnlyList<KeyBarItem>> LinesAt(int width)
    {
        if (width != _fittedWidth)
        {
            _fittedWidth = width;
            _lines = Fit(_items, width, MaxLines);
        }
        return _lines;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var key = new Attribute(normal.Foreground, normal.Background, TextStyle.Bold);
        var lines = Lines;
        for (var y = 0; y < lines.Count; y++)
        {
            Move(0, y);
            for (var i = 0; i < lines[y].Count; i++)
            {
                SetAttribute(normal);
                if (i > 0) AddStr(Gap);
                SetAttribute(key);
                AddStr(lines[y][i].Key);
                SetAttribute(normal);
                AddStr(" " + lines[y][i].Label);
            }
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        var lines = Lines;
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { } at || at.Y < 0 || at.Y >= lines.Count)
            return base.OnMouseEvent(mouse);
        var x = 0;
        foreach (var item in lines[at.Y])
        {
            if (at.X >= x && at.X < x + item.Text.Length && item.Act is { } act)
            {
                act();
                return true;
            }
            x += item.Text.Length + Gap.Length;
        }
        return base.OnMouseEvent(mouse);
    }
}
