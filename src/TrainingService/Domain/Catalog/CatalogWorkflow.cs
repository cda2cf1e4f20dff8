using System.Text.Json;
using System.Text.RegularExpressions;
using Training.Service.Domain.Common;

namespace Training.Service.Domain.Catalog;

/// <summary>
/// The catalogue's use cases. Each change is one transaction holding the change and its one audit event, and
/// moves the resource's revision (its etag) and update time. A change that changes nothing writes nothing.
/// </summary>
public sealed partial class CatalogWorkflow(
    ITrainingStore store,
    ICourseRepository courses,
    ISessionRepository sessions,
    IAuditTrail audit,
    IRequestLedger ledger,
    Nominations.NominationWorkflow nominations,
    TimeProvider clock)
{
    private const int MaxIdLength = 63;

    /// <summary>
    /// Publishes a course under <paramref name="courseId"/>, or under an id derived from its code when null.
    /// A retry with the same <paramref name="requestId"/> returns the course the first request created.
    /// </summary>
    public Task<Course> CreateCourseAsync(Actor actor, string? courseId, Course draft, RequestIdentity? requestId, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var requestKey = requestId?.In("CreateCourse");
        if (ledger.Earlier(requestKey) is { } earlier)
            return courses.Find(earlier["courses/".Length..]) ?? throw new NotFoundException(earlier);

        draft.Id = courseId ?? NewCourseId(draft.Code);
        if (courses.Find(draft.Id) is not null) throw new AlreadyExistsException(draft.Name);
        draft.CreateTime = draft.UpdateTime = Now();
        draft.Revision = 1;
        courses.Insert(draft);
        if (requestKey is not null) ledger.Remember(requestKey, draft.Name);
        audit.Record(actor, draft.Name, new Phrase("Audit_CourseCreated", draft.Code, draft.Title));
        return draft;
    }, cancellation);

    /// <summary>Replaces the writable fields of a course with those of <paramref name="draft"/> (the whole new course).</summary>
    public Task<Course> UpdateCourseAsync(Actor actor, string courseId, Course draft, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var course = LoadCourse(courseId);
        Etag.Check(etag, course.Revision, course.Name);
        var changed = ChangedFields(CourseFields, course, draft);
        if (changed.Count == 0) return course;

        course.Code = draft.Code;
        course.Title = draft.Title;
        course.Description = draft.Description;
        course.Category = draft.Category;
        course.LanguageCode = draft.LanguageCode;
        course.Requirements = draft.Requirements;
        course.CertificateValidityMonths = draft.CertificateValidityMonths;
        Touch(course);
        courses.Update(course);
        audit.Record(actor, course.Name, new Phrase("Audit_Updated", string.Join(", ", changed)));
        return course;
    }, cancellation);

    /// <summary>Deletes a course; refused while it has sessions, so no session is left without its course.</summary>
    public Task DeleteCourseAsync(Actor actor, string courseId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var course = LoadCourse(courseId);
        Etag.Check(etag, course.Revision, course.Name);
        if (sessions.AnyForCourse(courseId))
            throw new RuleViolationException("COURSE_HAS_SESSIONS", course.Name,
                $"{course.Code} has sessions; a course can be deleted only when it has none.");
        if (courses.RequiringPrerequisite(courseId).FirstOrDefault() is { } dependent)
            throw new RuleViolationException("COURSE_IS_PREREQUISITE", course.Name,
                $"{dependent.Code} requires {course.Code} as a prerequisite; remove it there first.");
        courses.Delete(courseId);
        audit.Record(actor, course.Name, new Phrase("Audit_CourseDeleted", course.Code));
    }, cancellation);

    /// <summary>
    /// Schedules a DRAFT session of a course under <paramref name="sessionId"/>, or a random id when null. Its
    /// language defaults to the course's. A retry with the same <paramref name="requestId"/> returns the first result.
    /// </summary>
    public Task<Session> CreateSessionAsync(Actor actor, string courseId, string? sessionId, Session draft, RequestIdentity? requestId, CancellationToken cancellation = default) =>
        store.WriteAsync(() =>
        {
            var requestKey = requestId?.In($"CreateSession|{ResourceNames.Course(courseId)}");
            if (ledger.Earlier(requestKey) is { } earlier)
                return FindSessionNamed(earlier) ?? throw new NotFoundException(earlier);

            var course = LoadCourse(courseId);
            draft.CourseId = courseId;
            draft.Id = sessionId ?? IdGenerator.New();
            draft.Key = Session.KeyOf(courseId, draft.Id);
            if (sessions.Find(courseId, draft.Id) is not null) throw new AlreadyExistsException(draft.Name);
            if (draft.LanguageCode.Length == 0) draft.LanguageCode = course.LanguageCode;
            draft.State = SessionState.Draft;
            draft.CancelReason = "";
            draft.CreateTime = draft.UpdateTime = Now();
            draft.Revision = 1;
            sessions.Insert(draft);
            if (requestKey is not null) ledger.Remember(requestKey, draft.Name);
            audit.Record(actor, draft.Name, new Phrase("Audit_SessionScheduled", course.Code, draft.StartDate, draft.EndDate, draft.Venue));
            return draft;
        }, cancellation);

    /// <summary>
    /// Replaces the writable fields of a session with those of <paramref name="draft"/> (the whole new session).
    /// Never changes its state; seats never drop below those confirmed.
    /// </summary>
    public Task<Session> UpdateSessionAsync(Actor actor, string courseId, string sessionId, Session draft, string? etag, CancellationToken cancellation = default) =>
        store.WriteAsync(() =>
        {
            var session = LoadSession(courseId, sessionId);
            Etag.Check(etag, session.Revision, session.Name);
            if (session.State is SessionState.Completed or SessionState.Cancelled)
                throw new RuleViolationException("SESSION_FINISHED", session.Name,
                    $"The session is {session.State.ToString().ToUpperInvariant()}; it can no longer be changed.");
            if (draft.LanguageCode.Length == 0) draft.LanguageCode = LoadCourse(courseId).LanguageCode;
            var changed = ChangedFields(SessionFields, session, draft);
            if (changed.Count == 0) return session;

            var addedSeats = draft.Seats > session.Seats;
            if (draft.Seats != session.Seats) session.ChangeSeats(draft.Seats, nominations.ConfirmedSeats(session));
            session.Venue = draft.Venue;
            session.Online = draft.Online;
            session.StartDate = draft.StartDate;
            session.EndDate = draft.EndDate;
            session.MinimumSeats = draft.MinimumSeats;
            session.NominationOpenTime = draft.NominationOpenTime;
            session.NominationCloseTime = draft.NominationCloseTime;
            session.Allocations = draft.Allocations;
            session.LanguageCode = draft.LanguageCode;
            Touch(session);
            sessions.Update(session);
            audit.Record(actor, session.Name, new Phrase("Audit_Updated", string.Join(", ", changed)));
            if (addedSeats) nominations.PromoteWaitlisted(session);
            return session;
        }, cancellation);

    /// <summary>Deletes a session still in DRAFT (which has never taken nominations); others are cancelled instead.</summary>
    public Task DeleteSessionAsync(Actor actor, string courseId, string sessionId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var session = LoadSession(courseId, sessionId);
        Etag.Check(etag, session.Revision, session.Name);
        if (session.State != SessionState.Draft)
            throw new RuleViolationException("SESSION_NOT_DRAFT", session.Name,
                $"Only a DRAFT session can be deleted; this one is {session.State.ToString().ToUpperInvariant()}. Cancel it instead.");
        sessions.Delete(session);
        audit.Record(actor, session.Name, new Phrase("Audit_SessionDeleted"));
    }, cancellation);

    public Task<Session> OpenSessionAsync(Actor actor, string courseId, string sessionId, string? etag, CancellationToken cancellation = default) =>
        TransitionAsync(actor, courseId, sessionId, etag, cancellation, s => s.Open(), new Phrase("Audit_SessionOpened"));

    public Task<Session> CloseSessionAsync(Actor actor, string courseId, string sessionId, string? etag, CancellationToken cancellation = default) =>
        TransitionAsync(actor, courseId, sessionId, etag, cancellation, s => s.Close(), new Phrase("Audit_SessionClosed"));

    public Task<Session> CompleteSessionAsync(Actor actor, string courseId, string sessionId, string? etag, CancellationToken cancellation = default) =>
        TransitionAsync(actor, courseId, sessionId, etag, cancellation, s => s.Complete(Dates.Today(clock)), new Phrase("Audit_SessionCompleted"));

    /// <summary>Cancels a session and, in the same transaction, every live nomination to it, with the reason.</summary>
    public Task<Session> CancelSessionAsync(Actor actor, string courseId, string sessionId, string? etag, string reason,
        CancellationToken cancellation = default) =>
        TransitionAsync(actor, courseId, sessionId, etag, cancellation, session =>
        {
            session.Cancel(reason);
            nominations.CancelAllFor(actor, session, reason);
        }, new Phrase("Audit_SessionCancelled", reason));

    private Task<Session> TransitionAsync(Actor actor, string courseId, string sessionId, string? etag, CancellationToken cancellation,
        Action<Session> move, Phrase summary) =>
        store.WriteAsync(() =>
        {
            var session = LoadSession(courseId, sessionId);
            Etag.Check(etag, session.Revision, session.Name);
            move(session);
            Touch(session);
            sessions.Update(session);
            audit.Record(actor, session.Name, summary);
            return session;
        }, cancellation);

    private Course LoadCourse(string courseId) =>
        courses.Get(courseId) ?? throw new NotFoundException(ResourceNames.Course(courseId));

    private Session LoadSession(string courseId, string sessionId) =>
        sessions.Get(courseId, sessionId) ?? throw new NotFoundException(ResourceNames.Session(courseId, sessionId));

    /// <summary>The session named "courses/{course_id}/sessions/{session_id}", as the request ledger remembers it.</summary>
    private Session? FindSessionNamed(string name)
    {
        var parts = name.Split('/');
        return sessions.Find(parts[1], parts[3]);
    }

    /// <summary>
    /// An id from the course code ("UNPOL STM (2027)" becomes "unpol-stm-2027"), with a short random suffix when
    /// a course already holds it, so creating from the code alone never collides.
    /// </summary>
    private string NewCourseId(string code)
    {
        var id = IdFromCode(code);
        var stem = id[..Math.Min(id.Length, MaxIdLength - 5)].TrimEnd('-');
        while (courses.Find(id) is not null) id = $"{stem}-{IdGenerator.New()[..4]}";
        return id;
    }

    /// <summary>Accents folded, lower case, every run of other characters one hyphen; ids start with a letter.</summary>
    private static string IdFromCode(string code)
    {
        var id = NotIdCharacters().Replace(NameFolding.Fold(code), "-").Trim('-');
        if (id.Length == 0 || !char.IsAsciiLetter(id[0])) id = ("course-" + id).TrimEnd('-');
        return id[..Math.Min(id.Length, MaxIdLength)].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();

    /// <summary>Stored times keep milliseconds (LiteDB's precision), so a created resource reads back as it was returned.</summary>
    private DateTime Now()
    {
        var now = clock.UtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private void Touch(Course course)
    {
        course.Revision++;
        course.UpdateTime = Now();
    }

    private void Touch(Session session)
    {
        session.Revision++;
        session.UpdateTime = Now();
    }

    /// <summary>The writable fields by their API names, as the audit trail names them; compared as JSON so nested lists compare by value.</summary>
    private static readonly (string Field, Func<Course, object> Value)[] CourseFields =
    [
        ("code", c => c.Code),
        ("title", c => c.Title),
        ("description", c => c.Description),
        ("category", c => c.Category),
        ("language_code", c => c.LanguageCode),
        ("requirements", c => c.Requirements),
        ("certificate_validity_months", c => c.CertificateValidityMonths),
    ];

    private static readonly (string Field, Func<Session, object> Value)[] SessionFields =
    [
        ("venue", s => s.Venue),
        ("online", s => s.Online),
        ("start_date", s => s.StartDate),
        ("end_date", s => s.EndDate),
        ("seats", s => s.Seats),
        ("minimum_seats", s => s.MinimumSeats),
        ("nomination_open_time", s => s.NominationOpenTime),
        ("nomination_close_time", s => s.NominationCloseTime),
        ("allocations", s => s.Allocations),
        ("language_code", s => s.LanguageCode),
    ];

    private static List<string> ChangedFields<T>((string Field, Func<T, object> Value)[] fields, T before, T after) =>
        fields.Where(f => JsonSerializer.Serialize(f.Value(before)) != JsonSerializer.Serialize(f.Value(after)))
            .Select(f => f.Field)
            .ToList();
}
