using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Reports;

/// <summary>
/// AMS passes and course certifications about to expire, soonest first, with how many fall in each band (7, 30,
/// 60, 90 days). 'w' looks further or nearer ahead: 30, 90 (the service's default) or 365 days. Lines expiring
/// within a week are flagged ✗ and within a month !, each also coloured.
/// </summary>
public sealed class ReportExpiringView : ReportView
{
    /// <summary>The look-aheads 'w' cycles through, in days; the first shown is the service's default.</summary>
    public static readonly IReadOnlyList<int> Windows = [30, 90, 365];

    private const int DefaultWindow = 90;

    private readonly CallSlot _load = new();
    private readonly Label _summary;
    private IReadOnlyDictionary<string, string> _courseCodes = new Dictionary<string, string>();

    public ReportExpiringView(ScreenContext context) : base(context)
    {
        _summary = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 3, Text = "" };
        Table = new ReportTable<ExpiringCertification>(c => $"{c.Officer}|{c.Certification}", c => Scheme(context.Theme, c)) { X = 0, Y = Pos.Bottom(_summary) };
        Add(_summary, Table);
        KeepWhole(_summary, 3);
        ShowWaiting();
    }

    public override string ReportName => Strings.Get("ReportExpiring_Name");

    public ReportTable<ExpiringCertification> Table { get; }

    public override View FocusTarget => Table.Table;

    /// <summary>How many days ahead the report looks.</summary>
    public int Window { get; private set; } = DefaultWindow;

    public string Summary => _summary.Text;

    private static Scheme? Scheme(Theme theme, ExpiringCertification c) =>
        c.WithinBand <= 7 ? theme.Bad : c.WithinBand <= 30 ? theme.Warning : null;

    /// <summary>"✗ ≤7 days" this week, "! ≤30 days" this month, "≤60 days" after.</summary>
    public static string Band(int band) => band switch
    {
        <= 7 => Strings.Format("ReportExpiring_BandWeek", band),
        <= 30 => Strings.Format("ReportExpiring_BandMonth", band),
        _ => Strings.Format("ReportExpiring_BandLater", band),
    };

    public static string DaysLeft(int days) => days switch
    {
        0 => Strings.Get("ReportExpiring_Today"),
        1 => Strings.Format("ReportExpiring_OneDay", days),
        _ => Strings.Format("ReportExpiring_Days", days),
    };

    /// <summary>"AMS pass", or the course's code (the id in capitals while the catalogue is not known).</summary>
    private string CertificationName(string certification) =>
        certification == "AMS" ? Strings.Get("ReportExpiring_AmsPass")
        : _courseCodes.GetValueOrDefault(certification) ?? certification.Split('/').Last().ToUpperInvariant();

    public override void Reload() => _ = LoadAsync();

    private void ShowWaiting() =>
        _summary.Text = $"{Strings.Format("ReportExpiring_Title", Whose, Window)}\n{Strings.Get("ReportExpiring_Reading")}\n{WindowHint(Window)}";

    private async Task LoadAsync()
    {
        var window = Window;
        var needCourses = _courseCodes.Count == 0;
        await Context.Load(_load,
            async ct => (
                Expiring: await Context.Client.GetExpiringCertificationsAsync([], window, ct),
                Courses: needCourses ? await Context.Client.ListCoursesAsync(ct) : null),
            result =>
            {
                Loaded = true;
                if (result.Courses is { } courses) _courseCodes = courses.ToDictionary(c => c.Name, c => c.Code);
                Show(result.Expiring, window);
            },
            error => _summary.Text = $"{Strings.Format("ReportExpiring_Title", Whose, window)}\n" +
                                     $"{Strings.Format("ReportExpiring_Failed", error.Message)}\n{WindowHint(window)}");
    }

    private void Show(ExpiringCertifications report, int window)
    {
        Table.Show(Columns(), report.Certifications.ToList());
        var count = report.Certifications.Count;
        var bands = string.Join(" · ", report.CountByBand.OrderBy(b => b.Key).Select(b => BandSymbol(b.Key) + Strings.Format("ReportExpiring_Band", b.Key, b.Value)));
        var heading = count == 1
            ? Strings.Format("ReportExpiring_CountOne", Whose, count, window)
            : Strings.Format("ReportExpiring_Count", Whose, count, window);
        _summary.Text = count == 0
            ? $"{Strings.Format("ReportExpiring_None", Whose, window)}\n\n{WindowHint(window)}"
            : $"{heading}\n{bands}\n{WindowHint(window)}";
    }

    private static string BandSymbol(int band) => band <= 7 ? "✗ " : band <= 30 ? "! " : "";

    private static string WindowHint(int window) => Strings.Format("ReportExpiring_Window",
        string.Join(" ", Windows.Select(w => w == window ? $"[{w.ToString(UiLanguage.Formatting)}]" : w.ToString(UiLanguage.Formatting))));

    private IReadOnlyList<ReportColumn<ExpiringCertification>> Columns() =>
    [
        new(Strings.Get("Col_Officer"), c => c.OfficerDisplayName, c => c.OfficerDisplayName, MaxWidth: 26),
        .. Context.IsFocalPoint
            ? []
            : new[] { new ReportColumn<ExpiringCertification>(Strings.Get("ReportExpiring_ColState"), c => Format.RegionOf(c.Officer), c => Format.RegionOf(c.Officer)) },
        new(Strings.Get("ReportExpiring_ColCertification"), c => CertificationName(c.Certification), c => CertificationName(c.Certification), MaxWidth: 20),
        new(Strings.Get("ReportExpiring_ColExpires"), c => Format.Date(c.ExpiryDate), c => Format.Day(c.ExpiryDate)),
        new(Strings.Get("ReportExpiring_ColDaysLeft"), c => DaysLeft(c.DaysLeft), c => c.DaysLeft, Figure: true),
        new(Strings.Get("ReportExpiring_ColBand"), c => Band(c.WithinBand), c => c.WithinBand),
    ];

    public override bool HandleKey(Key key)
    {
        if (key != Key.W) return Table.HandleKey(key);
        var at = Windows.ToList().IndexOf(Window);
        Window = Windows[(at + 1) % Windows.Count];
        ShowWaiting();
        Reload();
        return true;
    }

    public override void Cancel() => _load.Cancel();
}
