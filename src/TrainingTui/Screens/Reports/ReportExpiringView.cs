using System.Globalization;
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
        Table = new ReportTable<ExpiringCertification>(c => $"{c.Officer}|{c.Certification}", c => Scheme(context.Theme, c)) { X = 0, Y = 3 };
        Add(_summary, Table);
        ShowWaiting();
    }

    public override string ReportName => "Expiring";

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
        <= 7 => $"✗ ≤{band} days",
        <= 30 => $"! ≤{band} days",
        _ => $"≤{band} days",
    };

    public static string DaysLeft(int days) => days switch
    {
        0 => "today",
        1 => "1 day",
        _ => $"{days} days",
    };

    /// <summary>"AMS pass", or the course's code (the id in capitals while the catalogue is not known).</summary>
    private string CertificationName(string certification) =>
        certification == "AMS" ? "AMS pass"
        : _courseCodes.GetValueOrDefault(certification) ?? certification.Split('/').Last().ToUpperInvariant();

    public override void Reload() => _ = LoadAsync();

    private void ShowWaiting() => _summary.Text = $"{Whose}: certifications expiring within {Window} days\nReading…\n{WindowHint(Window)}";

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
            error => _summary.Text = $"{Whose}: certifications expiring within {window} days\n" +
                                     $"✗ Could not read them: {error.Message} (F5 tries again)\n{WindowHint(window)}");
    }

    private void Show(ExpiringCertifications report, int window)
    {
        Table.Show(Columns(), report.Certifications.ToList());
        var count = report.Certifications.Count;
        var bands = string.Join(" · ", report.CountByBand.OrderBy(b => b.Key).Select(b => $"{BandSymbol(b.Key)}≤{b.Key} days: {b.Value}"));
        _summary.Text = count == 0
            ? $"{Whose}: ✓ no certification expires within {window} days\n\n{WindowHint(window)}"
            : $"{Whose}: {count} certifications expiring within {window} days, soonest first\n{bands}\n{WindowHint(window)}";
    }

    private static string BandSymbol(int band) => band <= 7 ? "✗ " : band <= 30 ? "! " : "";

    private static string WindowHint(int window) =>
        "w looks ahead " + string.Join(" ", Windows.Select(w => w == window ? $"[{w}]" : w.ToString(CultureInfo.InvariantCulture))) + " days";

    private IReadOnlyList<ReportColumn<ExpiringCertification>> Columns() =>
    [
        new("OFFICER", c => c.OfficerDisplayName, c => c.OfficerDisplayName, MaxWidth: 26),
        .. Context.IsFocalPoint ? [] : new[] { new ReportColumn<ExpiringCertification>("STATE", c => Format.RegionOf(c.Officer), c => Format.RegionOf(c.Officer)) },
        new("CERTIFICATION", c => CertificationName(c.Certification), c => CertificationName(c.Certification), MaxWidth: 20),
        new("EXPIRES", c => Format.Date(c.ExpiryDate), c => Format.Day(c.ExpiryDate)),
        new("DAYS LEFT", c => DaysLeft(c.DaysLeft), c => c.DaysLeft, Figure: true),
        new("BAND", c => Band(c.WithinBand), c => c.WithinBand),
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
