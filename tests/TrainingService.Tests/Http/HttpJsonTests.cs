using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Api;
using Google.Protobuf.Reflection;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Http;

/// <summary>
/// The API over HTTP/1.1 and JSON, through a real Kestrel socket as curl reaches it: the same methods, credentials,
/// rights, errors (a JSON google.rpc.Status with its ErrorInfo) and edge as over gRPC.
/// </summary>
public sealed class HttpJsonTests(HttpWorld world) : IClassFixture<HttpWorld>
{
    private JsonCalls Http => world.Http;

    /// <summary>Every file of the contract that defines a service.</summary>
    public static readonly FileDescriptor[] ContractFiles =
    [
        AccessReflection.Descriptor, CatalogReflection.Descriptor, NominationReflection.Descriptor, RecruitmentReflection.Descriptor,
        ReferenceDataReflection.Descriptor, ReportReflection.Descriptor, RosterReflection.Descriptor,
    ];

    /// <summary>Every HTTP binding of every method (a method's additional bindings too), as (method, verb, template, body).</summary>
    public static IEnumerable<(MethodDescriptor Method, string Verb, string Template, string Body)> Bindings() =>
        from file in ContractFiles
        from service in file.Services
        from method in service.Methods
        let rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
        where rule is not null
        from binding in new[] { rule }.Concat(rule.AdditionalBindings)
        select (method, binding.PatternCase.ToString().ToUpperInvariant(), PatternOf(binding), binding.Body);

    public static string PatternOf(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        _ => throw new InvalidOperationException($"Unexpected HTTP rule {rule}"),
    };

    [Fact]
    public void EveryUnaryMethod_HasAnHttpBinding_AndNoStreamingMethodHasOne()
    {
        var methods = ContractFiles.SelectMany(f => f.Services).SelectMany(s => s.Methods).ToList();
        var bound = Bindings().Select(b => b.Method.FullName).ToHashSet();
        Assert.Empty(methods.Where(m => !m.IsClientStreaming && !m.IsServerStreaming && !bound.Contains(m.FullName)).Select(m => m.FullName));
        Assert.Empty(methods.Where(m => (m.IsClientStreaming || m.IsServerStreaming) && bound.Contains(m.FullName)).Select(m => m.FullName));
    }

    [Fact]
    public async Task EveryTranscodedMethod_IsRouted_AndRefusesACallerWithoutToken_As401WithItsReason()
    {
        var wrong = new List<string>();
        foreach (var (method, verb, template, body) in Bindings())
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{([\w.]+)(=([^}]+))?\}",
                m => m.Groups[3].Success ? m.Groups[3].Value.Replace("*", "x") : "x");
            var answer = await Http.SendAsync(new HttpMethod(verb), path, token: null, body: body.Length > 0 ? "{}" : null);
            if (answer.Status != HttpStatusCode.Unauthorized || answer.Reason != "CREDENTIALS_MISSING")
                wrong.Add($"{method.FullName} {verb} {path}: {answer}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task AnIntegratorWithOnlyHttp_ReadsTheCatalogueAndRoster_AndNominates()
    {
        var admin = world.Admin;
        Ok(await Http.GetAsync("/v1/caller", admin));
        var token = Ok(await Http.PostAsync("/v1/accessTokens", admin,
            """{"displayName":"HR system of Senegal","role":"ROLE_INTEGRATION","scope":{"regionCodes":["SN"],"readWrite":true}}"""));
        var secret = token.Root.GetProperty("secret").GetString()!;
        var tokenName = token.Root.GetProperty("accessToken").GetProperty("name").GetString()!;
        Assert.Contains(tokenName, Ok(await Http.GetAsync("/v1/accessTokens", admin)).Body);

        Assert.Equal("Senegal", Ok(await Http.GetAsync("/v1/memberStates/sn", secret)).Root.GetProperty("displayName").GetString());
        Assert.True(Ok(await Http.GetAsync("/v1/memberStates?pageSize=10", secret)).Root.GetProperty("memberStates").GetArrayLength() == 10);
        Assert.Contains("\"fr\"", Ok(await Http.GetAsync("/v1/languages?unOfficialOnly=true", secret)).Body);
        Assert.Contains("forensics", Ok(await Http.GetAsync("/v1/skills", secret)).Body);
        Assert.Contains("missions/", Ok(await Http.GetAsync("/v1/missions", secret)).Body);
        Assert.Contains(world.Session, Ok(await Http.GetAsync("/v1/courses/-/sessions?states=OPEN", secret)).Body);
        Assert.Contains("http-stm", Ok(await Http.GetAsync("/v1/courses", secret)).Body);
        Assert.Contains("HTTP-STM", Ok(await Http.GetAsync("/v1/courses/http-stm", secret)).Body);
        Assert.Contains("march", Ok(await Http.GetAsync($"/v1/{world.Session}", secret)).Body);

        var created = Ok(await Http.PostAsync("/v1/memberStates/SN/officers?officerId=http-mbaye", secret,
            JsonCalls.Json(Samples.Officer("Mbaye", "Khady")))).As<Officer>();
        Assert.Equal("memberStates/SN/officers/http-mbaye", created.Name);
        Assert.Equal("Khady", Ok(await Http.GetAsync($"/v1/{created.Name}", secret)).As<Officer>().GivenName);
        var found = Ok(await Http.PostAsync("/v1/officers:search", secret,
            """{"regionCodes":["SN"],"nameText":"mbaye","languages":[{"languageCode":"fr","minimumLevel":"CEFR_LEVEL_B2"}]}""")).As<SearchOfficersResponse>();
        Assert.Equal(created.Name, Assert.Single(found.Officers).Name);

        var check = Ok(await Http.PostAsync($"/v1/{created.Name}:checkEligibility", secret, $$"""{"session":"{{world.Session}}"}""")).As<CheckEligibilityResponse>();
        Assert.True(check.Eligible, check.ToString());
        var submit = $$"""{"officer":"{{created.Name}}","session":"{{world.Session}}"}""";
        var requestId = Guid.NewGuid().ToString();
        var nomination = Ok(await Http.PostAsync($"/v1/memberStates/SN/nominations?requestId={requestId}", secret, submit)).As<SubmitNominationResponse>().Nomination;
        var retried = Ok(await Http.PostAsync($"/v1/memberStates/SN/nominations?request_id={requestId}", secret, submit)).As<SubmitNominationResponse>().Nomination;
        Assert.Equal(nomination.Name, retried.Name);
        Assert.Equal(Nomination.Types.State.Submitted, Ok(await Http.GetAsync($"/v1/{nomination.Name}", secret)).As<Nomination>().State);
        Assert.Contains(nomination.Name, Ok(await Http.GetAsync($"/v1/memberStates/SN/nominations?session={world.Session}", secret)).Body);

        var confirmed = Ok(await Http.PostAsync($"/v1/{nomination.Name}:confirm", admin, $$"""{"etag":{{Quoted(nomination.Etag)}}}""")).As<Nomination>();
        Assert.Equal(Nomination.Types.State.Confirmed, confirmed.State);
        var stale = await Http.PostAsync($"/v1/{nomination.Name}:withdraw", secret, $$"""{"etag":{{Quoted(nomination.Etag)}},"reason":"Retained at home."}""");
        Assert.Equal((HttpStatusCode.Conflict, "ETAG_MISMATCH"), (stale.Status, stale.Reason));
        Assert.Equal(1, Ok(await Http.GetAsync($"/v1/{world.Session}/statistics", admin)).As<SessionStatistics>().Overall.Confirmed);
        var illegal = await Http.PostAsync($"/v1/{nomination.Name}:waitlist", admin, "{}");
        Assert.Equal((HttpStatusCode.BadRequest, 9, "ILLEGAL_TRANSITION"), (illegal.Status, illegal.Code, illegal.Reason));
        Assert.Contains("PreconditionFailure", illegal.Body);
        Assert.Equal(Nomination.Types.State.Withdrawn,
            Ok(await Http.PostAsync($"/v1/{nomination.Name}:withdraw", secret, """{"reason":"Retained at home."}""")).As<Nomination>().State);

        Ok(await Http.GetAsync("/v1/reports/parity?regionCodes=SN", secret));
        Ok(await Http.GetAsync("/v1/reports/skills?regionCodes=SN", secret));
        Ok(await Http.GetAsync("/v1/reports/expiringCertifications?withinDays=30", secret));
        Assert.Contains("RosterService/CreateOfficer", Ok(await Http.GetAsync("/v1/auditEvents?resource=memberStates/SN/officers/http-mbaye", admin)).Body);

        var other = Ok(await Http.PostAsync("/v1/memberStates/SN/officers", secret, JsonCalls.Json(Samples.Officer("Thiam", "Ousmane")))).As<Officer>();
        Ok(await Http.DeleteAsync($"/v1/{other.Name}", secret));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/{other.Name}", secret)).Status);

        Ok(await Http.PostAsync($"/v1/{tokenName}:revoke", admin, "{}"));
        var revoked = await Http.GetAsync("/v1/caller", secret);
        Assert.Equal((HttpStatusCode.Unauthorized, "TOKEN_REVOKED"), (revoked.Status, revoked.Reason));
    }

    [Fact]
    public async Task Recruitment_OverHttp_CreatesOpensAndMatches()
    {
        var request = new RecruitmentRequest
        {
            Title = "Forensic investigators, francophone",
            Mission = "missions/minusca",
            Category = PersonnelCategory.Ipo,
            OfficerCount = 3,
            DeploymentDate = Samples.Date(2027, 9, 1),
            Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2027, 6, 1, 0, 0, 0, DateTimeKind.Utc)),
            Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
        };
        var created = Ok(await Http.PostAsync("/v1/requests?recruitmentRequestId=http-forensics", world.Admin, JsonCalls.Json(request))).As<RecruitmentRequest>();
        Assert.Equal("requests/http-forensics", created.Name);
        var draft = await Http.GetAsync($"/v1/{created.Name}", world.FocalPointSN);
        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND"), (draft.Status, draft.Reason));
        var opened = Ok(await Http.PostAsync($"/v1/{created.Name}:open", world.Admin, "{}")).As<RecruitmentRequest>();
        Assert.Equal(RecruitmentRequest.Types.State.Open, opened.State);
        Assert.Equal(created.Title, Ok(await Http.GetAsync($"/v1/{created.Name}", world.FocalPointSN)).As<RecruitmentRequest>().Title);
        Assert.Contains(created.Name, Ok(await Http.GetAsync("/v1/requests?states=OPEN", world.FocalPointSN)).Body);
        var matches = Ok(await Http.PostAsync($"/v1/{created.Name}:matchCandidates", world.FocalPointSN, """{"regionCode":"SN","pageSize":3}""")).As<MatchCandidatesResponse>();
        Assert.NotEmpty(matches.Candidates);
        Assert.NotEmpty(Ok(await Http.PostAsync($"/v1/{world.Session}:matchCandidates", world.FocalPointSN, """{"regionCode":"SN"}""")).As<MatchCandidatesResponse>().Candidates);
        var foreign = await Http.PostAsync($"/v1/{created.Name}:matchCandidates", world.FocalPointSN, """{"regionCode":"RW"}""");
        Assert.Equal((HttpStatusCode.Forbidden, "PERMISSION_DENIED"), (foreign.Status, foreign.Reason));
    }

    [Fact]
    public async Task CatalogueAndRequestLifecycles_OverHttp_UpdateOpenCloseCancelAndDelete()
    {
        var admin = world.Admin;
        var course = Ok(await Http.PostAsync("/v1/courses?courseId=http-life", admin, JsonCalls.Json(CatalogSamples.Course("HTTP-LIFE")))).As<Course>();
        var session = Ok(await Http.PostAsync($"/v1/{course.Name}/sessions?sessionId=april", admin,
            JsonCalls.Json(CatalogSamples.Session(new DateOnly(2027, 4, 5))))).As<Session>();
        var draft = Ok(await Http.PostAsync($"/v1/{course.Name}/sessions?sessionId=may", admin,
            JsonCalls.Json(CatalogSamples.Session(new DateOnly(2027, 5, 3))))).As<Session>();

        var change = session.Clone();
        change.Seats = 33;
        var updated = Ok(await Http.PatchAsync($"/v1/{session.Name}?updateMask=seats", admin, JsonCalls.Json(change))).As<Session>();
        Assert.Equal(33, updated.Seats);
        var opened = Ok(await Http.PostAsync($"/v1/{session.Name}:open", admin, $$"""{"etag":{{Quoted(updated.Etag)}}}""")).As<Session>();
        Assert.Equal(Session.Types.State.Open, opened.State);
        var closed = Ok(await Http.PostAsync($"/v1/{session.Name}:close", admin, "{}")).As<Session>();
        Assert.Equal(Session.Types.State.Closed, closed.State);
        var cancelled = Ok(await Http.PostAsync($"/v1/{session.Name}:cancel", admin, """{"reason":"Venue unavailable."}""")).As<Session>();
        Assert.Equal((Session.Types.State.Cancelled, "Venue unavailable."), (cancelled.State, cancelled.CancelReason));

        Ok(await Http.DeleteAsync($"/v1/{draft.Name}", admin));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/{draft.Name}", admin)).Status);
        var empty = Ok(await Http.PostAsync("/v1/courses?courseId=http-empty", admin, JsonCalls.Json(CatalogSamples.Course("HTTP-EMPTY")))).As<Course>();
        Ok(await Http.DeleteAsync($"/v1/{empty.Name}", admin));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/{empty.Name}", admin)).Status);

        var request = new RecruitmentRequest
        {
            Title = "Community policing advisers",
            Mission = "missions/minusca",
            Category = PersonnelCategory.Ipo,
            OfficerCount = 2,
            DeploymentDate = Samples.Date(2027, 10, 1),
            Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        var created = Ok(await Http.PostAsync("/v1/requests?recruitmentRequestId=http-life", admin, JsonCalls.Json(request))).As<RecruitmentRequest>();
        var retitled = created.Clone();
        retitled.Title = "Community-oriented policing advisers";
        var edited = Ok(await Http.PatchAsync($"/v1/{created.Name}?updateMask=title", admin, JsonCalls.Json(retitled))).As<RecruitmentRequest>();
        Assert.Equal(retitled.Title, edited.Title);
        Ok(await Http.PostAsync($"/v1/{created.Name}:open", admin, "{}"));
        Assert.Equal(RecruitmentRequest.Types.State.Closed, Ok(await Http.PostAsync($"/v1/{created.Name}:close", admin, "{}")).As<RecruitmentRequest>().State);
        Assert.Equal(RecruitmentRequest.Types.State.Cancelled,
            Ok(await Http.PostAsync($"/v1/{created.Name}:cancel", admin, """{"reason":"Mandate not renewed."}""")).As<RecruitmentRequest>().State);
        var unused = Ok(await Http.PostAsync("/v1/requests?recruitmentRequestId=http-unused", admin, JsonCalls.Json(request))).As<RecruitmentRequest>();
        Ok(await Http.DeleteAsync($"/v1/{unused.Name}", admin));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/{unused.Name}", admin)).Status);
    }

    [Fact]
    public async Task DecisionsOnNominations_OverHttp_WaitlistRejectAndReconsider()
    {
        var admin = world.Admin;
        var focal = world.FocalPointSN;
        async Task<Nomination> NominateAsync(string family, string given)
        {
            var officer = Ok(await Http.PostAsync("/v1/memberStates/SN/officers", focal, JsonCalls.Json(Samples.Officer(family, given)))).As<Officer>();
            return Ok(await Http.PostAsync("/v1/memberStates/SN/nominations", focal,
                $$"""{"officer":"{{officer.Name}}","session":"{{world.Session}}"}""")).As<SubmitNominationResponse>().Nomination;
        }

        var first = await NominateAsync("Diouf", "Aminata");
        var waitlisted = Ok(await Http.PostAsync($"/v1/{first.Name}:waitlist", admin, $$"""{"etag":{{Quoted(first.Etag)}}}""")).As<Nomination>();
        Assert.Equal(Nomination.Types.State.Waitlisted, waitlisted.State);

        var second = await NominateAsync("Sarr", "Moussa");
        var rejected = Ok(await Http.PostAsync($"/v1/{second.Name}:reject", admin, """{"reason":"Missing documents."}""")).As<Nomination>();
        Assert.Equal(Nomination.Types.State.Rejected, rejected.State);
        var reconsidered = Ok(await Http.PostAsync($"/v1/{second.Name}:reconsider", admin,
            $$"""{"etag":{{Quoted(rejected.Etag)}},"reason":"The documents arrived."}""")).As<Nomination>();
        Assert.NotEqual(Nomination.Types.State.Rejected, reconsidered.State);
        var again = await Http.PostAsync($"/v1/{second.Name}:reconsider", admin, """{"reason":"Again."}""");
        Assert.Equal((HttpStatusCode.BadRequest, "ILLEGAL_TRANSITION"), (again.Status, again.Reason));
    }

    [Fact]
    public async Task TheEndOfASession_OverHttp_CompletesItAndRecordsAnOutcome()
    {
        var admin = world.Admin;
        var course = Ok(await Http.PostAsync("/v1/courses?courseId=http-end", admin, JsonCalls.Json(CatalogSamples.Course("HTTP-END")))).As<Course>();
        var session = Ok(await Http.PostAsync($"/v1/{course.Name}/sessions?sessionId=february", admin,
            JsonCalls.Json(CatalogSamples.Session(new DateOnly(2027, 2, 15), days: 5)))).As<Session>();
        Ok(await Http.PostAsync($"/v1/{session.Name}:open", admin, "{}"));
        var officer = Ok(await Http.PostAsync("/v1/memberStates/SN/officers", world.FocalPointSN, JsonCalls.Json(Samples.Officer("Niang", "Fatou")))).As<Officer>();
        var nomination = Ok(await Http.PostAsync("/v1/memberStates/SN/nominations", world.FocalPointSN,
            $$"""{"officer":"{{officer.Name}}","session":"{{session.Name}}"}""")).As<SubmitNominationResponse>().Nomination;
        var confirmed = Ok(await Http.PostAsync($"/v1/{nomination.Name}:confirm", admin, "{}")).As<Nomination>();
        var closed = Ok(await Http.PostAsync($"/v1/{session.Name}:close", admin, "{}")).As<Session>();

        var early = await Http.PostAsync($"/v1/{session.Name}:complete", admin, $$"""{"etag":{{Quoted(closed.Etag)}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);

        var before = world.Service.Clock.GetUtcNow();
        world.Service.Clock.Set(new DateTimeOffset(2027, 2, 20, 17, 0, 0, TimeSpan.Zero));
        try
        {
            var passed = Ok(await Http.PostAsync($"/v1/{confirmed.Name}:recordOutcome", admin,
                $$"""{"etag":{{Quoted(confirmed.Etag)}},"outcome":"PASSED"}""")).As<Nomination>();
            Assert.Equal(Nomination.Types.State.Completed, passed.State);
            var again = await Http.PostAsync($"/v1/{confirmed.Name}:recordOutcome", admin, """{"outcome":"PASSED"}""");
            Assert.Equal(HttpStatusCode.BadRequest, again.Status);

            var completed = Ok(await Http.PostAsync($"/v1/{session.Name}:complete", admin, $$"""{"etag":{{Quoted(closed.Etag)}}}""")).As<Session>();
            Assert.Equal(Session.Types.State.Completed, completed.State);
            var stale = await Http.PostAsync($"/v1/{session.Name}:complete", admin, $$"""{"etag":{{Quoted(closed.Etag)}}}""");
            Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        }
        finally
        {
            world.Service.Clock.Set(before);
        }
    }

    [Fact]
    public async Task TheDeploymentPath_OverHttp_ShortlistsSelectsClearsAndDeploys_EachWithItsEtag()
    {
        var admin = world.Admin;
        var request = new RecruitmentRequest
        {
            Title = "Crime scene investigators",
            Mission = "missions/minusca",
            Category = PersonnelCategory.Ipo,
            OfficerCount = 1,
            DeploymentDate = Samples.Date(2027, 9, 1),
            Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2027, 6, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        var created = Ok(await Http.PostAsync("/v1/requests?recruitmentRequestId=http-deploy", admin, JsonCalls.Json(request))).As<RecruitmentRequest>();
        Ok(await Http.PostAsync($"/v1/{created.Name}:open", admin, "{}"));
        var officer = Ok(await Http.PostAsync("/v1/memberStates/SN/officers", world.FocalPointSN, JsonCalls.Json(Samples.Officer("Toure", "Ousmane")))).As<Officer>();
        var nomination = Ok(await Http.PostAsync("/v1/memberStates/SN/nominations", world.FocalPointSN,
            $$"""{"officer":"{{officer.Name}}","request":"{{created.Name}}"}""")).As<SubmitNominationResponse>().Nomination;

        var byFocalPoint = await Http.PostAsync($"/v1/{nomination.Name}:shortlist", world.FocalPointSN, "{}");
        Assert.Equal((HttpStatusCode.Forbidden, "PERMISSION_DENIED"), (byFocalPoint.Status, byFocalPoint.Reason));
        var outOfOrder = await Http.PostAsync($"/v1/{nomination.Name}:deploy", admin, "{}");
        Assert.Equal((HttpStatusCode.BadRequest, "ILLEGAL_TRANSITION"), (outOfOrder.Status, outOfOrder.Reason));

        var steps = new[] { ("shortlist", Nomination.Types.State.Shortlisted), ("select", Nomination.Types.State.Selected),
            ("clear", Nomination.Types.State.Cleared), ("deploy", Nomination.Types.State.Deployed) };
        foreach (var (verb, state) in steps)
        {
            var moved = Ok(await Http.PostAsync($"/v1/{nomination.Name}:{verb}", admin, $$"""{"etag":{{Quoted(nomination.Etag)}}}""")).As<Nomination>();
            Assert.Equal(state, moved.State);
            var stale = await Http.PostAsync($"/v1/{nomination.Name}:{verb}", admin, $$"""{"etag":{{Quoted(nomination.Etag)}}}""");
            Assert.Equal(HttpStatusCode.Conflict, stale.Status);
            nomination = moved;
        }
    }

    public static TheoryData<string, HttpStatusCode> Readers => new()
    {
        { "administrator", HttpStatusCode.OK },
        { "auditor", HttpStatusCode.OK },
        { "focal point SN", HttpStatusCode.OK },
        { "integration reading SN", HttpStatusCode.OK },
        { "focal point RW", HttpStatusCode.Forbidden },
        { "anonymous", HttpStatusCode.Unauthorized },
        { "unknown token", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task GetOfficer_OverHttp_FollowsTheRoleMatrix(string caller, HttpStatusCode expected)
    {
        var answer = await Http.GetAsync($"/v1/{world.Officers[0].Name}", TokenOf(caller));
        Assert.Equal(expected, answer.Status);
        if (expected == HttpStatusCode.OK) Assert.Equal(world.Officers[0].NationalPoliceId, answer.As<Officer>().NationalPoliceId);
        else Assert.Equal(expected == HttpStatusCode.Forbidden ? "PERMISSION_DENIED" : caller == "anonymous" ? "CREDENTIALS_MISSING" : "TOKEN_UNKNOWN", answer.Reason);
    }

    public static TheoryData<string, HttpStatusCode> Writers => new()
    {
        { "administrator", HttpStatusCode.Forbidden },
        { "auditor", HttpStatusCode.Forbidden },
        { "focal point SN", HttpStatusCode.OK },
        { "integration reading SN", HttpStatusCode.Forbidden },
        { "focal point RW", HttpStatusCode.Forbidden },
        { "anonymous", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task CreateOfficer_OverHttp_FollowsTheRoleMatrix(string caller, HttpStatusCode expected)
    {
        var answer = await Http.PostAsync("/v1/memberStates/SN/officers", TokenOf(caller), JsonCalls.Json(Samples.Officer("Role", caller.Replace(" ", ""))));
        Assert.True(expected == answer.Status, answer.ToString());
        if (expected != HttpStatusCode.OK) Assert.Equal(expected == HttpStatusCode.Forbidden ? "PERMISSION_DENIED" : "CREDENTIALS_MISSING", answer.Reason);
    }

    private string? TokenOf(string caller) => caller switch
    {
        "administrator" => world.Admin,
        "auditor" => world.Auditor,
        "focal point SN" => world.FocalPointSN,
        "focal point RW" => world.FocalPointRW,
        "integration reading SN" => world.IntegrationReadingSN,
        "unknown token" => "no-such-token-of-this-service",
        _ => null,
    };

    [Fact]
    public async Task PageTokens_RoundTripAsQueryParameters_AndAnAlteredOneIsRefused()
    {
        var names = new List<string>();
        string? token = "";
        var pages = 0;
        do
        {
            var page = Ok(await Http.GetAsync($"/v1/memberStates/SN/officers?pageSize=2&pageToken={Uri.EscapeDataString(token)}", world.Admin))
                .As<ListOfficersResponse>();
            names.AddRange(page.Officers.Select(o => o.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);
        var all = new RosterService.RosterServiceClient(world.Service.AsAdmin())
            .ListOfficers(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 500 }).Officers.Select(o => o.Name).ToList();
        Assert.Equal(all, names);
        Assert.True(pages >= 4);

        var first = Ok(await Http.GetAsync("/v1/memberStates/SN/officers?page_size=2", world.Admin)).As<ListOfficersResponse>();
        var altered = await Http.GetAsync($"/v1/memberStates/-/officers?page_size=2&page_token={Uri.EscapeDataString(first.NextPageToken)}", world.Admin);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_FIELDS"), (altered.Status, altered.Reason));
        Assert.Contains("BadRequest", altered.Body);
    }

    [Fact]
    public async Task UpdateOfficer_WithUpdateMaskAsQueryParameter_AndEtag_ChangesOnlyTheMaskedField()
    {
        var officer = world.Officers[1];
        var change = new Officer { Name = officer.Name, Etag = officer.Etag, Rank = "Commissaire de police", GivenName = "Ignored" };
        var updated = Ok(await Http.PatchAsync($"/v1/{officer.Name}?updateMask=rank", world.FocalPointSN, JsonCalls.Json(change))).As<Officer>();
        Assert.Equal(("Commissaire de police", officer.GivenName), (updated.Rank, updated.GivenName));
        Assert.NotEqual(officer.Etag, updated.Etag);

        var stale = await Http.PatchAsync($"/v1/{officer.Name}?update_mask=rank", world.FocalPointSN, JsonCalls.Json(change));
        Assert.Equal((HttpStatusCode.Conflict, 10, "ETAG_MISMATCH"), (stale.Status, stale.Code, stale.Reason));
        var badMask = await Http.PatchAsync($"/v1/{officer.Name}?updateMask=no_such_field", world.FocalPointSN,
            JsonCalls.Json(new Officer { Name = officer.Name, Etag = updated.Etag }));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_FIELDS"), (badMask.Status, badMask.Reason));
    }

    [Fact]
    public async Task BadJson_IsMalformedRequest_AndTooManyEntries_IsRequestTooLarge_LikeOverGrpc()
    {
        var notJson = await Http.PostAsync("/v1/officers:search", world.Admin, "{\"regionCodes\": [");
        Assert.Equal((HttpStatusCode.BadRequest, 3, "MALFORMED_REQUEST"), (notJson.Status, notJson.Code, notJson.Reason));
        var wrongType = await Http.PostAsync("/v1/officers:search", world.Admin, """{"pageSize":"many"}""");
        Assert.Equal("MALFORMED_REQUEST", wrongType.Reason);

        var skills = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"skillCode":"s{{i}}"}"""));
        var tooMany = await Http.PostAsync("/v1/officers:search", token: null, $$"""{"skills":[{{skills}}]}""");
        Assert.Equal((HttpStatusCode.BadRequest, "REQUEST_TOO_LARGE"), (tooMany.Status, tooMany.Reason));
        Assert.Contains("\"field\": \"skills\"", tooMany.Body.Replace("\"field\":\"skills\"", "\"field\": \"skills\""));
    }

    [Fact]
    public async Task JsonResponses_AreGzipped_WhenTheCallerAcceptsIt_AndGzippedRequestsAreRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/memberStates/SN/officers?pageSize=500");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.Admin);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await Http.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var json = await new StreamReader(unzip).ReadToEndAsync();
        Assert.True(compressed.Length < json.Length / 2, $"{compressed.Length} bytes gzipped of {json.Length}");
        Assert.Equal(world.Officers.Count, Google.Protobuf.JsonParser.Default.Parse<ListOfficersResponse>(json).Officers.Count(o => world.Officers.Any(w => w.Name == o.Name)));

        var body = Encoding.UTF8.GetBytes("""{"regionCodes":["SN"],"nameText":"ndiaye"}""");
        var zipped = new MemoryStream();
        await using (var zip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) await zip.WriteAsync(body);
        using var search = new HttpRequestMessage(HttpMethod.Post, "/v1/officers:search") { Content = new ByteArrayContent(zipped.ToArray()) };
        search.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        search.Content.Headers.ContentEncoding.Add("gzip");
        search.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.Admin);
        using var found = await Http.Client.SendAsync(search);
        var text = await found.Content.ReadAsStringAsync();
        Assert.True(found.IsSuccessStatusCode, text);
        Assert.Contains("Ndiaye", text);
    }

    [Fact]
    public async Task RosterFiles_ImportAsOneCall_AllOrNothing_AndExportAsACsvDownload()
    {
        var header = "national_police_id,family_name,given_name,gender,birth_date,rank,service_start_date,availability";
        var good = $"{header}\nHTTP-1,Kane,Aminata,female,1985-02-01,Inspecteur,2010-01-04,available\n";
        var bad = good + "HTTP-2,Sow,Moussa,male,1985-02-30,Inspecteur,2010-01-04,available\n";

        var refused = Ok(await Http.SendAsync(HttpMethod.Post, "/v1/memberStates/SN/officers:importFile?mode=IMPORT_MODE_ALL_OR_NOTHING",
            world.FocalPointSN, bad, "text/csv")).As<ImportOfficerFileResponse>();
        Assert.False(refused.Summary.Applied);
        var error = Assert.Single(refused.RowErrors);
        Assert.Equal((3L, "birth_date"), (error.Line, error.Field));

        var applied = Ok(await Http.SendAsync(HttpMethod.Post, "/v1/memberStates/SN/officers:importFile?mode=IMPORT_MODE_ALL_OR_NOTHING",
            world.FocalPointSN, good, "text/csv")).As<ImportOfficerFileResponse>();
        Assert.Equal((true, 1L), (applied.Summary.Applied, applied.Summary.Created));

        var export = await Http.GetAsync("/v1/memberStates/SN/officers:exportFile", world.FocalPointSN);
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (export.Status, export.MediaType));
        Assert.Contains("attachment", export.Headers.GetValueOrDefault("Content-Disposition") ?? "");
        Assert.StartsWith("national_police_id,", export.Body);
        Assert.Contains("HTTP-1,Kane,Aminata", export.Body);

        var wrongType = await Http.SendAsync(HttpMethod.Post, "/v1/memberStates/SN/officers:importFile?mode=IMPORT_MODE_BEST_EFFORT",
            world.FocalPointSN, "a,b", "text/plain");
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_FIELDS"), (wrongType.Status, wrongType.Reason));
        var foreign = await Http.GetAsync("/v1/memberStates/SN/officers:exportFile", world.FocalPointRW);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryTranscodedMethod_WithItsProtoComment()
    {
        var document = Ok(await Http.GetAsync("/openapi/v1.json", token: null)).Root;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Verb: op.Name.ToUpperInvariant(), Operation: op.Value)))
            .ToList();
        var missing = new List<string>();
        foreach (var (method, verb, template, _) in Bindings())
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{([\w.]+)=([^}]+)\}", m => SpeltOut(m.Groups[2].Value));
            if (!operations.Any(o => o.Path == path && o.Verb == verb)) missing.Add($"{method.FullName}: {verb} {path}");
        }
        Assert.Empty(missing);
        Assert.Contains(operations, o => o.Path == "/v1/memberStates/{memberState}/officers/{officer}" && o.Verb == "GET"
            && o.Operation.GetProperty("summary").GetString() == "Gets one officer.");
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/docs/index.html", token: null)).Status);
    }

    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>"memberStates/*/officers/*" as "memberStates/{memberState}/officers/{officer}".</summary>
    private static string SpeltOut(string pattern)
    {
        var segments = pattern.Split('/');
        return string.Join('/', segments.Select((segment, i) => segment == "*" ? $"{{{segments[i - 1].TrimEnd('s')}}}" : segment));
    }

    private static JsonCalls.Answer Ok(JsonCalls.Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer;
    }
}
