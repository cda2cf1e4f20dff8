using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// Schedules a session of a course (as a draft: Member States see it once it is opened) or edits one: venue, dates,
/// seats and quotas, the nomination window, the language of the edition. An edit sends only the changed fields;
/// added seats promote the waitlist, and seats never go below those confirmed (the service says so).
/// </summary>
public sealed class SessionFormScreen : FormScreen
{
    private readonly Course _course;
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<Session> _saved;
    private readonly CallSlot _save = new();
    private readonly Session? _stored;
    private string _requestId = Guid.NewGuid().ToString();

    public SessionFormScreen(ScreenContext context, Course course, Session? session, RosterVocabulary vocabulary, Action<Session> saved)
        : base(context, SessionDraft.Fields, SessionDraft.Text(session))
    {
        _course = course;
        _stored = session;
        _vocabulary = vocabulary;
        _saved = saved;
        Fill(session is null ? NewSession(context) : SessionDraft.Text(session));
        Intro = session is null
            ? Strings.Format("SessionForm_IntroNew", course.Code, course.Title)
            : $"{course.Code} · {session.Name} · {Format.SessionState(session.State)}";
    }

    /// <summary>A new session: nominations open from now, taught in the course's language.</summary>
    private static IReadOnlyDictionary<string, string> NewSession(ScreenContext context) =>
        new Dictionary<string, string>(SessionDraft.Text(null))
        {
            [SessionDraft.Opens] = FieldText.Instant(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(context.Clock.GetUtcNow())),
        };

    public override string Heading => _stored is null
        ? Strings.Format("SessionForm_HeadingNew", _course.Code)
        : Strings.Format("SessionForm_HeadingEdit", _course.Code, Format.Dates(_stored.StartDate, _stored.EndDate));

    protected override bool IsNew => _stored is null;

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) =>
        SessionDraft.Read(values, _vocabulary).Problems;

    protected override async Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        var session = SessionDraft.Read(values, _vocabulary).Session;
        var stored = _stored;
        if (stored is not null)
        {
            session.Name = stored.Name;
            session.Etag = stored.Etag;
        }
        await Context.Load(_save,
            ct => stored is null
                ? Context.Client.CreateSessionAsync(_course.Name, session, _requestId, ct)
                : Context.Client.UpdateSessionAsync(session, changedKeys, ct),
            result =>
            {
                _saved(result);
                Saved(stored is null
                    ? Strings.Format("SessionForm_Scheduled", _course.Code, Format.Dates(result.StartDate, result.EndDate))
                    : Strings.Format("SessionForm_Saved", _course.Code, Format.Dates(result.StartDate, result.EndDate), Captions(changedKeys)));
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
