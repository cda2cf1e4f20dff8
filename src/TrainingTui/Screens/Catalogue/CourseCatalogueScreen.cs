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

    public override string Heading => Strings.Get("Catalogue_Heading");

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
        new(Strings.Get("Catalogue_ColCode"), c => c.Code, c => c.Code, MaxWidth: 16),
        new(Strings.Get("Col_Title"), c => c.Title, c => Folding.Fold(c.Title), MaxWidth: 34),
        new(Strings.Get("Catalogue_ColCategory"), c => CourseDraft.CategoryName(c.Category), c => (int)c.Category, MaxWidth: 11),
        new(Strings.Get("Col_Language"), c => c.LanguageCode, c => c.LanguageCode, MaxWidth: 6),
        new(Strings.Get("Catalogue_ColValid"), c => c.CertificateValidityMonths > 0 ? Strings.Format("Catalogue_Months", c.CertificateValidityMonths) : Strings.Get("Catalogue_Always"),
            c => c.CertificateValidityMonths, MaxWidth: 8),
    ];

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
        if (!_loaded) Summary = Strings.Get("Courses_Loading");
        await Context.Load(_load,
            ct => Context.Client.ListCoursesAsync(ct),
            courses =>
            {
                _loaded = true;
                ShowRows(courses);
                UpdateSummary();
                ShowSelected();
            },
            error => Summary = Strings.Format("Courses_LoadFailed", error.Message));
    }

    /// <summary>What the selected course asks of nominees, whole: it wraps above the table.</summary>
    private void ShowSelected() =>
        Details.Text = Selected is { } course ? Strings.Format("Catalogue_Selected", course.Code, Describe.Requirements(course)) : "";

    private void UpdateSummary() => Summary = Source.TotalRows == 0
        ? Strings.Get("Catalogue_None")
        : (Format.IsOne(Source.TotalRows) ? Strings.Format("Catalogue_CountOne", Source.TotalRows) : Strings.Format("Catalogue_CountMany", Source.TotalRows)) +
          (Source.Rows != Source.TotalRows ? Strings.Format("Catalogue_Filtered", Source.Rows) : "") + Strings.Get("Catalogue_Keys");

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Course row, string foldedFilter) =>
        Folding.Fold($"{row.Code} {row.Title} {CourseDraft.CategoryName(row.Category)} {row.LanguageCode}").Contains(foldedFilter);

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
        if (!Context.Dialogs.Confirm(Strings.Get("Catalogue_DeleteTitle"),
                Strings.Format("Catalogue_DeleteQuestion", course.Code, course.Title), Strings.Get("Catalogue_Delete")))
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
                Context.Status.ShowInfo(Strings.Format("Catalogue_Deleted", course.Code));
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError(Strings.Format("Catalogue_NotDeleted", course.Code,
                    error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message));
            });
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _vocabularyLoad.Cancel();
        _delete.Cancel();
    }
}
