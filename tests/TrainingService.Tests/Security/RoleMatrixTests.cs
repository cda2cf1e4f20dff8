using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using static Training.Service.Tests.Security.RoleMatrixTests.Who;

namespace Training.Service.Tests.Security;

/// <summary>
/// The role matrix: every RPC of every service, called with no token, an unknown, a revoked and an expired
/// token, and by each role (integrations in and out of their scope), each answered with the exact status the
/// rights table of DOMAIN.md calls for. The table is written out here as data, independently of the service's
/// AccessPolicy, so a change to either one that breaks the rules fails here.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Callers callers) : IClassFixture<RoleMatrixTests.Callers>
{
    /// <summary>The callers of the matrix, by the names the test cases show.</summary>
    public static class Who
    {
        public const string NoToken = "no token";
        public const string UnknownToken = "unknown token";
        public const string RevokedToken = "revoked administrator token";
        public const string ExpiredToken = "expired administrator token";
        public const string Administrator = "administrator";
        public const string FocalPointSN = "focal point SN";
        public const string FocalPointFR = "focal point FR";
        public const string Auditor = "auditor";
        public const string ReadOnlySN = "integration read-only [SN]";
        public const string ReadWriteSN = "integration read-write [SN]";
        public const string ReadWriteFR = "integration read-write [FR]";
        public const string ReadOnlyAllStates = "integration read-only, all States";
    }

    /// <summary>Callers without a valid credential, and the ErrorInfo reason each must be refused with.</summary>
    private static readonly Dictionary<string, string> Unauthenticated = new()
    {
        [NoToken] = "CREDENTIALS_MISSING",
        [UnknownToken] = "TOKEN_UNKNOWN",
        [RevokedToken] = "TOKEN_REVOKED",
        [ExpiredToken] = "TOKEN_EXPIRED",
    };

    private static readonly string[] Authenticated =
        [Administrator, FocalPointSN, FocalPointFR, Auditor, ReadOnlySN, ReadWriteSN, ReadWriteFR, ReadOnlyAllStates];

    // The rights table of DOMAIN.md ("People"), as the sets of callers allowed; everyone else is PERMISSION_DENIED.
    // Every call below that takes a Member State targets Senegal (SN).

    /// <summary>Reference data and the catalogue: every role reads. Also GetCaller (any valid token) and reports,
    /// of which every role reads some (focal point its own State, integration its scope, the others all).</summary>
    private static readonly string[] Everyone = Authenticated;

    /// <summary>Catalogue writes, decisions on nominations, issuing and revoking tokens: administrators only.</summary>
    private static readonly string[] Administrators = [Administrator];

    /// <summary>Officers and nominations of SN, read: its own focal point; administrators and auditors (all);
    /// integrations whose scope holds SN, read-only or read-write.</summary>
    private static readonly string[] ReadersOfSenegal =
        [Administrator, FocalPointSN, Auditor, ReadOnlySN, ReadWriteSN, ReadOnlyAllStates];

    /// <summary>Officers of SN written, nominations of SN submitted or withdrawn: its own focal point, and a
    /// read-write integration whose scope holds SN (it acts as SN's focal point). Not administrators, not auditors.</summary>
    private static readonly string[] WritersForSenegal = [FocalPointSN, ReadWriteSN];

    /// <summary>Listing across every Member State ("memberStates/-"): a focal point must name its own State;
    /// everyone else who reads officers or nominations lists what they may see.</summary>
    private static readonly string[] ReadersAcrossStates =
        [Administrator, Auditor, ReadOnlySN, ReadWriteSN, ReadWriteFR, ReadOnlyAllStates];

    /// <summary>Access tokens, listed: administrators all, focal points their own; integrations and auditors none.</summary>
    private static readonly string[] TokenListers = [Administrator, FocalPointSN, FocalPointFR];

    /// <summary>The audit trail: administrators all, auditors all (read), focal points their own; integrations none.</summary>
    private static readonly string[] AuditReaders = [Administrator, FocalPointSN, FocalPointFR, Auditor];

    private const string Senegal = "memberStates/SN";
    private const string AnyMemberState = "memberStates/-";
    private const string OfficerName = "memberStates/SN/officers/matrix-officer";
    private const string NominationName = "memberStates/SN/nominations/matrix-nomination";
    private const string CourseName = "courses/matrix-course";
    private const string SessionName = "courses/matrix-course/sessions/matrix-session";

    /// <summary>
    /// One RPC (or one way of calling it) with a well-formed request, and who may make it. "Allowed" means the
    /// call got past authentication and authorization: OK, or NOT_FOUND, INVALID_ARGUMENT, OUT_OF_RANGE and the
    /// like for resources that do not exist; a fault (UNIMPLEMENTED, INTERNAL, ...) is never counted as allowed.
    /// </summary>
    public sealed record Row(string Method, string Variant, string[] Allowed, Func<CallInvoker, Task> Call)
    {
        public string Key => Variant.Length == 0 ? Method : $"{Method} ({Variant})";
    }

    private static ReferenceDataService.ReferenceDataServiceClient Reference(CallInvoker i) => new(i);
    private static RosterService.RosterServiceClient Roster(CallInvoker i) => new(i);
    private static CatalogService.CatalogServiceClient Catalog(CallInvoker i) => new(i);
    private static NominationService.NominationServiceClient Nominations(CallInvoker i) => new(i);
    private static AccessService.AccessServiceClient Access(CallInvoker i) => new(i);
    private static RecruitmentService.RecruitmentServiceClient Recruitment(CallInvoker i) => new(i);
    private static ReportService.ReportServiceClient Reports(CallInvoker i) => new(i);
    private const string RequestName = "requests/matrix-request";

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("ReferenceDataService/ListMemberStates", "", Everyone,
            i => Reference(i).ListMemberStatesAsync(new ListMemberStatesRequest()).ResponseAsync),
        new("ReferenceDataService/GetMemberState", "", Everyone,
            i => Reference(i).GetMemberStateAsync(new GetMemberStateRequest { Name = Senegal }).ResponseAsync),
        new("ReferenceDataService/ListLanguages", "", Everyone,
            i => Reference(i).ListLanguagesAsync(new ListLanguagesRequest()).ResponseAsync),
        new("ReferenceDataService/ListSkills", "", Everyone,
            i => Reference(i).ListSkillsAsync(new ListSkillsRequest()).ResponseAsync),
        new("ReferenceDataService/ListMissions", "", Everyone,
            i => Reference(i).ListMissionsAsync(new ListMissionsRequest()).ResponseAsync),

        new("RosterService/CreateOfficer", "", WritersForSenegal,
            i => Roster(i).CreateOfficerAsync(new CreateOfficerRequest { Parent = Senegal, Officer = Samples.Officer() }).ResponseAsync),
        new("RosterService/GetOfficer", "", ReadersOfSenegal,
            i => Roster(i).GetOfficerAsync(new GetOfficerRequest { Name = OfficerName }).ResponseAsync),
        new("RosterService/ListOfficers", "", ReadersOfSenegal,
            i => Roster(i).ListOfficersAsync(new ListOfficersRequest { Parent = Senegal }).ResponseAsync),
        new("RosterService/ListOfficers", AnyMemberState, ReadersAcrossStates,
            i => Roster(i).ListOfficersAsync(new ListOfficersRequest { Parent = AnyMemberState }).ResponseAsync),
        new("RosterService/UpdateOfficer", "", WritersForSenegal,
            i => Roster(i).UpdateOfficerAsync(new UpdateOfficerRequest
            {
                Officer = Named(Samples.Officer(), OfficerName),
                UpdateMask = new FieldMask { Paths = { "rank" } },
            }).ResponseAsync),
        new("RosterService/DeleteOfficer", "", WritersForSenegal,
            i => Roster(i).DeleteOfficerAsync(new DeleteOfficerRequest { Name = OfficerName }).ResponseAsync),
        new("RosterService/SearchOfficers", "", ReadersOfSenegal,
            i => Roster(i).SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "SN" }, NameText = "Diop" }).ResponseAsync),
        new("RosterService/ImportOfficers", "", WritersForSenegal, ImportAsync),
        new("RosterService/ExportOfficers", "", ReadersOfSenegal, ExportAsync),
        new("RosterService/ImportOfficerFile", "", WritersForSenegal,
            i => Roster(i).ImportOfficerFileAsync(new ImportOfficerFileRequest
            {
                Parent = Senegal,
                Mode = ImportMode.BestEffort,
                File = new Google.Api.HttpBody { ContentType = "text/csv", Data = Google.Protobuf.ByteString.Empty },
            }).ResponseAsync),
        new("RosterService/ExportOfficerFile", "", ReadersOfSenegal,
            i => Roster(i).ExportOfficerFileAsync(new ExportOfficerFileRequest { Parent = Senegal }).ResponseAsync),

        new("RecruitmentService/CreateRequest", "", Administrators,
            i => Recruitment(i).CreateRequestAsync(new CreateRequestRequest { Request = MatrixRequest() }).ResponseAsync),
        new("RecruitmentService/GetRequest", "", Everyone,
            i => Recruitment(i).GetRequestAsync(new GetRequestRequest { Name = RequestName }).ResponseAsync),
        new("RecruitmentService/ListRequests", "", Everyone,
            i => Recruitment(i).ListRequestsAsync(new ListRequestsRequest()).ResponseAsync),
        new("RecruitmentService/UpdateRequest", "", Administrators,
            i => Recruitment(i).UpdateRequestAsync(new UpdateRequestRequest
            {
                Request = Named(MatrixRequest(), RequestName),
                UpdateMask = new FieldMask { Paths = { "title" } },
            }).ResponseAsync),
        new("RecruitmentService/DeleteRequest", "", Administrators,
            i => Recruitment(i).DeleteRequestAsync(new DeleteRequestRequest { Name = RequestName }).ResponseAsync),
        new("RecruitmentService/OpenRequest", "", Administrators,
            i => Recruitment(i).OpenRequestAsync(new OpenRequestRequest { Name = RequestName }).ResponseAsync),
        new("RecruitmentService/CloseRequest", "", Administrators,
            i => Recruitment(i).CloseRequestAsync(new CloseRequestRequest { Name = RequestName }).ResponseAsync),
        new("RecruitmentService/CancelRequest", "", Administrators,
            i => Recruitment(i).CancelRequestAsync(new CancelRequestRequest { Name = RequestName, Reason = "Mandate changed." }).ResponseAsync),
        new("RecruitmentService/MatchCandidates", "", ReadersOfSenegal,
            i => Recruitment(i).MatchCandidatesAsync(new MatchCandidatesRequest { Request = RequestName, RegionCode = "SN" }).ResponseAsync),

        new("ReportService/GetParityReport", "", ReadersOfSenegal,
            i => Reports(i).GetParityReportAsync(new GetParityReportRequest { RegionCodes = { "SN" } }).ResponseAsync),
        new("ReportService/GetSkillsReport", "", ReadersOfSenegal,
            i => Reports(i).GetSkillsReportAsync(new GetSkillsReportRequest { RegionCodes = { "SN" } }).ResponseAsync),
        new("ReportService/GetExpiringCertifications", "", ReadersOfSenegal,
            i => Reports(i).GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { RegionCodes = { "SN" } }).ResponseAsync),

        new("CatalogService/CreateCourse", "", Administrators,
            i => Catalog(i).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() }).ResponseAsync),
        new("CatalogService/GetCourse", "", Everyone,
            i => Catalog(i).GetCourseAsync(new GetCourseRequest { Name = CourseName }).ResponseAsync),
        new("CatalogService/ListCourses", "", Everyone,
            i => Catalog(i).ListCoursesAsync(new ListCoursesRequest()).ResponseAsync),
        new("CatalogService/UpdateCourse", "", Administrators,
            i => Catalog(i).UpdateCourseAsync(new UpdateCourseRequest
            {
                Course = Named(Samples.Course(), CourseName),
                UpdateMask = new FieldMask { Paths = { "title" } },
            }).ResponseAsync),
        new("CatalogService/DeleteCourse", "", Administrators,
            i => Catalog(i).DeleteCourseAsync(new DeleteCourseRequest { Name = CourseName }).ResponseAsync),
        new("CatalogService/CreateSession", "", Administrators,
            i => Catalog(i).CreateSessionAsync(new CreateSessionRequest { Parent = CourseName, Session = Samples.Session() }).ResponseAsync),
        new("CatalogService/GetSession", "", Everyone,
            i => Catalog(i).GetSessionAsync(new GetSessionRequest { Name = SessionName }).ResponseAsync),
        new("CatalogService/ListSessions", "", Everyone,
            i => Catalog(i).ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-" }).ResponseAsync),
        new("CatalogService/UpdateSession", "", Administrators,
            i => Catalog(i).UpdateSessionAsync(new UpdateSessionRequest
            {
                Session = Named(Samples.Session(), SessionName),
                UpdateMask = new FieldMask { Paths = { "venue" } },
            }).ResponseAsync),
        new("CatalogService/DeleteSession", "", Administrators,
            i => Catalog(i).DeleteSessionAsync(new DeleteSessionRequest { Name = SessionName }).ResponseAsync),
        new("CatalogService/OpenSession", "", Administrators,
            i => Catalog(i).OpenSessionAsync(new OpenSessionRequest { Name = SessionName }).ResponseAsync),
        new("CatalogService/CloseSession", "", Administrators,
            i => Catalog(i).CloseSessionAsync(new CloseSessionRequest { Name = SessionName }).ResponseAsync),
        new("CatalogService/CompleteSession", "", Administrators,
            i => Catalog(i).CompleteSessionAsync(new CompleteSessionRequest { Name = SessionName }).ResponseAsync),
        new("CatalogService/CancelSession", "", Administrators,
            i => Catalog(i).CancelSessionAsync(new CancelSessionRequest { Name = SessionName, Reason = "Venue unavailable." }).ResponseAsync),

        new("NominationService/CheckEligibility", "", ReadersOfSenegal,
            i => Nominations(i).CheckEligibilityAsync(new CheckEligibilityRequest { Officer = OfficerName, Session = SessionName }).ResponseAsync),
        new("NominationService/SubmitNomination", "", WritersForSenegal,
            i => Nominations(i).SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = Senegal,
                Nomination = new Nomination { Officer = OfficerName, Session = SessionName },
            }).ResponseAsync),
        new("NominationService/GetNomination", "", ReadersOfSenegal,
            i => Nominations(i).GetNominationAsync(new GetNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/ListNominations", "", ReadersOfSenegal,
            i => Nominations(i).ListNominationsAsync(new ListNominationsRequest { Parent = Senegal }).ResponseAsync),
        new("NominationService/ListNominations", AnyMemberState, ReadersAcrossStates,
            i => Nominations(i).ListNominationsAsync(new ListNominationsRequest { Parent = AnyMemberState }).ResponseAsync),
        new("NominationService/ConfirmNomination", "", Administrators,
            i => Nominations(i).ConfirmNominationAsync(new ConfirmNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/WaitlistNomination", "", Administrators,
            i => Nominations(i).WaitlistNominationAsync(new WaitlistNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/RejectNomination", "", Administrators,
            i => Nominations(i).RejectNominationAsync(new RejectNominationRequest { Name = NominationName, Reason = "Quota reached." }).ResponseAsync),
        new("NominationService/ReconsiderNomination", "", Administrators,
            i => Nominations(i).ReconsiderNominationAsync(new ReconsiderNominationRequest { Name = NominationName, Reason = "Seat freed." }).ResponseAsync),
        new("NominationService/WithdrawNomination", "", WritersForSenegal,
            i => Nominations(i).WithdrawNominationAsync(new WithdrawNominationRequest { Name = NominationName, Reason = "Officer deployed." }).ResponseAsync),
        new("NominationService/RecordOutcome", "", Administrators,
            i => Nominations(i).RecordOutcomeAsync(new RecordOutcomeRequest { Name = NominationName, Outcome = RecordOutcomeRequest.Types.Outcome.Passed }).ResponseAsync),
        new("NominationService/ShortlistNomination", "", Administrators,
            i => Nominations(i).ShortlistNominationAsync(new ShortlistNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/SelectNomination", "", Administrators,
            i => Nominations(i).SelectNominationAsync(new SelectNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/ClearNomination", "", Administrators,
            i => Nominations(i).ClearNominationAsync(new ClearNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/DeployNomination", "", Administrators,
            i => Nominations(i).DeployNominationAsync(new DeployNominationRequest { Name = NominationName }).ResponseAsync),
        new("NominationService/GetSessionStatistics", "", Everyone,
            i => Nominations(i).GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = SessionName }).ResponseAsync),
        new("NominationService/WatchNominations", "", ReadersOfSenegal, i => WatchAsync(i, Senegal)),
        new("NominationService/WatchNominations", AnyMemberState, ReadersAcrossStates, i => WatchAsync(i, AnyMemberState)),

        new("AccessService/GetCaller", "", Everyone,
            i => Access(i).GetCallerAsync(new GetCallerRequest()).ResponseAsync),
        new("AccessService/CreateAccessToken", "", Administrators,
            i => Access(i).CreateAccessTokenAsync(new CreateAccessTokenRequest
            {
                AccessToken = new AccessToken { DisplayName = "Matrix auditor", Role = Role.Auditor },
            }).ResponseAsync),
        new("AccessService/ListAccessTokens", "", TokenListers,
            i => Access(i).ListAccessTokensAsync(new ListAccessTokensRequest()).ResponseAsync),
        new("AccessService/RevokeAccessToken", "", Administrators,
            i => Access(i).RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = "accessTokens/matrix-token" }).ResponseAsync),
        new("AccessService/ListAuditEvents", "", AuditReaders,
            i => Access(i).ListAuditEventsAsync(new ListAuditEventsRequest()).ResponseAsync),

        new("OperationsService/BackupDatabase", "", Administrators, BackupAsync),
    ];

    private static readonly Dictionary<string, Row> RowsByKey = Rows.ToDictionary(r => r.Key);

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var row in Rows)
        {
            foreach (var (caller, reason) in Unauthenticated) cases.Add(row.Key, caller, $"UNAUTHENTICATED {reason}");
            foreach (var caller in Authenticated)
                cases.Add(row.Key, caller, row.Allowed.Contains(caller) ? "allowed" : "PERMISSION_DENIED");
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_IsAnsweredAsTheRightsTableSays(string method, string caller, string expected)
    {
        var (outcome, detail) = await OutcomeOf(() => RowsByKey[method].Call(callers[caller]));
        Assert.True(expected == outcome, $"{method} by {caller}: expected {expected}, got {outcome} ({detail})");
    }

    [Fact]
    public void Matrix_HasARowForEveryRpcOfEveryService_AndNoRowForAnRpcThatDoesNotExist()
    {
        var declared = DeclaredMethods();
        var covered = Rows.Select(r => r.Method).ToHashSet();

        Assert.Empty(declared.Except(covered).Order(StringComparer.Ordinal));
        Assert.Empty(covered.Except(declared).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Matrix_NamesOnlyKnownCallers_AndNoRowTwice()
    {
        Assert.All(Rows, row => Assert.All(row.Allowed, caller => Assert.Contains(caller, Authenticated)));
        Assert.Equal(Rows.Count, Rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task HealthCheck_AnswersWithoutAToken()
    {
        var health = new Health.HealthClient(callers[NoToken]);
        var reply = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task ServerReflection_ListsEveryServiceWithoutAToken()
    {
        var reflection = new ServerReflection.ServerReflectionClient(callers[NoToken]);
        using var call = reflection.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("unpol.training.v1.AccessService", listed);
        Assert.Contains("unpol.training.v1.RosterService", listed);
        Assert.Contains("grpc.health.v1.Health", listed);
    }

    // ---- Allowed, but only within reach: what each caller sees when it may call ------------------------------

    private static string RegionOf(string name) => name.Split('/')[1];

    [Theory]
    [InlineData(FocalPointSN, "SN")]
    [InlineData(FocalPointFR, "FR")]
    [InlineData(ReadOnlySN, "SN")]
    [InlineData(ReadWriteFR, "FR")]
    [InlineData(Administrator, "FR,SN")]
    [InlineData(Auditor, "FR,SN")]
    [InlineData(ReadOnlyAllStates, "FR,SN")]
    public async Task SearchOfficers_WithoutAMemberState_FindsOnlyTheStatesTheCallerReads(string caller, string states)
    {
        var found = await Roster(callers[caller]).SearchOfficersAsync(new SearchOfficersRequest { PageSize = 500 });
        Assert.Equal(states, string.Join(",", found.Officers.Select(o => RegionOf(o.Name)).Distinct().Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData(ReadOnlySN, "SN")]
    [InlineData(ReadWriteFR, "FR")]
    [InlineData(Administrator, "FR,SN")]
    [InlineData(Auditor, "FR,SN")]
    [InlineData(ReadOnlyAllStates, "FR,SN")]
    public async Task ListingAcrossAllMemberStates_ReturnsOnlyTheStatesTheCallerReads(string caller, string states)
    {
        var officers = await Roster(callers[caller]).ListOfficersAsync(new ListOfficersRequest { Parent = AnyMemberState, PageSize = 500 });
        var nominations = await Nominations(callers[caller]).ListNominationsAsync(new ListNominationsRequest { Parent = AnyMemberState, PageSize = 500 });

        Assert.Equal(states, string.Join(",", officers.Officers.Select(o => RegionOf(o.Name)).Distinct().Order(StringComparer.Ordinal)));
        Assert.Equal(states, string.Join(",", nominations.Nominations.Select(n => RegionOf(n.Name)).Distinct().Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData(FocalPointSN, "SN")]
    [InlineData(FocalPointFR, "FR")]
    [InlineData(ReadOnlySN, "SN")]
    [InlineData(ReadWriteFR, "FR")]
    [InlineData(Administrator, "FR,SN")]
    [InlineData(Auditor, "FR,SN")]
    [InlineData(ReadOnlyAllStates, "FR,SN")]
    public async Task SessionStatistics_ShowPerStateFiguresOnlyForTheStatesTheCallerReads(string caller, string states)
    {
        var figures = await Nominations(callers[caller]).GetSessionStatisticsAsync(
            new GetSessionStatisticsRequest { Session = callers.OpenSession });
        Assert.Equal(states, string.Join(",", figures.MemberStates.Select(m => m.RegionCode)));
    }

    [Theory]
    [InlineData(FocalPointSN, "allowed")]
    [InlineData(ReadWriteSN, "allowed")]
    [InlineData(FocalPointFR, "PERMISSION_DENIED")]
    [InlineData(ReadWriteFR, "PERMISSION_DENIED")]
    public async Task LowerCaseRegionCodeInAName_IsTheSameMemberState(string caller, string expected)
    {
        var roster = Roster(callers[caller]);
        var lowerCase = callers.SenegalOfficer.Replace("memberStates/SN/", "memberStates/sn/", StringComparison.Ordinal);
        Assert.Equal(expected, (await OutcomeOf(() => roster.GetOfficerAsync(new GetOfficerRequest { Name = lowerCase }).ResponseAsync)).Outcome);
        Assert.Equal(expected, (await OutcomeOf(() => roster.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/sn" }).ResponseAsync)).Outcome);
        Assert.Equal(expected, (await OutcomeOf(() => roster.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "sn" } }).ResponseAsync)).Outcome);
    }

    [Fact]
    public async Task Refusal_DoesNotRevealWhetherTheResourceExists()
    {
        var france = callers[FocalPointFR];
        var existing = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Roster(france).GetOfficerAsync(new GetOfficerRequest { Name = callers.SenegalOfficer }));
        var missing = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Roster(france).GetOfficerAsync(new GetOfficerRequest { Name = OfficerName }));
        Assert.Equal(missing.Status.Detail, existing.Status.Detail);

        var existingNomination = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Nominations(france).GetNominationAsync(new GetNominationRequest { Name = callers.SenegalNomination }));
        var missingNomination = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Nominations(france).GetNominationAsync(new GetNominationRequest { Name = NominationName }));
        Assert.Equal(missingNomination.Status.Detail, existingNomination.Status.Detail);
    }

    [Fact]
    public async Task ReadOnlyIntegration_MayNotWriteEvenInItsScope_ButReadsWhatItsFocalPointWrote()
    {
        var integration = callers[ReadOnlySN];
        Assert.Equal(callers.SenegalOfficer,
            (await Roster(integration).GetOfficerAsync(new GetOfficerRequest { Name = callers.SenegalOfficer })).Name);
        Assert.Equal(callers.SenegalNomination,
            (await Nominations(integration).GetNominationAsync(new GetNominationRequest { Name = callers.SenegalNomination })).Name);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Nominations(integration).WithdrawNominationAsync(
            new WithdrawNominationRequest { Name = callers.SenegalNomination, Reason = "Not mine to withdraw." }));
    }

    private static async Task BackupAsync(CallInvoker invoker)
    {
        using var call = new OperationsService.OperationsServiceClient(invoker).BackupDatabase(new BackupDatabaseRequest(),
            deadline: DateTime.UtcNow.AddSeconds(30));
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
    }

    /// <summary>"Service/Method" of every RPC the contract declares, found by reflection so a new service counts too.</summary>
    public static HashSet<string> DeclaredMethods() =>
        typeof(AccessService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
            .Where(s => s.File.Package == "unpol.training.v1")
            .SelectMany(s => s.Methods.Select(m => $"{s.Name}/{m.Name}"))
            .ToHashSet();

    private static async Task<(string Outcome, string Detail)> OutcomeOf(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(TimeSpan.FromSeconds(30));
            return ("allowed", "OK");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return ($"UNAUTHENTICATED {e.Reason()}", e.Status.Detail);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return ("PERMISSION_DENIED", e.Status.Detail);
        }
        catch (RpcException e) when (Faults.Contains(e.StatusCode))
        {
            // The call got no real answer: not a refusal, but not the service doing its work either.
            return ($"fault {e.StatusCode}", e.Status.Detail);
        }
        catch (RpcException e)
        {
            return ("allowed", $"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    private static readonly HashSet<StatusCode> Faults =
        [StatusCode.Unimplemented, StatusCode.Internal, StatusCode.Unknown, StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    /// <summary>
    /// Watches from a sequence that has not happened yet, so a caller who may watch is answered at once
    /// (OUT_OF_RANGE) instead of being left waiting for events.
    /// </summary>
    private static async Task WatchAsync(CallInvoker invoker, string parent)
    {
        using var call = Nominations(invoker).WatchNominations(
            new WatchNominationsRequest { Parent = parent, SinceSequence = long.MaxValue },
            deadline: DateTime.UtcNow.AddSeconds(30));
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
    }

    /// <summary>An import of an empty CSV file: the settings, then nothing.</summary>
    private static async Task ImportAsync(CallInvoker invoker)
    {
        using var call = Roster(invoker).ImportOfficers(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            await call.RequestStream.WriteAsync(new ImportOfficersRequest
            {
                Settings = new ImportSettings { Parent = Senegal, Format = RosterFileFormat.Csv, Mode = ImportMode.BestEffort },
            });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service refused before reading the request: its real answer is on the response stream.
        }
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
    }

    private static async Task ExportAsync(CallInvoker invoker)
    {
        using var call = Roster(invoker).ExportOfficers(new ExportOfficersRequest { Parent = Senegal, Format = RosterFileFormat.Csv },
            deadline: DateTime.UtcNow.AddSeconds(30));
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
    }

    private static RecruitmentRequest MatrixRequest() => new()
    {
        Title = "Forensic investigators",
        Mission = "missions/minusca",
        Category = PersonnelCategory.Ipo,
        OfficerCount = 4,
        DeploymentDate = Samples.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
    };

    private static RecruitmentRequest Named(RecruitmentRequest request, string name)
    {
        request.Name = name;
        return request;
    }

    private static Officer Named(Officer officer, string name)
    {
        officer.Name = name;
        return officer;
    }

    private static Course Named(Course course, string name)
    {
        course.Name = name;
        return course;
    }

    private static Session Named(Session session, string name)
    {
        session.Name = name;
        return session;
    }

    /// <summary>One service for the whole matrix, and a credential for each caller, issued once.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        private readonly Dictionary<string, CallInvoker> _invokers = [];
        private TestService _service = null!;

        public CallInvoker this[string who] => _invokers[who];

        public async Task InitializeAsync()
        {
            _service = await TestService.StartAsync();
            var s = _service;
            _invokers[NoToken] = s.As(null);
            _invokers[UnknownToken] = s.As("trn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

            var revoked = await s.IssueTokenAsync(Role.Administrator, displayName: "Revoked administrator");
            var admin = new AccessService.AccessServiceClient(s.AsAdmin());
            var revokedName = (await new AccessService.AccessServiceClient(s.As(revoked)).GetCallerAsync(new GetCallerRequest())).AccessToken;
            await admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = revokedName });
            _invokers[RevokedToken] = s.As(revoked);

            _invokers[ExpiredToken] = s.As(await s.IssueTokenAsync(Role.Administrator,
                expireTime: s.Clock.GetUtcNow().AddHours(1), displayName: "Expiring administrator"));

            _invokers[Administrator] = s.As(await s.IssueTokenAsync(Role.Administrator, displayName: "Course administrator"));
            _invokers[FocalPointSN] = s.As(await s.FocalPointAsync("SN"));
            _invokers[FocalPointFR] = s.As(await s.FocalPointAsync("FR"));
            _invokers[Auditor] = s.As(await s.IssueTokenAsync(Role.Auditor, displayName: "Auditor"));
            _invokers[ReadOnlySN] = s.As(await s.IssueTokenAsync(Role.Integration,
                scope: new IntegrationScope { RegionCodes = { "SN" } }, displayName: "Senegal HR, read-only"));
            _invokers[ReadWriteSN] = s.As(await s.IssueTokenAsync(Role.Integration,
                scope: new IntegrationScope { RegionCodes = { "SN" }, ReadWrite = true }, displayName: "Senegal HR, read-write"));
            _invokers[ReadWriteFR] = s.As(await s.IssueTokenAsync(Role.Integration,
                scope: new IntegrationScope { RegionCodes = { "FR" }, ReadWrite = true }, displayName: "France HR, read-write"));
            _invokers[ReadOnlyAllStates] = s.As(await s.IssueTokenAsync(Role.Integration,
                scope: new IntegrationScope { AllMemberStates = true }, displayName: "UN reporting, read-only"));

            await SeedAsync();
            s.Clock.Advance(TimeSpan.FromHours(2));
        }

        /// <summary>An officer and a nomination of each of SN and FR, in one open session.</summary>
        public string SenegalOfficer { get; private set; } = "";
        public string FranceOfficer { get; private set; } = "";
        public string SenegalNomination { get; private set; } = "";
        public string FranceNomination { get; private set; } = "";
        public string OpenSession { get; private set; } = "";

        private async Task SeedAsync()
        {
            var catalog = Catalog(_invokers[Administrator]);
            var course = await catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("SEEN-1") });
            var draft = await catalog.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = Samples.Session() });
            OpenSession = (await catalog.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name })).Name;
            (SenegalOfficer, SenegalNomination) = await NominateAsync(FocalPointSN, "SN", "Diop");
            (FranceOfficer, FranceNomination) = await NominateAsync(FocalPointFR, "FR", "Martin");
        }

        private async Task<(string Officer, string Nomination)> NominateAsync(string focalPoint, string region, string family)
        {
            var officer = await Roster(_invokers[focalPoint]).CreateOfficerAsync(new CreateOfficerRequest
            {
                Parent = $"memberStates/{region}", Officer = Samples.Officer(family),
            });
            var submitted = await Nominations(_invokers[focalPoint]).SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = $"memberStates/{region}", Nomination = new Nomination { Officer = officer.Name, Session = OpenSession },
            });
            return (officer.Name, submitted.Nomination.Name);
        }

        public async Task DisposeAsync() => await _service.DisposeAsync();
    }
}
