using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// Publishes a course or edits one (administrators): code, title, category, language, what it asks of nominees and
/// how long a completion counts. An edit sends only the changed fields with the etag read.
/// </summary>
public sealed class CourseFormScreen : FormScreen
{
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<Course> _saved;
    private readonly CallSlot _save = new();
    private readonly Course? _stored;
    private string _requestId = Guid.NewGuid().ToString();

    /// <param name="course">The course as last read, or null to publish a new one.</param>
    /// <param name="saved">Called with the course as stored, to update the list beneath.</param>
    public CourseFormScreen(ScreenContext context, Course? course, RosterVocabulary vocabulary, Action<Course> saved)
        : base(context, CourseDraft.Fields, CourseDraft.Text(course))
    {
        _stored = course;
        _vocabulary = vocabulary;
        _saved = saved;
        Fill(CourseDraft.Text(course));
        Intro = course is null
            ? Strings.Get("CourseForm_IntroNew")
            : Strings.Format("CourseForm_IntroEdit", course.Name, Format.Instant(course.UpdateTime));
    }

    public override string Heading => _stored is null ? Strings.Get("CourseForm_HeadingNew") : Strings.Format("CourseForm_HeadingEdit", _stored.Code);

    protected override bool IsNew => _stored is null;

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) =>
        CourseDraft.Read(values, _vocabulary).Problems;

    protected override async Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        var course = CourseDraft.Read(values, _vocabulary).Course;
        var stored = _stored;
        if (stored is not null)
        {
            course.Name = stored.Name;
            course.Etag = stored.Etag;
        }
        await Context.Load(_save,
            ct => stored is null
                ? Context.Client.CreateCourseAsync(course, "", _requestId, ct)
                : Context.Client.UpdateCourseAsync(course, changedKeys, ct),
            result =>
            {
                _saved(result);
                Saved(stored is null
                    ? Strings.Format("CourseForm_Published", result.Code, result.Title)
                    : Strings.Format("CourseForm_Saved", result.Code, Captions(changedKeys)));
            },
            error =>
            {
                if (!error.ServerUnreachable) _requestId = Guid.NewGuid().ToString();
                Refused(error);
            });
    }

    public override void OnClosed()
    {
        Closed = true;
        _save.Cancel();
    }
}
