using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Reports;

/// <summary>
/// Skills supply and demand: per language at a level and per skill, the officers available who hold it against
/// the officers open requests seek and the seats open sessions offer. GAP is supply less requested, flagged ✗ (and
/// coloured) where the supply falls short. The columns that answer "are we short?" come first so they stay on an
/// 80-column screen; the supply per Member State follows, one column per State reported.
/// </summary>
public sealed class ReportSkillsView : ReportView
{
    private readonly CallSlot _load = new();
    private readonly Label _summary;

    public ReportSkillsView(ScreenContext context) : base(context)
    {
        _summary = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 2, Text = "" };
        Table = new ReportTable<SkillsLine>(l => l.Key, l => IsShort(l) ? context.Theme.Bad : null) { X = 0, Y = Pos.Bottom(_summary) };
        Add(_summary, Table);
        KeepWhole(_summary, 2);
        _summary.Text = $"{Strings.Format("ReportSkills_Title", Whose)}\n{Strings.Get("ReportSkills_Reading")}";
    }

    public override string ReportName => Strings.Get("ReportSkills_Name");

    public ReportTable<SkillsLine> Table { get; }

    public override View FocusTarget => Table.Table;

    public string Summary => _summary.Text;

    public static bool IsShort(SkillsLine line) => line.Requested > 0 && line.Supply < line.Requested;

    /// <summary>"✗ −3" short, "+5" to spare, "0" just enough, "—" when no open request asks for it.</summary>
    public static string Gap(SkillsLine line)
    {
        if (line.Requested == 0) return "—";
        var gap = line.Supply - line.Requested;
        return gap switch
        {
            < 0 => $"✗ −{Figure(-gap)}",
            0 => "0",
            _ => $"+{Figure(gap)}",
        };
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync() =>
        await Context.Load(_load,
            ct => Context.Client.GetSkillsReportAsync([], ct),
            report =>
            {
                Loaded = true;
                Show(report);
            },
            error => _summary.Text = $"{Strings.Format("ReportSkills_Title", Whose)}\n{Strings.Format("ReportSkills_Failed", error.Message)}");

    private void Show(SkillsReport report)
    {
        var states = report.Lines.SelectMany(l => l.SupplyByMemberState.Keys)
            .Concat(Context.IsFocalPoint ? [Context.Caller.RegionCode] : [])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Table.Show(Columns(states), report.Lines.ToList());
        var shortLines = report.Lines.Count(IsShort);
        _summary.Text = report.Lines.Count == 0
            ? $"{Strings.Format("ReportSkills_Title", Whose)}\n{Strings.Get("ReportSkills_Nothing")}"
            : Strings.Format("ReportSkills_Count", Whose, report.Lines.Count,
                  shortLines == 0 ? Strings.Get("ReportSkills_Covered") : Strings.Format("ReportSkills_Short", shortLines)) + "\n" +
              Strings.Get("ReportSkills_Legend");
    }

    private static string Figure(int value) => value.ToString("N0", UiLanguage.Formatting);

    private static IReadOnlyList<ReportColumn<SkillsLine>> Columns(IReadOnlyList<string> states) =>
    [
        new(Strings.Get("Col_Name"), l => l.DisplayName, l => l.DisplayName, MaxWidth: 28),
        new(Strings.Get("ReportSkills_ColSupply"), l => Figure(l.Supply), l => l.Supply, Figure: true),
        new(Strings.Get("ReportSkills_ColRequested"), l => Figure(l.Requested), l => l.Requested, Figure: true),
        new(Strings.Get("ReportSkills_ColSeats"), l => Figure(l.SessionSeats), l => l.SessionSeats, Figure: true),
        new(Strings.Get("ReportSkills_ColGap"), Gap, l => l.Requested == 0 ? int.MaxValue : l.Supply - l.Requested, Figure: true),
        .. states.Select(state => new ReportColumn<SkillsLine>(state,
            l => Figure(l.SupplyByMemberState.GetValueOrDefault(state)), l => l.SupplyByMemberState.GetValueOrDefault(state), Figure: true)),
    ];

    public override bool HandleKey(Key key) => Table.HandleKey(key);

    public override void Cancel() => _load.Cancel();
}
