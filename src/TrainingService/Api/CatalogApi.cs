using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Security;
using Training.Service.Storage;
using Unpol.Training.V1;
using Proto = Unpol.Training.V1;
using SessionState = Training.Service.Domain.Catalog.SessionState;

namespace Training.Service.Api;

/// <summary>
/// The course catalogue. The interceptor has already checked the caller's right for each method (everyone
/// reads, administrators write); every request is validated whole before the workflow runs.
/// </summary>
public sealed class CatalogApi(
    CatalogWorkflow workflow,
    PageTokens pageTokens,
    ICourseRepository courses,
    ISessionRepository sessions,
    IReferenceData reference) : CatalogService.CatalogServiceBase
{
    private const int DefaultPageSize = 50, MaxPageSize = 500;

    public override async Task<Proto.Course> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        var courseId = v.OptionalId("course_id", request.CourseId);
        var requestId = v.RequestId("request_id", request.RequestId, request);
        if (request.Course is null) v.Add("course", "is required.");
        var draft = request.Course is null ? null : v.ToCourse(request.Course, reference, PrerequisiteProblem(courseId, []));
        v.ThrowIfInvalid();
        return (await workflow.CreateCourseAsync(actor, courseId, draft!, requestId, context.CancellationToken)).ToProto();
    }

    public override Task<Proto.Course> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var courseId = Names.Course(v, "name", request.Name);
        v.ThrowIfInvalid();
        return Task.FromResult(LoadCourse(courseId!).ToProto());
    }

    public override Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        var category = v.Enum("category", request.Category, required: false);
        v.ThrowIfInvalid();
        var fingerprint = $"courses|{(int)category}";
        var page = new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint));
        var result = courses.List(category == Proto.CourseCategory.Unspecified ? null : (Domain.Catalog.CourseCategory)category, page);
        return Task.FromResult(new ListCoursesResponse
        {
            Courses = { result.Items.Select(c => c.ToProto()) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    /// <summary>
    /// The masked fields are laid over the stored course and the result is validated whole, so rules across
    /// fields hold against the stored values too. The etag read here guards the write when the caller sent none.
    /// </summary>
    public override async Task<Proto.Course> UpdateCourse(UpdateCourseRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        if (request.Course is null) v.Add("course", "is required.");
        var courseId = request.Course is null ? null : Names.Course(v, "course.name", request.Course.Name);
        var paths = v.Paths(request.UpdateMask, CatalogMapping.CourseWritableFields);
        v.ThrowIfInvalid();

        var current = LoadCourse(courseId!);
        var merged = current.ToProto();
        CatalogMapping.Merge(request.Course!, merged, paths);
        var draft = v.ToCourse(merged, reference, PrerequisiteProblem(courseId, current.Requirements.PrerequisiteCourseIds));
        v.ThrowIfInvalid();
        var etag = EtagOr(request.Course!.Etag, current.Revision);
        return (await workflow.UpdateCourseAsync(actor, courseId!, draft, etag, context.CancellationToken)).ToProto();
    }

    public override async Task<Empty> DeleteCourse(DeleteCourseRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        var courseId = Names.Course(v, "name", request.Name);
        v.ThrowIfInvalid();
        await workflow.DeleteCourseAsync(actor, courseId!, request.Etag, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.Session> CreateSession(CreateSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        var courseId = Names.Course(v, "parent", request.Parent);
        var sessionId = v.OptionalId("session_id", request.SessionId);
        var requestId = v.RequestId("request_id", request.RequestId, request);
        if (request.Session is null) v.Add("session", "is required.");
        var draft = request.Session is null ? null : v.ToSession(request.Session, reference);
        v.ThrowIfInvalid();
        return (await workflow.CreateSessionAsync(actor, courseId!, sessionId, draft!, requestId, context.CancellationToken)).ToProto();
    }

    public override Task<Proto.Session> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        var (courseId, sessionId) = SessionName(request.Name);
        var session = LoadSession(courseId, sessionId);
        if (session.State == SessionState.Draft && !SeesDrafts(context)) throw new NotFoundException(session.Name);
        return Task.FromResult(session.ToProto());
    }

    public override Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var parent = Names.Course(v, "parent", request.Parent, allowWildcard: true);
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        v.MaxCount("states", request.States, 10);
        var states = request.States
            .Select((s, i) => (SessionState)v.Enum($"states[{i}]", s, required: true))
            .Distinct()
            .Order()
            .ToList();
        var startFrom = v.Date("start_date_from", request.StartDateFrom, required: false);
        v.ThrowIfInvalid();

        if (!SeesDrafts(context))
        {
            states = (states.Count > 0 ? states : System.Enum.GetValues<SessionState>().Where(s => s != SessionState.Unspecified))
                .Where(s => s != SessionState.Draft).ToList();
            if (states.Count == 0) return Task.FromResult(new ListSessionsResponse());
        }
        var courseId = parent == "-" ? null : parent;
        if (courseId is not null) LoadCourse(courseId);
        var fingerprint = $"sessions|{courseId}|{string.Join(',', states.Select(s => (int)s))}|{startFrom:O}";
        var page = new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint));
        var result = sessions.List(courseId, states.Count > 0 ? states : null, startFrom, page);
        return Task.FromResult(new ListSessionsResponse
        {
            Sessions = { result.Items.Select(s => s.ToProto()) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    /// <summary>Sessions being prepared are the administrators' business (and the auditors'): others never see drafts.</summary>
    private static bool SeesDrafts(ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context).Role is Security.Role.Administrator or Security.Role.Auditor;

    /// <summary>As <see cref="UpdateCourse"/>: masked fields over the stored session, validated whole.</summary>
    public override async Task<Proto.Session> UpdateSession(UpdateSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        if (request.Session is null) v.Add("session", "is required.");
        var name = request.Session is null ? null : Names.Session(v, "session.name", request.Session.Name);
        var paths = v.Paths(request.UpdateMask, CatalogMapping.SessionWritableFields);
        v.ThrowIfInvalid();

        var (courseId, sessionId) = name!.Value;
        var current = LoadSession(courseId, sessionId);
        var merged = current.ToProto();
        CatalogMapping.Merge(request.Session!, merged, paths);
        var draft = v.ToSession(merged, reference);
        v.ThrowIfInvalid();
        var etag = EtagOr(request.Session!.Etag, current.Revision);
        return (await workflow.UpdateSessionAsync(actor, courseId, sessionId, draft, etag, context.CancellationToken)).ToProto();
    }

    public override async Task<Empty> DeleteSession(DeleteSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var (courseId, sessionId) = SessionName(request.Name);
        await workflow.DeleteSessionAsync(actor, courseId, sessionId, request.Etag, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.Session> OpenSession(OpenSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var (courseId, sessionId) = SessionName(request.Name);
        return (await workflow.OpenSessionAsync(actor, courseId, sessionId, request.Etag, context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Session> CloseSession(CloseSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var (courseId, sessionId) = SessionName(request.Name);
        return (await workflow.CloseSessionAsync(actor, courseId, sessionId, request.Etag, context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Session> CompleteSession(CompleteSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var (courseId, sessionId) = SessionName(request.Name);
        return (await workflow.CompleteSessionAsync(actor, courseId, sessionId, request.Etag, context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Session> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var actor = ActorOf(context);
        var v = new Validator();
        var name = Names.Session(v, "name", request.Name);
        var reason = v.Required("reason", request.Reason, 500);
        v.ThrowIfInvalid();
        var (courseId, sessionId) = name!.Value;
        return (await workflow.CancelSessionAsync(actor, courseId, sessionId, request.Etag, reason, context.CancellationToken)).ToProto();
    }

    private static Actor ActorOf(ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context).ActingIn(MethodRights.Operation(context.Method));

    private static (string CourseId, string SessionId) SessionName(string name)
    {
        var v = new Validator();
        var parsed = Names.Session(v, "name", name);
        v.ThrowIfInvalid();
        return parsed!.Value;
    }

    /// <summary>The caller's etag when sent, otherwise the one just read, so a change made in between is never overwritten.</summary>
    private static string EtagOr(string sent, long readRevision) =>
        string.IsNullOrEmpty(sent) ? Etag.Of(readRevision) : sent;

    /// <summary>
    /// A prerequisite must be another course that exists; those the course already lists are kept as they are,
    /// so an unrelated update never fails on them.
    /// </summary>
    private Func<string, string?> PrerequisiteProblem(string? courseId, IReadOnlyCollection<string> alreadyListed) => id =>
        id == courseId ? "A course cannot be its own prerequisite."
        : alreadyListed.Contains(id) || courses.Find(id) is not null ? null
        : $"{ResourceNames.Course(id)} does not exist.";

    private Domain.Catalog.Course LoadCourse(string courseId) =>
        courses.Find(courseId) ?? throw new NotFoundException(ResourceNames.Course(courseId));

    private Domain.Catalog.Session LoadSession(string courseId, string sessionId) =>
        sessions.Find(courseId, sessionId) ?? throw new NotFoundException(ResourceNames.Session(courseId, sessionId));
}
