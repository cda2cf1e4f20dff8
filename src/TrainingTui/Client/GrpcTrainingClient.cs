using System.Runtime.CompilerServices;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Compression;
using Grpc.Net.Client.Configuration;
using Training.Connections;
using Unpol.Training.V1;

namespace Training.Tui.Client;

/// <summary>
/// The service over gRPC: the bearer token on every call, a deadline on every unary call sized to its answer
/// (<see cref="Deadlines"/>), answers asked for gzipped, reference data read once a session, retries on reads, and a
/// bounded retry of calls the service's rate limit refused (<see cref="RateLimitRetry"/>).
/// </summary>
public sealed class GrpcTrainingClient : ITrainingClient, IDisposable
{
    /// <summary>Sent on a call whose request is worth compressing (an import's file): grpc-dotnet then gzips each message.</summary>
    private static readonly Metadata.Entry CompressRequest = new("grpc-internal-encoding-request", "gzip");

    private readonly GrpcChannel _channel;
    private readonly Deadlines _deadlines;
    private readonly ReferenceDataService.ReferenceDataServiceClient _reference;
    private readonly RosterService.RosterServiceClient _roster;
    private readonly CatalogService.CatalogServiceClient _catalog;
    private readonly NominationService.NominationServiceClient _nominations;
    private readonly AccessService.AccessServiceClient _access;
    private readonly RecruitmentService.RecruitmentServiceClient _recruitment;
    private readonly ReportService.ReportServiceClient _reports;
    private readonly SessionCache<IReadOnlyList<Skill>> _skills;
    private readonly SessionCache<IReadOnlyList<Language>> _languages;
    private readonly SessionCache<IReadOnlyList<Mission>> _missions;

    /// <summary>
    /// Pings keep the connection honest (<see cref="ConnectionOptions.KeepAlive"/>): a watch over a link that died
    /// silently fails (and shows offline) within a minute, never stays "live"; a connection that cannot be set up
    /// within the keepalive's own bound is given up, so a retry over a dead link fails instead of hanging
    /// "connecting". With <see cref="ConnectionOptions.CaFile"/>, the service's certificate may also be signed by
    /// that authority.
    /// </summary>
    public static SocketsHttpHandler LiveHandler(ConnectionOptions options)
    {
        var keepAlive = options.KeepAlive;
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingDelay = keepAlive.Delay,
            KeepAlivePingTimeout = keepAlive.Timeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = keepAlive.Delay + keepAlive.Timeout,
            EnableMultipleHttp2Connections = true,
        };
        if (options.CaFile is { } caFile) TlsTrust.TrustAuthorities(handler, caFile);
        return handler;
    }

    public GrpcTrainingClient(ConnectionOptions options, HttpMessageHandler? handler = null)
    {
        _deadlines = new Deadlines(options.Deadline);
        _channel = GrpcChannel.ForAddress(options.Server, new GrpcChannelOptions
        {
            HttpHandler = handler ?? LiveHandler(options),
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            // Only gzip is offered (grpc-accept-encoding: identity,gzip), so the service compresses its answers with it.
            CompressionProviders = [new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest)],
            // Reads are safe to retry when the server blips; writes carry request ids or etags instead.
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
        var token = options.Token;
        // The service answers in the client's language: eligibility findings, refusals, report labels.
        var language = UiLanguage.Code;
        // The retry is inside the credential, so each attempt goes out with the same headers.
        var invoker = _channel.Intercept(new RateLimitRetry()).Intercept(metadata =>
        {
            if (token is not null) metadata.Add("authorization", $"Bearer {token}");
            metadata.Add("accept-language", language);
            return metadata;
        });
        _reference = new ReferenceDataService.ReferenceDataServiceClient(invoker);
        _roster = new RosterService.RosterServiceClient(invoker);
        _catalog = new CatalogService.CatalogServiceClient(invoker);
        _nominations = new NominationService.NominationServiceClient(invoker);
        _access = new AccessService.AccessServiceClient(invoker);
        _recruitment = new RecruitmentService.RecruitmentServiceClient(invoker);
        _reports = new ReportService.ReportServiceClient(invoker);
        // Reference data changes with a release of the service, not during a session: read once, shared by every screen.
        _skills = new SessionCache<IReadOnlyList<Skill>>(async () =>
            (await _reference.ListSkillsAsync(new ListSkillsRequest { PageSize = 500 }, Call(CancellationToken.None, 500, AnswerSize.Reference))).Skills);
        _languages = new SessionCache<IReadOnlyList<Language>>(async () =>
            (await _reference.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 500 }, Call(CancellationToken.None, 500, AnswerSize.Reference))).Languages);
        _missions = new SessionCache<IReadOnlyList<Mission>>(async () =>
            (await _reference.ListMissionsAsync(new ListMissionsRequest { PageSize = 500 }, Call(CancellationToken.None, 500, AnswerSize.Reference))).Missions);
    }

    /// <summary>Options for a call answered by a short message.</summary>
    private CallOptions Call(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + _deadlines.For(0), cancellationToken: cancellationToken);

    /// <summary>Options for a call answered by up to <paramref name="items"/> entries of about <paramref name="bytesEach"/> bytes.</summary>
    private CallOptions Call(CancellationToken cancellationToken, int items, int bytesEach) =>
        new(deadline: DateTime.UtcNow + _deadlines.For(Math.Max(items, 1) * bytesEach), cancellationToken: cancellationToken);

    public async Task<Caller> GetCallerAsync(CancellationToken cancellationToken = default) =>
        await _access.GetCallerAsync(new GetCallerRequest(), Call(cancellationToken));

    public async Task<IReadOnlyList<Course>> ListCoursesAsync(CancellationToken cancellationToken = default)
    {
        var courses = new List<Course>();
        var token = "";
        do
        {
            var page = await _catalog.ListCoursesAsync(new ListCoursesRequest { PageSize = 500, PageToken = token }, Call(cancellationToken, 500, AnswerSize.Course));
            courses.AddRange(page.Courses);
            token = page.NextPageToken;
        } while (token != "");
        return courses;
    }

    public async Task<IReadOnlyList<Session>> ListSessionsAsync(DateOnly from, CancellationToken cancellationToken = default)
    {
        var sessions = new List<Session>();
        var token = "";
        do
        {
            var page = await _catalog.ListSessionsAsync(new ListSessionsRequest
            {
                Parent = "courses/-",
                PageSize = 500,
                PageToken = token,
                StartDateFrom = new Google.Type.Date { Year = from.Year, Month = from.Month, Day = from.Day },
            }, Call(cancellationToken, 500, AnswerSize.Session));
            sessions.AddRange(page.Sessions);
            token = page.NextPageToken;
        } while (token != "");
        return sessions;
    }

    public async Task<Session> GetSessionAsync(string name, CancellationToken cancellationToken = default) =>
        await _catalog.GetSessionAsync(new GetSessionRequest { Name = name }, Call(cancellationToken));

    public Task<IReadOnlyList<Skill>> ListSkillsAsync(CancellationToken cancellationToken = default) => _skills.GetAsync(cancellationToken);

    public Task<IReadOnlyList<Language>> ListLanguagesAsync(CancellationToken cancellationToken = default) => _languages.GetAsync(cancellationToken);

    public async Task<SearchOfficersResponse> SearchOfficersAsync(SearchOfficersRequest request, CancellationToken cancellationToken = default) =>
        await _roster.SearchOfficersAsync(request, Call(cancellationToken, PageSizeOf(request.PageSize), AnswerSize.Officer));

    public async Task<Officer> GetOfficerAsync(string name, CancellationToken cancellationToken = default) =>
        await _roster.GetOfficerAsync(new GetOfficerRequest { Name = name }, Call(cancellationToken));

    public async Task<Officer> CreateOfficerAsync(string regionCode, Officer officer, string requestId, CancellationToken cancellationToken = default) =>
        await _roster.CreateOfficerAsync(new CreateOfficerRequest
        {
            Parent = $"memberStates/{regionCode}", Officer = officer, RequestId = requestId,
        }, Call(cancellationToken));

    public async Task<Officer> UpdateOfficerAsync(Officer officer, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        await _roster.UpdateOfficerAsync(new UpdateOfficerRequest
        {
            Officer = officer, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { fields } },
        }, Call(cancellationToken));

    public async Task<Officer?> DeleteOfficerAsync(string name, string etag, CancellationToken cancellationToken = default)
    {
        await _roster.DeleteOfficerAsync(new DeleteOfficerRequest { Name = name, Etag = etag }, Call(cancellationToken));
        try
        {
            return await _roster.GetOfficerAsync(new GetOfficerRequest { Name = name }, Call(cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<CheckEligibilityResponse> CheckEligibilityAsync(string officer, string session, CancellationToken cancellationToken = default) =>
        await _nominations.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer, Session = session }, Call(cancellationToken));

    public async Task<SubmitNominationResponse> SubmitNominationAsync(string officer, string session, string requestId, CancellationToken cancellationToken = default) =>
        await _nominations.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = string.Join('/', officer.Split('/').Take(2)),
            Nomination = new Nomination { Officer = officer, Session = session },
            RequestId = requestId,
        }, Call(cancellationToken));

    public async Task<ListNominationsResponse> ListNominationsAsync(ListNominationsRequest request, CancellationToken cancellationToken = default) =>
        await _nominations.ListNominationsAsync(request, Call(cancellationToken, PageSizeOf(request.PageSize), AnswerSize.Nomination));

    public async Task<Nomination> DecideAsync(Decision decision, Nomination nomination, string reason = "", CancellationToken cancellationToken = default)
    {
        var call = Call(cancellationToken);
        var (name, etag) = (nomination.Name, nomination.Etag);
        return decision switch
        {
            Decision.Confirm => await _nominations.ConfirmNominationAsync(new ConfirmNominationRequest { Name = name, Etag = etag }, call),
            Decision.Waitlist => await _nominations.WaitlistNominationAsync(new WaitlistNominationRequest { Name = name, Etag = etag }, call),
            Decision.Reject => await _nominations.RejectNominationAsync(new RejectNominationRequest { Name = name, Etag = etag, Reason = reason }, call),
            Decision.Reconsider => await _nominations.ReconsiderNominationAsync(new ReconsiderNominationRequest { Name = name, Etag = etag, Reason = reason }, call),
            Decision.Withdraw => await _nominations.WithdrawNominationAsync(new WithdrawNominationRequest { Name = name, Etag = etag, Reason = reason }, call),
            Decision.RecordPassed => await Outcome(RecordOutcomeRequest.Types.Outcome.Passed),
            Decision.RecordFailed => await Outcome(RecordOutcomeRequest.Types.Outcome.Failed),
            Decision.RecordNoShow => await Outcome(RecordOutcomeRequest.Types.Outcome.NoShow),
            Decision.Shortlist => await _nominations.ShortlistNominationAsync(new ShortlistNominationRequest { Name = name, Etag = etag }, call),
            Decision.Select => await _nominations.SelectNominationAsync(new SelectNominationRequest { Name = name, Etag = etag }, call),
            Decision.Clear => await _nominations.ClearNominationAsync(new ClearNominationRequest { Name = name, Etag = etag }, call),
            Decision.Deploy => await _nominations.DeployNominationAsync(new DeployNominationRequest { Name = name, Etag = etag }, call),
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };

        Task<Nomination> Outcome(RecordOutcomeRequest.Types.Outcome outcome) =>
            _nominations.RecordOutcomeAsync(new RecordOutcomeRequest { Name = name, Etag = etag, Outcome = outcome }, call).ResponseAsync;
    }

    public async Task<SessionStatistics> GetSessionStatisticsAsync(string session, CancellationToken cancellationToken = default) =>
        await _nominations.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session }, Call(cancellationToken));

    public async Task<IReadOnlyList<RecruitmentRequest>> ListRequestsAsync(IEnumerable<RecruitmentRequest.Types.State> states, CancellationToken cancellationToken = default)
    {
        var requests = new List<RecruitmentRequest>();
        var token = "";
        do
        {
            var page = await _recruitment.ListRequestsAsync(new ListRequestsRequest { PageSize = 500, PageToken = token, States = { states } },
                Call(cancellationToken, 500, AnswerSize.Request));
            requests.AddRange(page.Requests);
            token = page.NextPageToken;
        } while (token != "");
        return requests;
    }

    public async Task<MatchCandidatesResponse> MatchCandidatesAsync(string request, string regionCode, int size, CancellationToken cancellationToken = default) =>
        await _recruitment.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request, RegionCode = regionCode, PageSize = size },
            Call(cancellationToken, PageSizeOf(size), AnswerSize.Candidate));

    public async Task<CheckEligibilityResponse> CheckRequestEligibilityAsync(string officer, string request, CancellationToken cancellationToken = default) =>
        await _nominations.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer, Request = request }, Call(cancellationToken));

    public async Task<SubmitNominationResponse> SubmitToRequestAsync(string officer, string request, string requestId, CancellationToken cancellationToken = default) =>
        await _nominations.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = string.Join('/', officer.Split('/').Take(2)),
            Nomination = new Nomination { Officer = officer, Request = request },
            RequestId = requestId,
        }, Call(cancellationToken));

    public async Task<ParityReport> GetParityReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default) =>
        await _reports.GetParityReportAsync(new GetParityReportRequest { RegionCodes = { regionCodes } }, Call(cancellationToken, 1, AnswerSize.Report));

    public async Task<SkillsReport> GetSkillsReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default) =>
        await _reports.GetSkillsReportAsync(new GetSkillsReportRequest { RegionCodes = { regionCodes } }, Call(cancellationToken, 1, AnswerSize.Report));

    public async Task<ExpiringCertifications> GetExpiringCertificationsAsync(IEnumerable<string> regionCodes, int withinDays, CancellationToken cancellationToken = default) =>
        await _reports.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { RegionCodes = { regionCodes }, WithinDays = withinDays },
            Call(cancellationToken, 1, AnswerSize.Report));

    /// <summary>Imports without a deadline: a large file takes as long as it takes, and progress shows it moving.</summary>
    public async Task<ImportSummary> ImportOfficersAsync(string parent, RosterFileFormat format, ImportMode mode, Stream file,
        Action<ImportOfficersResponse> onEvent, CancellationToken cancellationToken = default)
    {
        // The file goes gzipped: CSV shrinks several times, and on a slow link sending it is most of an import's time.
        using var call = _roster.ImportOfficers(new CallOptions(new Metadata { CompressRequest }, cancellationToken: cancellationToken));
        var reading = Task.Run(async () =>
        {
            ImportSummary? summary = null;
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                onEvent(message);
                if (message.EventCase == ImportOfficersResponse.EventOneofCase.Summary) summary = message.Summary;
            }
            return summary;
        }, cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new ImportOfficersRequest { Settings = new ImportSettings { Parent = parent, Format = format, Mode = mode } }, cancellationToken);
            var buffer = new byte[256 * 1024];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
                await call.RequestStream.WriteAsync(new ImportOfficersRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service ended the call early; its answer (and the reason) is on the response stream.
        }
        return await reading ?? throw new RpcException(new Status(StatusCode.Unknown, Strings.Get("Error_ImportWithoutSummary")));
    }

    public async Task<long> ExportOfficersAsync(string parent, RosterFileFormat format, Stream destination, Action<long> onRows,
        CancellationToken cancellationToken = default)
    {
        using var call = _roster.ExportOfficers(new ExportOfficersRequest { Parent = parent, Format = format }, cancellationToken: cancellationToken);
        long rows = 0;
        await foreach (var piece in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            piece.Chunk.WriteTo(destination);
            rows = piece.Rows;
            onRows(rows);
        }
        await destination.FlushAsync(cancellationToken);
        return rows;
    }

    public async IAsyncEnumerable<NominationEvent> WatchNominationsAsync(string parent, long sinceSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in WatchNominationsAsync(parent, sinceSequence, () => { }, cancellationToken)) yield return change;
    }

    public async IAsyncEnumerable<NominationEvent> WatchNominationsAsync(string parent, long sinceSequence, Action connected,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = _nominations.WatchNominations(new WatchNominationsRequest { Parent = parent, SinceSequence = sinceSequence },
            cancellationToken: cancellationToken);
        // The service sends its headers once the watch is accepted: only then is it live.
        await call.ResponseHeadersAsync;
        connected();
        await foreach (var change in call.ResponseStream.ReadAllAsync(cancellationToken)) yield return change;
    }

    public Task<IReadOnlyList<Mission>> ListMissionsAsync(CancellationToken cancellationToken = default) => _missions.GetAsync(cancellationToken);

    public async Task<Course> CreateCourseAsync(Course course, string courseId, string requestId, CancellationToken cancellationToken = default) =>
        await _catalog.CreateCourseAsync(new CreateCourseRequest { Course = course, CourseId = courseId, RequestId = requestId }, Call(cancellationToken));

    public async Task<Course> UpdateCourseAsync(Course course, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        await _catalog.UpdateCourseAsync(new UpdateCourseRequest { Course = course, UpdateMask = new FieldMask { Paths = { fields } } }, Call(cancellationToken));

    public async Task DeleteCourseAsync(string name, string etag, CancellationToken cancellationToken = default) =>
        await _catalog.DeleteCourseAsync(new DeleteCourseRequest { Name = name, Etag = etag }, Call(cancellationToken));

    public async Task<Session> CreateSessionAsync(string course, Session session, string requestId, CancellationToken cancellationToken = default) =>
        await _catalog.CreateSessionAsync(new CreateSessionRequest { Parent = course, Session = session, RequestId = requestId }, Call(cancellationToken));

    public async Task<Session> UpdateSessionAsync(Session session, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        await _catalog.UpdateSessionAsync(new UpdateSessionRequest { Session = session, UpdateMask = new FieldMask { Paths = { fields } } }, Call(cancellationToken));

    public async Task DeleteSessionAsync(string name, string etag, CancellationToken cancellationToken = default) =>
        await _catalog.DeleteSessionAsync(new DeleteSessionRequest { Name = name, Etag = etag }, Call(cancellationToken));

    public async Task<Session> MoveSessionAsync(LifecycleMove move, Session session, string reason = "", CancellationToken cancellationToken = default)
    {
        var (name, etag, call) = (session.Name, session.Etag, Call(cancellationToken));
        return move switch
        {
            LifecycleMove.Open => await _catalog.OpenSessionAsync(new OpenSessionRequest { Name = name, Etag = etag }, call),
            LifecycleMove.Close => await _catalog.CloseSessionAsync(new CloseSessionRequest { Name = name, Etag = etag }, call),
            LifecycleMove.Complete => await _catalog.CompleteSessionAsync(new CompleteSessionRequest { Name = name, Etag = etag }, call),
            LifecycleMove.Cancel => await _catalog.CancelSessionAsync(new CancelSessionRequest { Name = name, Etag = etag, Reason = reason }, call),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
    }

    public async Task<RecruitmentRequest> CreateRequestAsync(RecruitmentRequest request, string requestId, CancellationToken cancellationToken = default) =>
        await _recruitment.CreateRequestAsync(new CreateRequestRequest { Request = request, RequestId = requestId }, Call(cancellationToken));

    public async Task<RecruitmentRequest> UpdateRequestAsync(RecruitmentRequest request, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        await _recruitment.UpdateRequestAsync(new UpdateRequestRequest { Request = request, UpdateMask = new FieldMask { Paths = { fields } } }, Call(cancellationToken));

    public async Task<RecruitmentRequest> MoveRequestAsync(LifecycleMove move, RecruitmentRequest request, string reason = "", CancellationToken cancellationToken = default)
    {
        var (name, etag, call) = (request.Name, request.Etag, Call(cancellationToken));
        return move switch
        {
            LifecycleMove.Open => await _recruitment.OpenRequestAsync(new OpenRequestRequest { Name = name, Etag = etag }, call),
            LifecycleMove.Close => await _recruitment.CloseRequestAsync(new CloseRequestRequest { Name = name, Etag = etag }, call),
            LifecycleMove.Cancel => await _recruitment.CancelRequestAsync(new CancelRequestRequest { Name = name, Etag = etag, Reason = reason }, call),
            _ => throw new ArgumentOutOfRangeException(nameof(move), "A request is opened, closed or cancelled, never completed."),
        };
    }

    public async Task<CreateAccessTokenResponse> CreateAccessTokenAsync(AccessToken token, CancellationToken cancellationToken = default) =>
        await _access.CreateAccessTokenAsync(new CreateAccessTokenRequest { AccessToken = token }, Call(cancellationToken));

    public async Task<IReadOnlyList<AccessToken>> ListAccessTokensAsync(bool showInactive, CancellationToken cancellationToken = default)
    {
        var tokens = new List<AccessToken>();
        var page = "";
        do
        {
            var answer = await _access.ListAccessTokensAsync(new ListAccessTokensRequest { PageSize = 500, PageToken = page, ShowInactive = showInactive },
                Call(cancellationToken, 500, AnswerSize.AccessToken));
            tokens.AddRange(answer.AccessTokens);
            page = answer.NextPageToken;
        } while (page != "");
        return tokens;
    }

    public async Task<AccessToken> RevokeAccessTokenAsync(string name, CancellationToken cancellationToken = default) =>
        await _access.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = name }, Call(cancellationToken));

    public async Task<ListAuditEventsResponse> ListAuditEventsAsync(ListAuditEventsRequest request, CancellationToken cancellationToken = default) =>
        await _access.ListAuditEventsAsync(request, Call(cancellationToken, PageSizeOf(request.PageSize), AnswerSize.AuditEvent));

    /// <summary>The page size a list call asks for, as the service reads it: 0 means its default of 50, at most 500.</summary>
    private static int PageSizeOf(int pageSize) => pageSize <= 0 ? 50 : Math.Min(pageSize, 500);

    public void Dispose() => _channel.Dispose();
}
