using System.Runtime.CompilerServices;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Security;
using Training.Service.Storage;
using Unpol.Training.V1;
using Caller = Training.Service.Security.Caller;
using Nomination = Unpol.Training.V1.Nomination;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

public sealed class NominationApi(
    NominationWorkflow workflow,
    PageTokens pageTokens,
    INominationRepository nominations,
    Domain.Catalog.ISessionRepository sessions,
    NominationFeed feed,
    EligibilityEngine engine,
    Authenticator authenticator,
    IHostApplicationLifetime lifetime) : NominationService.NominationServiceBase
{
    private const int DefaultPageSize = 50, MaxPageSize = 500;

    /// <summary>Stored events read at a time when a watch resumes.</summary>
    private const int ReplayPage = 256;

    public override Task<CheckEligibilityResponse> CheckEligibility(CheckEligibilityRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var officer = Names.Officer(v, "officer", request.Officer);
        var target = Target(v, request.TargetCase == CheckEligibilityRequest.TargetOneofCase.Session, request.Session,
            request.TargetCase == CheckEligibilityRequest.TargetOneofCase.Request, request.Request);
        v.ThrowIfInvalid();
        caller.Demand(Right.ReadOfficers, officer!.Value.RegionCode);

        var result = target!.Session is { } session
            ? workflow.Check(officer.Value.RegionCode, officer.Value.OfficerId, session.CourseId, session.SessionId)
            : workflow.CheckRequest(officer.Value.RegionCode, officer.Value.OfficerId, target.RequestId!);
        return Task.FromResult(new CheckEligibilityResponse
        {
            Eligible = result.Eligible,
            Failures = { result.Failures.Select(NominationMapping.ToProto) },
            Warnings = { result.Warnings.Select(NominationMapping.ToProto) },
        });
    }

    public override async Task<SubmitNominationResponse> SubmitNomination(SubmitNominationRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var region = Names.MemberState(v, "parent", request.Parent);
        if (region is not null) caller.Demand(Right.SubmitNominations, region);
        var requestId = v.RequestId("request_id", request.RequestId, request);
        (string RegionCode, string OfficerId)? officer = null;
        NominationTarget? target = null;
        if (request.Nomination is null) v.Add("nomination", "is required.");
        else
        {
            officer = Names.Officer(v, "nomination.officer", request.Nomination.Officer);
            target = Target(v, request.Nomination.TargetCase == Nomination.TargetOneofCase.Session, request.Nomination.Session,
                request.Nomination.TargetCase == Nomination.TargetOneofCase.Request, request.Nomination.Request, "nomination.");
            if (officer is not null && region is not null && officer.Value.RegionCode != region)
                v.Add("nomination.officer", $"must be an officer of {region}, the parent Member State.");
        }
        v.ThrowIfInvalid();

        var (nomination, warnings) = target!.Session is { } session
            ? await workflow.SubmitAsync(Actor(caller, context), region!, officer!.Value.OfficerId, session.CourseId, session.SessionId,
                requestId, context.CancellationToken)
            : await workflow.SubmitToRequestAsync(Actor(caller, context), region!, officer!.Value.OfficerId, target.RequestId!, requestId,
                context.CancellationToken);
        return new SubmitNominationResponse
        {
            Nomination = NominationMapping.ToProto(nomination),
            Warnings = { warnings.Select(NominationMapping.ToProto) },
        };
    }

    public override Task<Nomination> GetNomination(GetNominationRequest request, ServerCallContext context)
    {
        var (region, id) = NominationName(AuthenticationInterceptor.CallerOf(context), Right.ReadNominations, request.Name);
        var nomination = nominations.Get(region, id) ?? throw new NotFoundException(ResourceNames.Nomination(region, id));
        return Task.FromResult(NominationMapping.ToProto(nomination));
    }

    public override Task<ListNominationsResponse> ListNominations(ListNominationsRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var parent = Names.MemberState(v, "parent", request.Parent, allowWildcard: true);
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        var session = string.IsNullOrEmpty(request.Session) ? null : Names.Session(v, "session", request.Session);
        var officer = string.IsNullOrEmpty(request.Officer) ? null : Names.Officer(v, "officer", request.Officer);
        var requestTarget = string.IsNullOrEmpty(request.Request) ? null : Names.Request(v, "request", request.Request);
        if (session is not null && requestTarget is not null) v.Add("request", "filter by a session or a request, not both.");
        v.MaxCount("states", request.States, 20);
        var states = request.States.Select((s, i) => (NominationState)v.Enum($"states[{i}]", s, required: true)).Distinct().ToList();
        v.ThrowIfInvalid();

        var regions = Readable(caller, parent!);
        var filter = new NominationFilter(
            regions,
            session is not null ? TargetKind.Session : requestTarget is not null ? TargetKind.Request : null,
            session is { } s ? Domain.Catalog.Session.KeyOf(s.CourseId, s.SessionId) : requestTarget,
            officer is { } o ? $"{o.RegionCode}/{o.OfficerId}" : null,
            states.Count > 0 ? states : null);
        var fingerprint = string.Join("|", "nominations", parent, filter.Kind, filter.TargetKey, filter.OfficerKey,
            string.Join(",", states.Order()));
        var watchSequence = feed.LatestSequence;
        var page = nominations.List(filter, new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint)));
        return Task.FromResult(new ListNominationsResponse
        {
            Nominations = { page.Items.Select(NominationMapping.ToProto) },
            NextPageToken = pageTokens.Next(page, fingerprint),
            WatchSequence = watchSequence,
        });
    }

    public override Task<Nomination> ConfirmNomination(ConfirmNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.ConfirmAsync(actor, region, id, request.Etag, cancel));

    public override Task<Nomination> WaitlistNomination(WaitlistNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.WaitlistAsync(actor, region, id, request.Etag, cancel));

    public override Task<Nomination> RejectNomination(RejectNominationRequest request, ServerCallContext context)
    {
        var reason = Reason(request.Reason);
        return Decide(context, request.Name, (actor, region, id, cancel) => workflow.RejectAsync(actor, region, id, request.Etag, reason, cancel));
    }

    public override Task<Nomination> ReconsiderNomination(ReconsiderNominationRequest request, ServerCallContext context)
    {
        var reason = Reason(request.Reason);
        return Decide(context, request.Name, (actor, region, id, cancel) => workflow.ReconsiderAsync(actor, region, id, request.Etag, reason, cancel));
    }

    public override Task<Nomination> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var outcome = v.Enum("outcome", request.Outcome, required: true);
        v.ThrowIfInvalid();
        return Decide(context, request.Name, (actor, region, id, cancel) => workflow.RecordOutcomeAsync(actor, region, id, request.Etag, (SessionOutcome)outcome, cancel));
    }

    public override async Task<Nomination> WithdrawNomination(WithdrawNominationRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var (region, id) = NominationName(caller, Right.SubmitNominations, request.Name);
        var reason = Reason(request.Reason);
        var nomination = await workflow.WithdrawAsync(Actor(caller, context), region, id, request.Etag, reason, context.CancellationToken);
        return NominationMapping.ToProto(nomination);
    }

    public override Task<Nomination> ShortlistNomination(ShortlistNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.ShortlistAsync(actor, region, id, request.Etag, cancel));

    public override Task<Nomination> SelectNomination(SelectNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.SelectAsync(actor, region, id, request.Etag, cancel));

    public override Task<Nomination> ClearNomination(ClearNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.ClearAsync(actor, region, id, request.Etag, cancel));

    public override Task<Nomination> DeployNomination(DeployNominationRequest request, ServerCallContext context) =>
        Decide(context, request.Name, (actor, region, id, cancel) => workflow.DeployAsync(actor, region, id, request.Etag, cancel));

    public override Task<SessionStatistics> GetSessionStatistics(GetSessionStatisticsRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var name = Names.Session(v, "session", request.Session);
        v.ThrowIfInvalid();
        var session = sessions.Find(name!.Value.CourseId, name.Value.SessionId)
            ?? throw new NotFoundException(ResourceNames.Session(name.Value.CourseId, name.Value.SessionId));
        var figures = SessionFigures.Of(session, nominations.ForTarget(TargetKind.Session, session.Key),
            caller.MemberStatesFor(Right.ReadNominations), engine.Policy.MinimumOtherMemberStatesInFigures);
        var threshold = engine.Policy.ParityThreshold;
        return Task.FromResult(new SessionStatistics
        {
            Session = session.Name,
            Seats = session.Seats,
            SeatsAvailable = figures.SeatsAvailable,
            Overall = NominationMapping.ToProto(figures.Overall, threshold),
            MemberStates = { figures.MemberStates.Select(m => new MemberStateFigures
            {
                RegionCode = m.RegionCode,
                Figures = NominationMapping.ToProto(m.Counts, threshold),
                Quota = m.Quota,
                Cap = m.Cap,
            }) },
            ParityThreshold = threshold,
            ParityTarget = engine.Policy.ParityTarget,
            OtherMemberStatesWithheld = figures.OtherMemberStatesWithheld,
        });
    }

    public override async Task WatchNominations(WatchNominationsRequest request, IServerStreamWriter<NominationEvent> responseStream, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var parent = Names.MemberState(v, "parent", request.Parent, allowWildcard: true);
        var session = string.IsNullOrEmpty(request.Session) ? null : Names.Session(v, "session", request.Session);
        if (request.SinceSequence < 0) v.Add("since_sequence", "must not be negative.");
        v.ThrowIfInvalid();
        var regions = Readable(caller, parent!);
        var targetIndexKey = session is { } s
            ? Domain.Nominations.Nomination.TargetIndexKeyOf(TargetKind.Session, Domain.Catalog.Session.KeyOf(s.CourseId, s.SessionId))
            : null;
        bool Visible(NominationEventRecord e) =>
            (regions is null || regions.Contains(e.RegionCode)) && (targetIndexKey is null || e.TargetIndexKey == targetIndexKey);

        // Subscribe before replaying the stored events, so nothing committed in between is missed;
        // live events already replayed are skipped by their sequence.
        using var subscription = feed.Subscribe();
        // A watch lasts until its caller leaves, the service stops (UNAVAILABLE, and where to resume) or the caller's
        // token stops being valid (UNAUTHENTICATED, within a second, even when no event comes).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var lost = new StrongBox<UnauthenticatedException?>();
        _ = GuardCredentialAsync(caller, ending, lost);
        var lastSent = request.SinceSequence;
        // The headers go out as soon as the watch is accepted, before any change: a client over a slow or silent link
        // then knows the watch is open (and shows it live) without waiting for the first event.
        Task Accepted() => context.WriteResponseHeadersAsync(new Metadata());
        try
        {
            if (request.SinceSequence > 0)
            {
                if (request.SinceSequence < feed.PurgedThrough)
                    throw new OutOfRangeException("SEQUENCE_EXPIRED",
                        $"Events up to sequence {feed.PurgedThrough} are no longer kept; list the nominations again and watch from the sequence the list returns.");
                if (request.SinceSequence > feed.LatestSequence)
                    throw new OutOfRangeException("SEQUENCE_AHEAD",
                        $"Sequence {request.SinceSequence} has not happened yet (the latest is {feed.LatestSequence}).");
                await Accepted();
                IReadOnlyList<NominationEventRecord> stored;
                do
                {
                    stored = feed.After(lastSent, ReplayPage);
                    foreach (var change in stored)
                    {
                        ending.Token.ThrowIfCancellationRequested();
                        lastSent = change.Sequence;
                        if (!Visible(change)) continue;
                        authenticator.Recheck(caller);
                        await responseStream.WriteAsync(NominationMapping.ToProto(change), ending.Token);
                    }
                }
                while (stored.Count == ReplayPage);
            }
            else
            {
                lastSent = feed.LatestSequence;
                await Accepted();
            }

            await foreach (var live in subscription.Events.ReadAllAsync(ending.Token))
            {
                if (live.Sequence <= lastSent) continue;
                lastSent = live.Sequence;
                if (!Visible(live)) continue;
                authenticator.Recheck(caller);
                await responseStream.WriteAsync(NominationMapping.ToProto(live), ending.Token);
            }
        }
        catch (WatcherFellBehindException)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"This watcher fell too far behind; watch again from sequence {lastSent}."));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away: the stream simply ends.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The service is stopping; watch again from sequence {lastSent} once it is back."));
        }
        catch (OperationCanceledException) when (lost.Value is not null)
        {
            throw lost.Value;
        }
        finally
        {
            await ending.CancelAsync();
        }
    }

    /// <summary>How often an open watch checks that its caller's token is still valid (tokens are in memory: cheap).</summary>
    private static readonly TimeSpan CredentialCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Checks the caller's token while the watch lasts; when it is revoked, deleted or expires, records why in
    /// <paramref name="lost"/> and ends the watch.
    /// </summary>
    private async Task GuardCredentialAsync(Caller caller, CancellationTokenSource ending, StrongBox<UnauthenticatedException?> lost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CredentialCheck, ending.Token);
                authenticator.Recheck(caller);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended for another reason.
        }
        catch (UnauthenticatedException why)
        {
            lost.Value = why;
            await ending.CancelAsync();
        }
    }

    private static async Task<Nomination> Decide(ServerCallContext context, string name,
        Func<Actor, string, string, CancellationToken, Task<Domain.Nominations.Nomination>> decision)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var (region, id) = NominationName(caller, Right.DecideNominations, name);
        return NominationMapping.ToProto(await decision(Actor(caller, context), region, id, context.CancellationToken));
    }

    /// <summary>The Member States a listing or watch covers; a focal point must name its own.</summary>
    private static IReadOnlyCollection<string>? Readable(Caller caller, string parent)
    {
        if (parent != Names.AnyMemberState)
        {
            caller.Demand(Right.ReadNominations, parent);
            return [parent];
        }
        if (caller.Role == Security.Role.FocalPoint)
            throw new PermissionDeniedException($"A focal point reads the nominations of its own Member State: use memberStates/{caller.RegionCode}.");
        return caller.MemberStatesFor(Right.ReadNominations);
    }

    /// <summary>A nomination's target: a session or a recruitment request.</summary>
    private sealed record NominationTarget((string CourseId, string SessionId)? Session, string? RequestId);

    private static NominationTarget? Target(Validator v, bool isSession, string session, bool isRequest, string request, string prefix = "")
    {
        if (isSession) return Names.Session(v, $"{prefix}session", session) is { } s ? new NominationTarget(s, null) : null;
        if (isRequest) return Names.Request(v, $"{prefix}request", request) is { } r ? new NominationTarget(null, r) : null;
        v.Add($"{prefix}session", "is required: the session (or request) to nominate to.");
        return null;
    }

    private static (string Region, string Id) NominationName(Caller caller, Right right, string name)
    {
        var v = new Validator();
        var parsed = Names.Nomination(v, "name", name);
        v.ThrowIfInvalid();
        caller.Demand(right, parsed!.Value.RegionCode);
        return parsed.Value;
    }

    private static string Reason(string reason)
    {
        var v = new Validator();
        var text = v.Required("reason", reason, 500);
        v.ThrowIfInvalid();
        return text;
    }

    private static Actor Actor(Caller caller, ServerCallContext context) => caller.ActingIn(MethodRights.Operation(context.Method));
}
