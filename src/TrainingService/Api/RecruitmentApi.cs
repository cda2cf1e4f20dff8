using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reference;
using Training.Service.Security;
using Training.Service.Storage;
using Unpol.Training.V1;
using Proto = Unpol.Training.V1;
using RecruitmentRequest = Unpol.Training.V1.RecruitmentRequest;

namespace Training.Service.Api;

public sealed class RecruitmentApi(
    RecruitmentWorkflow workflow,
    PageTokens pageTokens,
    IRequestRepository requests,
    RequestMapping mapping,
    CandidateMatcher matcher,
    ICourseRepository courses,
    ISessionRepository sessions,
    IReferenceData reference) : RecruitmentService.RecruitmentServiceBase
{
    private const int DefaultPageSize = 50, MaxPageSize = 500;

    public override async Task<RecruitmentRequest> CreateRequest(CreateRequestRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.OptionalId("recruitment_request_id", request.RecruitmentRequestId);
        var idempotencyKey = v.RequestId("request_id", request.RequestId, request);
        if (request.Request is null) v.Add("request", "is required.");
        var draft = request.Request is null ? null : mapping.FromProto(v, "request", request.Request, RequestMapping.WritableFields);
        v.ThrowIfInvalid();
        return RequestMapping.ToProto(await workflow.CreateAsync(ActorOf(context), id, draft!, idempotencyKey, context.CancellationToken));
    }

    public override Task<RecruitmentRequest> GetRequest(GetRequestRequest request, ServerCallContext context)
    {
        var found = Load(RequestId(request.Name));
        if (found.State == RequestState.Draft && !SeesDrafts(context)) throw new NotFoundException(found.Name);
        return Task.FromResult(RequestMapping.ToProto(found));
    }

    public override Task<ListRequestsResponse> ListRequests(ListRequestsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        v.MaxCount("states", request.States, 10);
        var states = request.States.Select((s, i) => (RequestState)v.Enum($"states[{i}]", s, required: true)).Distinct().Order().ToList();
        string? mission = null;
        if (request.Mission.Length > 0)
        {
            mission = request.Mission.StartsWith("missions/", StringComparison.Ordinal) ? request.Mission["missions/".Length..] : null;
            if (mission is null || reference.Mission(mission) is null) v.Add("mission", "is not a mission, e.g. missions/minusca.");
        }
        v.ThrowIfInvalid();
        if (!SeesDrafts(context))
        {
            states = (states.Count > 0 ? states : System.Enum.GetValues<RequestState>().Where(s => s != RequestState.Unspecified))
                .Where(s => s != RequestState.Draft).ToList();
            if (states.Count == 0) return Task.FromResult(new ListRequestsResponse());
        }
        var fingerprint = $"requests|{string.Join(",", states)}|{mission}";
        var page = requests.List(states.Count > 0 ? states : null, mission, new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint)));
        return Task.FromResult(new ListRequestsResponse
        {
            Requests = { page.Items.Select(RequestMapping.ToProto) },
            NextPageToken = pageTokens.Next(page, fingerprint),
        });
    }

    public override async Task<RecruitmentRequest> UpdateRequest(UpdateRequestRequest request, ServerCallContext context)
    {
        if (request.Request is null) throw new InvalidInputException("request", "is required.");
        var id = RequestId(request.Request.Name, "request.name");
        var v = new Validator();
        var fields = v.Paths(request.UpdateMask, RequestMapping.WritableFields);
        v.ThrowIfInvalid();
        var stored = Load(id);
        var changes = mapping.FromProto(v, "request", request.Request, fields);
        v.ThrowIfInvalid();
        // The deadline rule holds between fields: check it on the request as it will be, stored fields included.
        var deployment = fields.Contains("deployment_date") ? changes.DeploymentDate : stored.DeploymentDate;
        var deadline = fields.Contains("deadline") ? changes.Deadline : stored.Deadline;
        if (DateOnly.FromDateTime(deadline) > deployment) v.Add("request.deadline", "must fall on or before the deployment date.");
        v.ThrowIfInvalid();
        var updated = await workflow.UpdateAsync(ActorOf(context), id, request.Request.Etag, fields, target => RequestMapping.Apply(changes, target, fields), context.CancellationToken);
        return RequestMapping.ToProto(updated);
    }

    public override async Task<Empty> DeleteRequest(DeleteRequestRequest request, ServerCallContext context)
    {
        await workflow.DeleteAsync(ActorOf(context), RequestId(request.Name), request.Etag, context.CancellationToken);
        return new Empty();
    }

    public override async Task<RecruitmentRequest> OpenRequest(OpenRequestRequest request, ServerCallContext context) =>
        RequestMapping.ToProto(await workflow.OpenAsync(ActorOf(context), RequestId(request.Name), request.Etag, context.CancellationToken));

    public override async Task<RecruitmentRequest> CloseRequest(CloseRequestRequest request, ServerCallContext context) =>
        RequestMapping.ToProto(await workflow.CloseAsync(ActorOf(context), RequestId(request.Name), request.Etag, context.CancellationToken));

    public override async Task<RecruitmentRequest> CancelRequest(CancelRequestRequest request, ServerCallContext context)
    {
        var id = RequestId(request.Name);
        var v = new Validator();
        var reason = v.Required("reason", request.Reason, 500);
        v.ThrowIfInvalid();
        return RequestMapping.ToProto(await workflow.CancelAsync(ActorOf(context), id, request.Etag, reason, context.CancellationToken));
    }

    public override Task<MatchCandidatesResponse> MatchCandidates(MatchCandidatesRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var region = v.MemberStateCode("region_code", request.RegionCode, reference);
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        string? requestId = null;
        (string CourseId, string SessionId)? session = null;
        if (request.TargetCase == MatchCandidatesRequest.TargetOneofCase.Request) requestId = Names.Request(v, "request", request.Request);
        else if (request.TargetCase == MatchCandidatesRequest.TargetOneofCase.Session) session = Names.Session(v, "session", request.Session);
        else v.Add("request", "is required: the request (or session) to match against.");
        v.ThrowIfInvalid();
        caller.Demand(Right.ReadOfficers, region!);

        MatchResult result;
        if (requestId is not null)
        {
            var target = Load(requestId);
            if (target.State == RequestState.Draft && !SeesDrafts(context)) throw new NotFoundException(target.Name);
            result = matcher.ForRequest(target, region!, size);
        }
        else
        {
            var (courseId, sessionId) = session!.Value;
            var target = sessions.Find(courseId, sessionId) ?? throw new NotFoundException(ResourceNames.Session(courseId, sessionId));
            var course = courses.Find(courseId) ?? throw new NotFoundException(ResourceNames.Course(courseId));
            result = matcher.ForSession(course, target, courses.Find, key => key.Split('/') is [var c, var s] ? sessions.Find(c, s) : null, region!, size);
        }
        return Task.FromResult(new MatchCandidatesResponse
        {
            Candidates = { result.Candidates.Select(c => new Proto.Candidate
            {
                Officer = c.Officer.Name,
                OfficerDisplayName = c.Officer.DisplayName,
                Gender = (Proto.Gender)c.Officer.Gender,
                Score = c.Score,
                // The caller's language (accept-language); the match itself is shared by callers of every language.
                Components = { c.Components.Select(s => new Proto.ScoreComponent
                {
                    Component = s.Component, Points = s.Points, Explanation = s.Explanation.In(CultureInfo.CurrentUICulture),
                }) },
                Warnings = { c.Warnings.Select(w => w.DescriptionIn(CultureInfo.CurrentUICulture)) },
            }) },
            EligibleCount = result.EligibleCount,
            ConsideredCount = result.ConsideredCount,
            Scoring = CandidateMatcher.Scoring.In(CultureInfo.CurrentUICulture),
        });
    }

    private Domain.Recruitment.RecruitmentRequest Load(string id) =>
        requests.Find(id) ?? throw new NotFoundException(ResourceNames.Request(id));

    private static string RequestId(string name, string field = "name")
    {
        var v = new Validator();
        var id = Names.Request(v, field, name);
        v.ThrowIfInvalid();
        return id!;
    }

    /// <summary>Requests being prepared are the administrators' (and auditors') business.</summary>
    private static bool SeesDrafts(ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context).Role is Security.Role.Administrator or Security.Role.Auditor;

    private static Actor ActorOf(ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context).ActingIn(MethodRights.Operation(context.Method));
}
