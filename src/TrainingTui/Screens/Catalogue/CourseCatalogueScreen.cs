using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// The course catalogue for administrators: every course with its category, language and what it asks of nominees.
/// Add (a), edit (Enter, e) and delete (d, asked first; refused while it has sessions) courses, and schedule a
/// session of one (n).
/// </summary>
public sealed class CourseCatalogueScreen : TableScreen<Course>
{
    private readonly CallSlot _load = new();
    private readonly CallSlot _vocabularyLoad = new();
    private readonly CallSlot _delete = new();
    private readonly RosterVocabulary _vocabulary = new();
    private readonly Action<Session> _scheduled;
    private bool _loaded;

    /// <param name="scheduled">Called with each session scheduled from here, for the sessions list beneath.</param>
    public CourseCatalogueScreen(ScreenContext context, Action<Session> scheduled) : base(context, Columns(), c => c.Name, detailsHeight: 2)
    {
        _scheduled = scheduled;
        Table.ValueChanged += (_, _) => ShowSelected();
    }

    public override string Heading => "Catalogue";

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("a", "Key_AddCourse"),
        Help("Enter e", "Key_EditCourse"),
        Help("n", "Key_ScheduleOfIt"),
        Help("d Del", "Key_DeleteCourse"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<Course>> Columns() =>
    [
        new("CODE", c => c.Code, c => c.Code, MaxWidth: 16),
        new("TITLE", c => c.Title, c => Folding.Fold(c.Title), MaxWidth: 34),
        new("CATEGORY", c => Category(c.Category), c => (int)c.Category, MaxWidth: 11),
        new("LANG", c => c.LanguageCode, c => c.LanguageCode, MaxWidth: 4),
        new("VALID", c => c.CertificateValidityMonths > 0 ? $"{c.CertificateValidityMonths} mo" : "always", c => c.CertificateValidityMonths, MaxWidth: 7),
    ];

    private static string Category(CourseCategory category) =>
        category == CourseCategory.Unspecified ? "—" : CourseDraft.CategoryNames[(int)category - 1];

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload()
    {
        _ = _vocabulary.LoadAsync(Context, _vocabularyLoad);
        _ = LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!_loaded) Summary = "Loading the catalogue…";
        await Context.Load(_load,
            ct => Context.Client.ListCoursesAsync(ct),
            courses =>
            {
                _loaded = true;
                ShowRows(courses);
                UpdateSummary();
                ShowSelected();
            },
            error => Summary = $"Could not load the catalogue: {error.Message}");
    }

    /// <summary>What the selected course asks of nominees, whole: it wraps above the table.</summary>
    private void ShowSelected() =>
        Details.Text = Selected is { } course ? $"{course.Code}: {Describe.Requirements(course)}" : "";

    private void UpdateSummary() => Summary = Source.TotalRows == 0
        ? "No courses yet: a adds the first."
        : $"{Source.TotalRows} courses" + (Source.Rows != Source.TotalRows ? $" ({Source.Rows} shown by the filter)" : "") + " — a adds, Enter edits, n schedules";

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Course row, string foldedFilter) =>
        Folding.Fold($"{row.Code} {row.Title} {Category(row.Category)} {row.LanguageCode}").Contains(foldedFilter);

    protected override void Open(Course row) => Edit(row);

    private void Edit(Course? course) => Context.Navigator.Push(new CourseFormScreen(Context, course, _vocabulary, saved =>
    {
        ShowRow(saved);
        UpdateSummary();
        ShowSelected();
    }));

    public override bool HandleKey(Key key)
    {
        if (key == Key.A)
        {
            Edit(null);
            return true;
        }
        if (key == Key.E && Selected is { } editing)
        {
            Edit(editing);
            return true;
        }
        if (key == Key.N && Selected is { } course)
        {
            Context.Navigator.Push(new SessionFormScreen(Context, course, null, _vocabulary, _scheduled));
            return true;
        }
        if ((key == Key.D || key == Key.Delete) && Selected is { } doomed)
        {
            _ = DeleteAsync(doomed);
            return true;
        }
        return base.HandleKey(key);
    }

    private async Task DeleteAsync(Course course)
    {
        if (!Context.Dialogs.Confirm("Delete the course",
                $"Delete {course.Code}, {course.Title}, from the catalogue? A course with sessions cannot be deleted.", "Delete"))
            return;
        await Context.Load(_delete,
            async ct =>
            {
                await Context.Client.DeleteCourseAsync(course.Name, course.Etag, ct);
                return true;
            },
            _ =>
            {
                ShowRows(Source.AllRows.Where(c => c.Name != course.Name).ToList());
                UpdateSummary();
                ShowSelected();
                Context.Status.ShowInfo($"Deleted {course.Code} from the catalogue.");
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError($"{course.Code} was not deleted: " +
                    (error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message));
            });
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _vocabularyLoad.Cancel();
        _delete.Cancel();
    }
}
