using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Reports;

/// <summary>
/// The gender parity report: per Member State DPO's colour, then the share of women per category and stage as
/// bars against that category's target for the year. A focal point sees their own State; administrators and
/// auditors every State, scrolling.
/// </summary>
public sealed class ReportParityView : ReportView
{
    private readonly CallSlot _load = new();
    private readonly Label _heading;

    public ReportParityView(ScreenContext context) : base(context)
    {
        _heading = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 2, Text = "" };
        Chart = new ReportParityChart(context.Theme) { X = 0, Y = Pos.Bottom(_heading) };
        Add(_heading, Chart);
        KeepWhole(_heading, 2);
        _heading.Text = $"{Strings.Format("ReportParity_Title", Whose)}\n{Strings.Get("ReportParity_Reading")}";
    }

    public override string ReportName => Strings.Get("ReportParity_Name");

    public ReportParityChart Chart { get; }

    public ParityReport? Report { get; private set; }

    public override View FocusTarget => Chart;

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync() =>
        await Context.Load(_load,
            ct => Context.Client.GetParityReportAsync([], ct),
            report =>
            {
                Loaded = true;
                Report = report;
                Show(report);
            },
            error => _heading.Text = $"{Strings.Format("ReportParity_Title", Whose)}\n{Strings.Format("ReportParity_Failed", error.Message)}");

    private void Show(ParityReport report)
    {
        var states = report.MemberStates.Select(m => m.RegionCode).Concat(report.Cells.Select(c => c.RegionCode)).Distinct().Count();
        var whose = Context.IsFocalPoint || states == 1 ? Whose : $"{Whose} ({states})";
        _heading.Text = report.Cells.Count == 0 && report.MemberStates.Count == 0
            ? $"{Strings.Format("ReportParity_TitleNone", whose, report.TargetYear)}\n{Strings.Get("ReportParity_NoneCounted")}"
            : $"{Strings.Format("ReportParity_TitleCells", whose, report.TargetYear)}\n{Strings.Format("ReportParity_Legend", ParityBars.Mark)}";
        Chart.Show(ReportParityChart.LinesOf(report));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.CursorDown) Chart.ScrollBy(1);
        else if (key == Key.CursorUp) Chart.ScrollBy(-1);
        else if (key == Key.PageDown) Chart.ScrollBy(Chart.VisibleRows - 1);
        else if (key == Key.PageUp) Chart.ScrollBy(-(Chart.VisibleRows - 1));
        else if (key == Key.Home) Chart.ScrollTo(0);
        else if (key == Key.End) Chart.ScrollTo(int.MaxValue);
        else return false;
        return true;
    }

    public override void Cancel() => _load.Cancel();
}
