using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// The share of women in one session, from its live figures: among the nominated and the confirmed, overall and
/// per Member State (a focal point's own only, as the service returns it), as bars against the threshold asked
/// of every Member State's list and the end target. F5 reads the figures again.
/// </summary>
public sealed class ParityScreen : Screen
{
    private readonly CallSlot _figures = new();
    private readonly Label _heading;
    private bool _loaded;

    public ParityScreen(ScreenContext context, Session session, Course? course) : base(context)
    {
        Session = session;
        Course = course;
        // The heading wraps rather than lose a line: French runs longer than English, and a narrow terminal shorter.
        _heading = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text),
            Text = Strings.Format("Parity_ShareOfWomen", Code) + "\n" + Strings.Get("Parity_Loading"),
        };
        Bars = new ParityBars(context.Theme) { X = 0, Y = Pos.Bottom(_heading) };
        Add(_heading, Bars);
    }

    public Session Session { get; }
    public Course? Course { get; }
    public ParityBars Bars { get; }
    public SessionStatistics? Figures { get; private set; }

    private string Code => Course?.Code ?? Format.CourseOf(Session.Name);

    public override string Heading => Strings.Format("Parity_Heading", Code);

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("F5", "Key_ReloadFigures"),
        Help("↑↓ PgUp PgDn", "Key_ScrollMemberStates"),
        HelpOnly("Home End", "Key_FirstLastMemberState"),
    ];

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync() =>
        await Context.Load(_figures,
            ct => Context.Client.GetSessionStatisticsAsync(Session.Name, ct),
            figures =>
            {
                _loaded = true;
                Figures = figures;
                Show(figures);
            },
            error => _heading.Text = Strings.Format("Parity_ShareOfWomen", Code) + "\n" + Strings.Format("Parity_LoadFailed", error.Message));

    private void Show(SessionStatistics figures)
    {
        var threshold = Format.Percent(figures.ParityThreshold);
        var target = Format.Percent(figures.ParityTarget);
        _heading.Text =
            Strings.Format("Parity_Title", Code, Format.Dates(Session.StartDate, Session.EndDate)) + "\n" +
            Strings.Format("Parity_Marks", ParityBars.Mark, threshold, target) + "\n" +
            Strings.Format("Parity_Legend", threshold, target) +
            (figures.OtherMemberStatesWithheld ? $"\n{Withheld}" : "");
        Bars.Show(Rows(figures), figures.ParityThreshold, figures.ParityTarget);
    }

    /// <summary>Said when the service kept the other Member States' figures back, and so the first rows are the caller's own.</summary>
    public static string Withheld => Strings.Get("Parity_Withheld");

    /// <summary>
    /// Overall nominated and confirmed, then each Member State's, in region-code order. When the other Member States'
    /// figures are withheld the first rows count only the caller's own, and say whose (SN) rather than "Overall"; a
    /// single Member State's rows are then not repeated below.
    /// </summary>
    public static IReadOnlyList<ParityRow> Rows(SessionStatistics figures)
    {
        var own = figures.MemberStates.Select(m => m.RegionCode).Order(StringComparer.Ordinal).ToList();
        var whose = !figures.OtherMemberStatesWithheld ? Strings.Get("Parity_Overall")
            : own.Count is > 0 and <= 3 ? string.Join("+", own)
            : Strings.Get("Parity_YourMemberStates");
        var rows = new List<ParityRow>
        {
            new(Strings.Format("Parity_Nominated", whose), figures.Overall.NominatedWomen, figures.Overall.Nominated, Strings.Get("Parity_NoneNominatedYet")),
            new(Strings.Format("Parity_Confirmed", whose), figures.Overall.ConfirmedWomen, figures.Overall.Confirmed, Strings.Get("Parity_NoneConfirmedYet")),
        };
        if (figures.MemberStates.Count == 0 || (figures.OtherMemberStatesWithheld && own.Count == 1)) return rows;
        rows.Add(new ParityRow(Strings.Get("Parity_ByMemberState")));
        foreach (var state in figures.MemberStates.OrderBy(m => m.RegionCode, StringComparer.Ordinal))
        {
            rows.Add(new ParityRow(Strings.Format("Parity_Nominated", state.RegionCode), state.Figures.NominatedWomen, state.Figures.Nominated,
                Strings.Get("Parity_NoneNominated")));
            rows.Add(new ParityRow(Strings.Format("Parity_Confirmed", state.RegionCode), state.Figures.ConfirmedWomen, state.Figures.Confirmed,
                Strings.Get("Parity_NoneConfirmed")));
        }
        return rows;
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.CursorDown) Bars.ScrollBy(1);
        else if (key == Key.CursorUp) Bars.ScrollBy(-1);
        else if (key == Key.PageDown) Bars.ScrollBy(Bars.VisibleRows - 1);
        else if (key == Key.PageUp) Bars.ScrollBy(-(Bars.VisibleRows - 1));
        else if (key == Key.Home) Bars.ScrollTo(0);
        else if (key == Key.End) Bars.ScrollTo(int.MaxValue);
        else return false;
        return true;
    }

    public override void OnClosed() => _figures.Cancel();
}
