using Terminal.Gui.Input;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>One row of the catalogue: an upcoming session with its course and, once known, its free seats.</summary>
public sealed record SessionRow(Session Session, Course? Course, SessionStatistics? Figures)
{
    public string Code => Course?.Code ?? Format.CourseOf(Session.Name);
    public string Title => Course?.Title ?? "";
    public int? SeatsLeft => Figures?.SeatsAvailable;
}

/// <summary>The catalogue: upcoming sessions with dates, venue, language, seats left and whether nominations are open.</summary>
public sealed class CoursesScreen : TableScreen<SessionRow>
{
    private readonly CallSlot _load = new();
    private readonly CallSlot _figures = new();
    private readonly CallSlot _vocabularyLoad = new();
    private readonly RosterVocabulary _vocabulary = new();

    /// <summary>Set when an administrator changed the catalogue: the list is read again (in date order) when shown.</summary>
    private bool _stale;

    public CoursesScreen(ScreenContext context) : base(context, Columns(context), r => r.Session.Name)
    {
    }

    public override string Heading => Strings.Get("Screen_Courses");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_OpenSession"),
        .. Context.IsAdministrator
            ? new KeyHelp[]
            {
                Help("k", "Key_Catalogue"), Help("a", "Key_ScheduleSelected"),
            }
            : [],
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<SessionRow>> Columns(ScreenContext context) =>
    [
        new(Strings.Get("Col_Course"), r => r.Code, r => r.Code),
        new(Strings.Get("Col_Title"), r => r.Title, r => r.Title, MaxWidth: 24),
        new(Strings.Get("Col_Dates"), r => Format.Dates(r.Session.StartDate, r.Session.EndDate), r => Format.Day(r.Session.StartDate)),
        new(Strings.Get("Col_Venue"), r => r.Session.Venue, r => r.Session.Venue, MaxWidth: 20),
        new(Strings.Get("Col_Language"), r => r.Session.LanguageCode, r => r.Session.LanguageCode),
        new(Strings.Get("Col_SeatsLeft"), r => r.SeatsLeft is { } left ? $"{left}/{r.Session.Seats}" : $"?/{r.Session.Seats}", r => r.SeatsLeft),
        new(Strings.Get("Col_Nominations"), r => Format.Window(r.Session, context.Clock.GetUtcNow().UtcDateTime), r => Format.WindowOpen(r.Session, context.Clock.GetUtcNow().UtcDateTime)),
    ];

    public override void OnShown()
    {
        if (Source.TotalRows == 0 || _stale) Reload();
        _stale = false;
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync()
    {
        Summary = Strings.Get("Courses_Loading");
        await Context.Load(_load,
            async ct =>
            {
                // Both lists at once: the first screen waits for one round trip, not two.
                var sessions = Context.Client.ListSessionsAsync(Context.Today, ct);
                var courses = Context.Client.ListCoursesAsync(ct);
                return (Sessions: await sessions, Courses: await courses);
            },
            result =>
            {
                var courses = result.Courses.ToDictionary(c => c.Name);
                ShowRows(result.Sessions.Select(s => new SessionRow(s, courses.GetValueOrDefault(Format.CourseOf(s.Name)), null)).ToList());
                UpdateSummary();
                _ = LoadFiguresAsync(Source.AllRows);
            },
            error => Summary = Strings.Format("Courses_LoadFailed", error.Message));
    }

    /// <summary>Seats left are figures, a read of their own per session: fetched after the list is on screen.</summary>
    private async Task LoadFiguresAsync(IReadOnlyList<SessionRow> rows)
    {
        await Context.Load(_figures,
            async ct =>
            {
                var figures = new List<SessionStatistics>();
                foreach (var row in rows) figures.Add(await Context.Client.GetSessionStatisticsAsync(row.Session.Name, ct));
                return figures;
            },
            figures =>
            {
                var byName = figures.ToDictionary(f => f.Session);
                ShowRows(Source.AllRows.Select(r => r with { Figures = byName.GetValueOrDefault(r.Session.Name) ?? r.Figures }).ToList());
            },
            _ => { });
    }

    private void UpdateSummary() =>
        Summary = Source.TotalRows == 0
            ? Strings.Get("Courses_None")
            : Strings.Format("Courses_Summary", Source.Rows, Source.TotalRows);

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(SessionRow row, string foldedFilter) =>
        Folding.Fold($"{row.Code} {row.Title} {row.Session.Venue} {row.Session.LanguageCode}").Contains(foldedFilter);

    protected override void Open(SessionRow row) => Context.Navigator.Push(new SessionScreen(Context, row.Session, row.Course, ShowSession, Forget));

    public override bool HandleKey(Key key)
    {
        if (Context.IsAdministrator && key == Key.K)
        {
            Context.Navigator.Push(new CourseCatalogueScreen(Context, ShowSession));
            return true;
        }
        if (Context.IsAdministrator && key == Key.A)
        {
            if (Selected is not { Course: { } course })
            {
                Context.Status.ShowError(Strings.Get("Courses_ScheduleWhich"));
                return true;
            }
            if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _vocabularyLoad);
            Context.Navigator.Push(new SessionFormScreen(Context, course, null, _vocabulary, ShowSession));
            return true;
        }
        return base.HandleKey(key);
    }

    /// <summary>A session scheduled, edited or moved by an administrator: its row updated (or added) in place.</summary>
    private void ShowSession(Session session)
    {
        var course = Source.AllRows.FirstOrDefault(r => r.Course?.Name == Format.CourseOf(session.Name))?.Course;
        var figures = Source.AllRows.FirstOrDefault(r => r.Session.Name == session.Name)?.Figures;
        ShowRow(new SessionRow(session, course, figures));
        UpdateSummary();
        _stale = true;
    }

    private void Forget(string session)
    {
        ShowRows(Source.AllRows.Where(r => r.Session.Name != session).ToList());
        UpdateSummary();
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _figures.Cancel();
        _vocabularyLoad.Cancel();
    }
}
