using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Training.Tui.Screens.Reports;

/// <summary>One line of the Member State parity chart.</summary>
public abstract record ReportParityLine;

/// <summary>A Member State's heading: DPO's colour over everything it has nominated (null: no figure came back).</summary>
public sealed record ReportParityState(string RegionCode, MemberStateParity? Parity) : ReportParityLine;

/// <summary>Women among one category at one stage, against that category's target.</summary>
public sealed record ReportParityCell(string Category, string Stage, int Women, int Total, double Target, ParityStatus Status) : ReportParityLine
{
    public double Share => Total > 0 ? (double)Women / Total : 0;
}

/// <summary>A line of text in the chart (a State with nothing counted).</summary>
public sealed record ReportParityNote(string Text) : ReportParityLine;

/// <summary>
/// The parity report drawn as a chart: per Member State a heading with DPO's colour (green, yellow, red — as a word
/// and a symbol), then one bar per category and stage, filled █ to the share of women, with a '|' at that cell's own
/// target (targets differ by category). Colour is never the only cue: every line ends with its symbol, the share,
/// "n of m" and the target in figures. Scrolls like <see cref="ParityBars"/>; its characters and symbols are shared.
/// </summary>
public sealed class ReportParityChart : View
{
    private const int MinimumBar = 10;
    private const int Indent = 2;

    private readonly Theme _theme;
    private IReadOnlyList<ReportParityLine> _lines = [];

    public ReportParityChart(Theme theme)
    {
        _theme = theme;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    public IReadOnlyList<ReportParityLine> Lines => _lines;

    /// <summary>The first line drawn below the scale (scrolling).</summary>
    public int TopRow { get; private set; }

    /// <summary>Lines that fit under the scale.</summary>
    public int VisibleRows => Math.Max(1, Viewport.Height - 1);

    private int MaxTop => Math.Max(0, _lines.Count - VisibleRows);

    public void Show(IReadOnlyList<ReportParityLine> lines)
    {
        _lines = lines;
        TopRow = Math.Clamp(TopRow, 0, MaxTop);
        SetNeedsDraw();
    }

    public void ScrollBy(int rows) => ScrollTo(TopRow + rows);

    public void ScrollTo(int row)
    {
        TopRow = Math.Clamp(row, 0, MaxTop);
        SetNeedsDraw();
    }

    /// <summary>
    /// The report as chart lines: each Member State (those with a colour and those with cells, in region-code order)
    /// with its cells, recruitment categories first, then courses, each in pipeline order.
    /// </summary>
    public static IReadOnlyList<ReportParityLine> LinesOf(ParityReport report)
    {
        var colours = report.MemberStates.ToDictionary(m => m.RegionCode);
        var cells = report.Cells.ToLookup(c => c.RegionCode);
        var regions = colours.Keys.Concat(cells.Select(g => g.Key)).Distinct().Order(StringComparer.Ordinal);
        var lines = new List<ReportParityLine>();
        foreach (var region in regions)
        {
            lines.Add(new ReportParityState(region, colours.GetValueOrDefault(region)));
            var ofState = cells[region]
                .OrderBy(c => CategoryOrder(c.Category)).ThenBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.Stage)
                .Select(c => new ReportParityCell(CategoryName(c.Category), StageName(c.Category, c.Stage), c.Women, c.Total, c.Target, c.Status))
                .ToList();
            if (ofState.Count == 0) lines.Add(new ReportParityNote(Strings.Get("ReportParity_NoneYet")));
            lines.AddRange(ofState);
        }
        return lines;
    }

    private static bool IsCourse(string category) => category.StartsWith("COURSE_", StringComparison.Ordinal);

    private static int CategoryOrder(string category) => category switch
    {
        "IPO" => 0,
        "FPU" => 1,
        "SPT" => 2,
        "PROFESSIONAL_POST" => 3,
        _ => IsCourse(category) ? 5 : 4,
    };

    /// <summary>Short names that fit the label column: recruitment categories as they are, courses with "course".</summary>
    public static string CategoryName(string category) => category switch
    {
        "PROFESSIONAL_POST" => Strings.Get("ReportParity_ProfessionalPost"),
        "COURSE_CPTM" => Strings.Get("ReportParity_CourseCptm"),
        "COURSE_STM" => Strings.Get("ReportParity_CourseStm"),
        "COURSE_SPECIALIZED" => Strings.Get("ReportParity_CourseSpecialized"),
        "COURSE_LEADERSHIP" => Strings.Get("ReportParity_CourseLeadership"),
        "COURSE_FPU" => Strings.Get("ReportParity_CourseFpu"),
        "COURSE_TRAINING_OF_TRAINERS" => Strings.Get("ReportParity_CourseTrainers"),
        _ => category.Replace('_', ' '),
    };

    /// <summary>A stage in the words of its pipeline: courses confirm and complete, requests select and deploy.</summary>
    public static string StageName(string category, ParityStage stage) => stage switch
    {
        ParityStage.Nominated => Strings.Get("ReportParity_StageNominated"),
        ParityStage.ConfirmedOrSelected => IsCourse(category) ? Strings.Get("ReportParity_StageConfirmed") : Strings.Get("ReportParity_StageSelected"),
        ParityStage.Waitlisted => Strings.Get("ReportParity_StageWaitlisted"),
        ParityStage.CompletedOrDeployed => IsCourse(category) ? Strings.Get("ReportParity_StageCompleted") : Strings.Get("ReportParity_StageDeployed"),
        _ => Strings.Get("ReportParity_StageOther"),
    };

    public static ParityLevel? LevelOf(ParityStatus status) => status switch
    {
        ParityStatus.Green => ParityLevel.Good,
        ParityStatus.Yellow => ParityLevel.Warning,
        ParityStatus.Red => ParityLevel.Bad,
        _ => null,
    };

    /// <summary>"✓ green", "! yellow", "✗ red", or "— none" when nobody was counted.</summary>
    public static string StatusText(ParityStatus status) => status switch
    {
        ParityStatus.Green => Strings.Get("ReportParity_Green"),
        ParityStatus.Yellow => Strings.Get("ReportParity_Yellow"),
        ParityStatus.Red => Strings.Get("ReportParity_Red"),
        _ => Strings.Get("ReportParity_None"),
    };

    private Attribute StatusAttribute(ParityStatus status, Attribute normal) => LevelOf(status) switch
    {
        ParityLevel.Good => _theme.GoodAttribute,
        ParityLevel.Warning => _theme.WarningAttribute,
        ParityLevel.Bad => _theme.BadAttribute,
        _ => normal,
    };

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        if (_lines.Count == 0) return true;
        var cells = _lines.OfType<ReportParityCell>().ToList();
        var categoryWidth = Math.Clamp(cells.Count == 0 ? 0 : cells.Max(c => c.Category.Length), 3, 12);
        var stageWidth = Math.Clamp(cells.Count == 0 ? 0 : cells.Max(c => c.Stage.Length), 5, 12);
        var countsWidth = cells.Count == 0 ? 0 : cells.Max(c => Counts(c).Length);
        var labelWidth = Indent + categoryWidth + 1 + stageWidth;
        var tailWidth = 1 + 1 + 1 + 5 + 2 + countsWidth + 2 + Target(1).Length;
        var barWidth = Math.Max(MinimumBar, Viewport.Width - labelWidth - 1 - tailWidth);

        SetAttribute(normal);
        Move(0, 0);
        AddStr(new string(' ', labelWidth + 1) + Scale(barWidth));

        var visible = VisibleRows;
        var more = _lines.Count - TopRow - visible;
        for (var row = 0; row < visible && TopRow + row < _lines.Count; row++)
        {
            Move(0, row + 1);
            if (row == visible - 1 && more > 0)
            {
                SetAttribute(normal);
                AddStr(Strings.Format("ReportParity_More", more + 1));
                break;
            }
            switch (_lines[TopRow + row])
            {
                case ReportParityState state:
                    DrawState(state, normal);
                    break;
                case ReportParityCell cell:
                    SetAttribute(normal);
                    AddStr(new string(' ', Indent) + Fit(cell.Category, categoryWidth) + " " + Fit(cell.Stage, stageWidth) + " ");
                    DrawBar(cell, barWidth, countsWidth, normal);
                    break;
                case ReportParityNote note:
                    SetAttribute(normal);
                    AddStr(new string(' ', Indent) + note.Text);
                    break;
            }
        }
        return true;
    }

    private void DrawState(ReportParityState state, Attribute normal)
    {
        SetAttribute(new Attribute(normal.Foreground, normal.Background, TextStyle.Bold));
        AddStr(state.RegionCode + "  ");
        if (state.Parity is not { } parity)
        {
            SetAttribute(normal);
            AddStr(Strings.Get("ReportParity_NoColour"));
            return;
        }
        SetAttribute(StatusAttribute(parity.Status, normal));
        AddStr(StatusText(parity.Status));
        SetAttribute(normal);
        var target = Format.Percent(parity.Target);
        var share = parity.Nominated == 0 ? "" : Format.Percent((double)parity.NominatedWomen / parity.Nominated);
        AddStr("  " + parity.Nominated switch
        {
            0 => Strings.Format("ReportParity_NobodyNominated", target),
            1 => Strings.Format("ReportParity_WomenOfOne", parity.NominatedWomen, parity.Nominated, share, target),
            _ => Strings.Format("ReportParity_WomenOf", parity.NominatedWomen, parity.Nominated, share, target),
        });
    }

    private void DrawBar(ReportParityCell cell, int barWidth, int countsWidth, Attribute normal)
    {
        var level = LevelOf(cell.Status);
        var levelAttribute = StatusAttribute(cell.Status, normal);
        var filled = (int)Math.Round(cell.Share * barWidth, MidpointRounding.AwayFromZero);
        var mark = Position(cell.Target, barWidth);
        for (var i = 0; i < barWidth; i++)
        {
            if (i == mark)
            {
                SetAttribute(normal);
                AddStr(ParityBars.Mark.ToString());
            }
            else if (i < filled)
            {
                SetAttribute(levelAttribute);
                AddStr(ParityBars.Filled.ToString());
            }
            else
            {
                SetAttribute(normal);
                AddStr(ParityBars.Empty.ToString());
            }
        }
        SetAttribute(normal);
        AddStr(" ");
        SetAttribute(levelAttribute);
        AddStr(level is { } l ? ParityBars.Symbol(l) : "—");
        SetAttribute(normal);
        AddStr($" {Format.Percent(cell.Share),5}  {Counts(cell).PadRight(countsWidth)}  {Target(cell.Target)}");
    }

    private static string Counts(ReportParityCell cell) => Strings.Format("ReportParity_Counts", cell.Women, cell.Total);

    private static string Target(double target) => Strings.Format("ReportParity_Target", Format.Percent(target));

    /// <summary>Where a share falls on a bar: the cell whose '|' marks it.</summary>
    public static int Position(double share, int barWidth) =>
        Math.Clamp((int)Math.Round(share * barWidth, MidpointRounding.AwayFromZero), 0, barWidth - 1);

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";

    /// <summary>"0 %" at the start, "50 %" where half falls and "100 %" at the end of the bars.</summary>
    private static string Scale(int barWidth)
    {
        var line = new StringBuilder(new string(' ', barWidth));
        void Put(int at, string text)
        {
            at = Math.Clamp(at, 0, Math.Max(0, line.Length - text.Length));
            for (var i = 0; i < text.Length && at + i < line.Length; i++) line[at + i] = text[i];
        }
        var half = Format.Percent(0.5);
        Put(0, Format.Percent(0));
        Put(Position(0.5, barWidth) - half.Length / 2, half);
        var full = Format.Percent(1);
        Put(barWidth - full.Length, full);
        return line.ToString().TrimEnd();
    }
}
