using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Training.Tui.Screens.Shared;

/// <summary>One line of the parity chart: a group's women among its members, or (with no counts) a section heading.</summary>
public sealed record ParityRow(string Label, int? Women = null, int? Of = null, string? Nobody = null)
{
    public bool IsHeading => Of is null;
    public double Share => Of is > 0 ? (double)Women!.Value / Of.Value : 0;
}

/// <summary>Where a share stands against the parity marks, shown by colour and, always, by a symbol.</summary>
public enum ParityLevel { Good, Warning, Bad }

/// <summary>
/// Horizontal bars of the share of women, one per group, drawn cell by cell: filled █ up to the share, empty ░
/// after, a '|' at the threshold (20 %) and at the target (30 %), and a scale line above. Each bar ends with a
/// symbol (✓ ! ✗), the percentage and "n of m", so nothing rests on colour; colours come from the theme and
/// vanish under NO_COLOR. Bars take whatever width is left after the labels and figures.
/// </summary>
public sealed class ParityBars : View
{
    private const int MinimumBar = 10;
    public const char Mark = '|';
    public const char Filled = '█';
    public const char Empty = '░';

    private readonly Theme _theme;
    private IReadOnlyList<ParityRow> _rows = [];

    public ParityBars(Theme theme)
    {
        _theme = theme;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>The share under which a list is flagged (0.2) and the end target (0.3), from the session's figures.</summary>
    public double Threshold { get; private set; }
    public double Target { get; private set; }

    /// <summary>The first row drawn below the scale line (scrolling).</summary>
    public int TopRow { get; private set; }

    public IReadOnlyList<ParityRow> Rows => _rows;

    public void Show(IReadOnlyList<ParityRow> rows, double threshold, double target)
    {
        _rows = rows;
        Threshold = threshold;
        Target = target;
        TopRow = Math.Clamp(TopRow, 0, MaxTop);
        SetNeedsDraw();
    }

    public void ScrollBy(int rows)
    {
        TopRow = Math.Clamp(TopRow + rows, 0, MaxTop);
        SetNeedsDraw();
    }

    public void ScrollTo(int row)
    {
        TopRow = Math.Clamp(row, 0, MaxTop);
        SetNeedsDraw();
    }

    /// <summary>Rows that fit under the scale line.</summary>
    public int VisibleRows => Math.Max(1, Viewport.Height - 1);

    private int MaxTop => Math.Max(0, _rows.Count - VisibleRows);

    public ParityLevel Level(double share) =>
        share >= Target ? ParityLevel.Good : share >= Threshold ? ParityLevel.Warning : ParityLevel.Bad;

    public static string Symbol(ParityLevel level) => level switch
    {
        ParityLevel.Good => "✓",
        ParityLevel.Warning => "!",
        _ => "✗",
    };

    private Attribute LevelAttribute(ParityLevel level) => level switch
    {
        ParityLevel.Good => _theme.GoodAttribute,
        ParityLevel.Warning => _theme.WarningAttribute,
        _ => _theme.BadAttribute,
    };

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        if (_rows.Count == 0) return true;
        var bars = _rows.Where(r => !r.IsHeading).ToList();
        var labelWidth = Math.Clamp(_rows.Max(r => r.IsHeading ? 0 : r.Label.Length), 8, 24);
        var countsWidth = bars.Count == 0 ? 0 : bars.Max(r => Counts(r).Length);
        var tailWidth = 1 + 1 + 1 + 5 + 2 + countsWidth;
        var barWidth = Math.Max(MinimumBar, Viewport.Width - labelWidth - 1 - tailWidth);
        var marks = new[] { Position(Threshold, barWidth), Position(Target, barWidth) };

        SetAttribute(normal);
        Move(0, 0);
        AddStr(new string(' ', labelWidth + 1) + Scale(barWidth, marks));

        var visible = VisibleRows;
        var more = _rows.Count - TopRow - visible;
        for (var line = 0; line < visible && TopRow + line < _rows.Count; line++)
        {
            Move(0, line + 1);
            if (line == visible - 1 && more > 0)
            {
                SetAttribute(normal);
                AddStr(Strings.Format("Parity_MoreRows", more + 1));
                break;
            }
            DrawRow(_rows[TopRow + line], labelWidth, barWidth, marks, normal);
        }
        return true;
    }

    private void DrawRow(ParityRow row, int labelWidth, int barWidth, int[] marks, Attribute normal)
    {
        if (row.IsHeading)
        {
            SetAttribute(new Attribute(normal.Foreground, normal.Background, TextStyle.Bold));
            AddStr(row.Label);
            return;
        }
        SetAttribute(normal);
        AddStr(Fit(row.Label, labelWidth) + " ");
        if (row.Of is not > 0)
        {
            AddStr($"— {row.Nobody ?? Strings.Get("Parity_Nobody")}");
            return;
        }
        var level = Level(row.Share);
        var levelAttribute = LevelAttribute(level);
        var filled = (int)Math.Round(row.Share * barWidth, MidpointRounding.AwayFromZero);
        for (var i = 0; i < barWidth; i++)
        {
            if (marks.Contains(i))
            {
                SetAttribute(normal);
                AddStr(Mark.ToString());
            }
            else if (i < filled)
            {
                SetAttribute(levelAttribute);
                AddStr(Filled.ToString());
            }
            else
            {
                SetAttribute(normal);
                AddStr(Empty.ToString());
            }
        }
        SetAttribute(normal);
        AddStr(" ");
        SetAttribute(levelAttribute);
        AddStr(Symbol(level));
        SetAttribute(normal);
        AddStr($" {Format.Percent(row.Share),5}  {Counts(row)}");
    }

    private static string Counts(ParityRow row) => row.Of is > 0 ? Strings.Format("Parity_WomenOf", row.Women, row.Of) : "";

    private static int Position(double share, int barWidth) => Math.Clamp((int)Math.Round(share * barWidth, MidpointRounding.AwayFromZero), 0, barWidth - 1);

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";

    /// <summary>"0%", the marks' percentages where their '|' falls, and "100%" at the end; later labels move right rather than overlap.</summary>
    private string Scale(int barWidth, int[] marks)
    {
        var line = new StringBuilder(new string(' ', barWidth + 6));
        var end = 0;
        void Put(int at, string text)
        {
            at = Math.Max(at, end == 0 ? 0 : end + 1);
            if (at + text.Length > line.Length) return;
            for (var i = 0; i < text.Length; i++) line[at + i] = text[i];
            end = at + text.Length;
        }
        Put(0, Format.Percent(0));
        Put(marks[0], Format.Percent(Threshold));
        Put(marks[1], Format.Percent(Target));
        var full = Format.Percent(1);
        Put(barWidth - full.Length, full);
        return line.ToString().TrimEnd();
    }
}
