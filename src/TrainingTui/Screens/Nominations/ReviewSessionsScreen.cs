using System.Globalization;
using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>A session to review, with its figures once they are read.</summary>
public sealed record ReviewSessionRow(Session Session, Course? Course, SessionStatistics? Figures)
{
    public string Code => Course?.Code ?? Format.CourseOf(Session.Name);
    public int? Taken => Figures is { } f ? f.Seats - f.SeatsAvailable : null;
    public int? Pending => Figures?.Overall.Submitted;
    public int? Waitlisted => Figures?.Overall.Waitlisted;
}

/// <summary>
/// Where administrators start reviewing: upcoming and recent sessions with the nominations awaiting a decision
/// and the seats taken (read in the background, session by session); Enter reviews one.
/// </summary>
public sealed class ReviewSessionsScreen : TableScreen<ReviewSessionRow>
{
    /// <summary>How far back sessions are listed: recent ones still need outcomes recorded.</summary>
    private const int RecentDays = 60;

    private readonly CallSlot _load = new();
    private readonly CallSlot _figures = new();
    private bool _loaded;

    public ReviewSessionsScreen(ScreenContext context) : base(context, Columns(), r => r.Session.Name)
    {
    }

    public override string Heading => Strings.Get("Review_Sessions");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_Review"),
        Help("p", "Key_Parity"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<ReviewSessionRow>> Columns() =>
    [
        new(Strings.Get("Col_Course"), r => r.Code, r => r.Code, MaxWidth: 14),
        new(Strings.Get("Col_Dates"), r => Format.Dates(r.Session.StartDate, r.Session.EndDate), r => Format.Day(r.Session.StartDate)),
        new(Strings.Get("Col_Venue"), r => r.Session.Venue, r => r.Session.Venue, MaxWidth: 20),
        new(Strings.Get("Col_State"), r => Format.SessionState(r.Session.State), r => r.Session.State.ToString()),
        new(Strings.Get("ReviewSessions_ColPending"), r => r.Pending?.ToString(CultureInfo.InvariantCulture) ?? "…", r => r.Pending),
        new(Strings.Get("ReviewSessions_ColWaitlist"), r => r.Waitlisted?.ToString(CultureInfo.InvariantCulture) ?? "…", r => r.Waitlisted),
        new(Strings.Get("ReviewSessions_ColSeats"), r => $"{(r.Taken is { } taken ? taken : "…")}/{r.Session.Seats}", r => r.Taken),
    ];

    /// <summary>Loads once; coming back from a review reads the figures again, as decisions change them.</summary>
    public override void OnShown()
    {
        if (!_loaded) Reload();
        else _ = LoadFiguresAsync();
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync()
    {
        Summary = Strings.Get("ReviewSessions_Loading");
        var from = Context.Today.AddDays(-RecentDays);
        await Context.Load(_load,
            async ct => (Sessions: await Context.Client.ListSessionsAsync(from, ct), Courses: await Context.Client.ListCoursesAsync(ct)),
            result =>
            {
                _loaded = true;
                var courses = result.Courses.ToDictionary(c => c.Name);
                var before = Source.AllRows.ToDictionary(r => r.Session.Name);
                ShowRows(result.Sessions.Select(s => new ReviewSessionRow(s, courses.GetValueOrDefault(Format.CourseOf(s.Name)),
                    before.GetValueOrDefault(s.Name)?.Figures)).ToList());
                UpdateSummary();
                _ = LoadFiguresAsync();
            },
            error => Summary = Strings.Format("ReviewSessions_LoadFailed", error.Message));
    }

    /// <summary>Figures are one read per session: each row fills in as its answer arrives.</summary>
    private async Task LoadFiguresAsync()
    {
        var generation = _figures.Next();
        var cancellation = _figures.Token;
        Context.Status.BeginBusy();
        try
        {
            foreach (var name in Source.AllRows.Select(r => r.Session.Name).ToList())
            {
                var figures = await Context.Client.GetSessionStatisticsAsync(name, cancellation);
                if (!_figures.IsCurrent(generation)) return;
                if (Source.AllRows.FirstOrDefault(r => r.Session.Name == name) is { } row) ShowRow(row with { Figures = figures });
                UpdateSummary();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            if (!_figures.IsCurrent(generation)) return;
            var error = ClientError.From(e);
            if (error.ServerUnreachable) Context.Status.ServerUnreachable(error.Message);
            else Context.Status.ShowError(Strings.Format("ReviewSessions_FiguresFailed", error.Message));
        }
        finally
        {
            Context.Status.EndBusy();
        }
    }

    private void UpdateSummary()
    {
        if (Source.TotalRows == 0)
        {
            Summary = Strings.Format("ReviewSessions_None", From);
            return;
        }
        var pending = Source.AllRows.Sum(r => r.Pending ?? 0);
        var read = Source.AllRows.Count(r => r.Figures is not null);
        var figures = read < Source.TotalRows ? Strings.Format("ReviewSessions_FiguresRead", read, Source.TotalRows) : "";
        Summary = Strings.Format("ReviewSessions_Summary", Source.Rows, Source.TotalRows, From, pending, figures);
    }

    private string From => Context.Today.AddDays(-RecentDays).ToString("d MMM yyyy", UiLanguage.Formatting);

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(ReviewSessionRow row, string foldedFilter) =>
        Folding.Fold($"{row.Code} {row.Course?.Title} {row.Session.Venue} {row.Session.State} {Format.SessionState(row.Session.State)}").Contains(foldedFilter);

    protected override void Open(ReviewSessionRow row) => Context.Navigator.Push(new ReviewScreen(Context, row.Session, row.Course));

    public override bool HandleKey(Key key)
    {
        if (key == Key.P && Selected is { } row)
        {
            Context.Navigator.Push(new ParityScreen(Context, row.Session, row.Course));
            return true;
        }
        return base.HandleKey(key);
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _figures.Cancel();
    }
}
