using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;

namespace Training.Tui.Screens.Reports;

/// <summary>
/// The figures for accountability, one report at a time: gender parity by Member State (p), skills supply and
/// demand (k), expiring certifications (x). Tab and Shift+Tab cycle through them. Each report reads its figures
/// when first shown; F5 reads the one in front again. The tab line names the report in front in [brackets].
/// </summary>
public sealed class ReportsScreen : Screen
{
    private readonly Label _tabs;
    private readonly ReportView[] _reports;
    private int _current;

    public ReportsScreen(ScreenContext context) : base(context)
    {
        Parity = new ReportParityView(context) { Y = 1 };
        Skills = new ReportSkillsView(context) { Y = 1, Visible = false };
        Expiring = new ReportExpiringView(context) { Y = 1, Visible = false };
        _reports = [Parity, Skills, Expiring];
        _tabs = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "" };
        Add(_tabs);
        Add(_reports);
        UpdateTabs();
    }

    public ReportParityView Parity { get; }
    public ReportSkillsView Skills { get; }
    public ReportExpiringView Expiring { get; }

    /// <summary>The report in front.</summary>
    public ReportView Current => _reports[_current];

    public override string Heading => Strings.Get("Screen_Reports");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("p", "Key_Parity"),
        Help("k", "Key_Skills"),
        Help("x", "Key_Expiring"),
        Help("Tab", "Key_NextReport"),
        Help("w", "Key_Window"),
        Help("s / S", "Key_SortReport"),
        Help("F5", "Key_ReloadReport"),
        HelpOnly("↑↓ PgUp PgDn", "Key_Scroll"),
        HelpOnly("Home End", "Key_TopBottom"),
        HelpOnly("Shift+Tab", "Key_PreviousReport"),
    ];

    private static readonly char[] ReportKeys = ['p', 'k', 'x'];

    public override void OnShown() => ShowReport(_current);

    public override void Reload() => Current.Reload();

    public override bool HandleKey(Key key)
    {
        var chosen = Array.FindIndex(ReportKeys, c => key == (Key)c);
        if (chosen >= 0) ShowReport(chosen);
        else if (key == Key.Tab) ShowReport((_current + 1) % _reports.Length);
        else if (key == Key.Tab.WithShift) ShowReport((_current + _reports.Length - 1) % _reports.Length);
        else return Current.HandleKey(key);
        return true;
    }

    private void ShowReport(int index)
    {
        _current = index;
        for (var i = 0; i < _reports.Length; i++) _reports[i].Visible = i == index;
        UpdateTabs();
        Current.FocusTarget.SetFocus();
        if (!Current.Loaded) Current.Reload();
    }

    private void UpdateTabs() =>
        _tabs.Text = string.Join("  ", _reports.Select((r, i) =>
        {
            var tab = $"{ReportKeys[i]} {r.ReportName}";
            return i == _current ? $"[{tab}]" : $" {tab} ";
        })) + Strings.Get("Reports_Tabs");

    public override void OnClosed()
    {
        foreach (var report in _reports) report.Cancel();
    }
}
