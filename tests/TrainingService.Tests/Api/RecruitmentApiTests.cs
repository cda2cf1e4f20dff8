using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Service.Tests.Api;

public sealed class RecruitmentApiTests : IAsyncLifetime
{
    private NominationWorld _world = null!;
    private RecruitmentService.RecruitmentServiceClient _admin = null!;
    private RecruitmentService.RecruitmentServiceClient _senegal = null!;

    public async Task InitializeAsync()
    {
        _world = await NominationWorld.StartAsync();
        _admin = new RecruitmentService.RecruitmentServiceClient(_world.Service.AsAdmin());
        _senegal = new RecruitmentService.RecruitmentServiceClient(_world.Service.As(_world.SenegalToken));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static RecruitmentRequest Sample(int officers = 2) => new()
    {
        Title = "Forensic investigators, francophone",
        Mission = "missions/minusca",
        Category = PersonnelCategory.Ipo,
        Stream = SkillStream.PoliceOperations,
        OfficerCount = officers,
        DeploymentDate = Samples.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
        Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
        Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate } },
        TargetWomenShare = 0.3,
    };

    private async Task<RecruitmentRequest> OpenAsync(RecruitmentRequest? draft = null)
    {
        var created = await _admin.CreateRequestAsync(new CreateRequestRequest { Request = draft ?? Sample() });
        return await _admin.OpenRequestAsync(new OpenRequestRequest { Name = created.Name });
    }

    private async Task<Nomination> NominateAsync(Officer officer, RecruitmentRequest request) =>
        (await _world.Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Request = request.Name },
        })).Nomination;

    [Fact]
    public async Task CreateRequest_ThenOpen_IsListedWithItsRequirements()
    {
        var created = await _admin.CreateRequestAsync(new CreateRequestRequest { RecruitmentRequestId = "minusca-forensics", Request = Sample() });
        Assert.Equal("requests/minusca-forensics", created.Name);
        Assert.Equal(RecruitmentRequest.Types.State.Draft, created.State);

        var opened = await _admin.OpenRequestAsync(new OpenRequestRequest { Name = created.Name, Etag = created.Etag });
        var listed = await _senegal.ListRequestsAsync(new ListRequestsRequest());
        var seen = Assert.Single(listed.Requests);
        Assert.Equal(opened, seen);
        Assert.Equal("fr", seen.Languages[0].LanguageCode);
    }

    [Fact]
    public async Task DraftRequests_AreHiddenFromFocalPoints()
    {
        var draft = await _admin.CreateRequestAsync(new CreateRequestRequest { Request = Sample() });
        Assert.Empty((await _senegal.ListRequestsAsync(new ListRequestsRequest())).Requests);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _senegal.GetRequestAsync(new GetRequestRequest { Name = draft.Name }));
    }

    [Fact]
    public async Task CreateRequest_WithBadFields_ReportsEachOne()
    {
        var bad = Sample();
        bad.Mission = "missions/atlantis";
        bad.OfficerCount = 0;
        bad.Deadline = Timestamp.FromDateTime(new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.CreateRequestAsync(new CreateRequestRequest { Request = bad }));
        Assert.Equal(["request.deadline", "request.mission", "request.officer_count"], error.BadFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateRequest_ChangesOnlyTheMaskedFields_AndAStaleEtagIsAborted()
    {
        var created = await _admin.CreateRequestAsync(new CreateRequestRequest { Request = Sample() });
        var change = created.Clone();
        change.OfficerCount = 6;
        change.Title = "ignored";
        var updated = await _admin.UpdateRequestAsync(new UpdateRequestRequest { Request = change, UpdateMask = new FieldMask { Paths = { "officer_count" } } });
        Assert.Equal((6, created.Title), (updated.OfficerCount, updated.Title));
        await RpcAssert.FailsWith(StatusCode.Aborted,
            () => _admin.UpdateRequestAsync(new UpdateRequestRequest { Request = change, UpdateMask = new FieldMask { Paths = { "officer_count" } } }));
    }

    [Fact]
    public async Task Nomination_WalksTheDeploymentPath_AndDeployingMarksTheOfficerDeployed()
    {
        var request = await OpenAsync();
        var officer = await _world.OfficerAsync();
        var nomination = await NominateAsync(officer, request);
        Assert.Equal((State.Submitted, request.Name), (nomination.State, nomination.Request));

        var admin = _world.Admin;
        nomination = await admin.ShortlistNominationAsync(new ShortlistNominationRequest { Name = nomination.Name, Etag = nomination.Etag });
        nomination = await admin.SelectNominationAsync(new SelectNominationRequest { Name = nomination.Name, Etag = nomination.Etag });
        nomination = await admin.ClearNominationAsync(new ClearNominationRequest { Name = nomination.Name, Etag = nomination.Etag });
        nomination = await admin.DeployNominationAsync(new DeployNominationRequest { Name = nomination.Name, Etag = nomination.Etag });

        Assert.Equal([State.Submitted, State.Shortlisted, State.Selected, State.Cleared, State.Deployed], nomination.History.Select(h => h.ToState));
        var deployed = await _world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name });
        Assert.Equal(Availability.Deployed, deployed.Availability);
    }

    [Fact]
    public async Task Clear_WithoutMedicalClearanceOnFile_IsRefused()
    {
        var request = await OpenAsync();
        var officer = await _world.OfficerAsync(change: o => o.Vetting.MedicalClearance = new VettingItem());
        var nomination = await NominateAsync(officer, request);
        var admin = _world.Admin;
        nomination = await admin.ShortlistNominationAsync(new ShortlistNominationRequest { Name = nomination.Name });
        nomination = await admin.SelectNominationAsync(new SelectNominationRequest { Name = nomination.Name });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => admin.ClearNominationAsync(new ClearNominationRequest { Name = nomination.Name }));
        Assert.Equal(["MEDICAL_CLEARANCE_MISSING"], error.ViolationTypes());
    }

    [Fact]
    public async Task SessionMoves_OnARequestNomination_AreIllegal()
    {
        var nomination = await NominateAsync(await _world.OfficerAsync(), await OpenAsync());
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name }));
        Assert.Equal("ILLEGAL_TRANSITION", error.Reason());
    }

    [Fact]
    public async Task Submit_BeyondTwoNomineesPerPost_IsRefused()
    {
        var request = await OpenAsync(Sample(officers: 1));
        await NominateAsync(await _world.OfficerAsync(family: "One"), request);
        await NominateAsync(await _world.OfficerAsync(family: "Two"), request);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () => await NominateAsync(await _world.OfficerAsync(family: "Three"), request));
        Assert.Equal(["MEMBER_STATE_CAP_REACHED"], error.ViolationTypes());
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_IsRefused()
    {
        var request = await OpenAsync();
        _world.Service.Clock.Set(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () => await NominateAsync(await _world.OfficerAsync(), request));
        Assert.Equal(["REQUEST_DEADLINE_PASSED"], error.ViolationTypes());
    }

    [Fact]
    public async Task CancelRequest_CancelsItsLiveNominations()
    {
        var request = await OpenAsync();
        var nomination = await NominateAsync(await _world.OfficerAsync(), request);
        await _admin.CancelRequestAsync(new CancelRequestRequest { Name = request.Name, Reason = "Mandate changed." });
        var cancelled = await _world.Senegal.GetNominationAsync(new GetNominationRequest { Name = nomination.Name });
        Assert.Equal(State.Cancelled, cancelled.State);
        Assert.Contains("Mandate changed.", cancelled.History.Last().Reason);
    }

    [Fact]
    public async Task CheckEligibility_AgainstARequest_NamesEveryFailure()
    {
        var request = await OpenAsync();
        var weak = await _world.OfficerAsync(change: o =>
        {
            o.Languages[0].Listening = CefrLevel.B1;
            o.Skills.Clear();
        });
        var result = await _world.Senegal.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = weak.Name, Request = request.Name });
        Assert.False(result.Eligible);
        Assert.Equal(["LANGUAGE_LEVEL_TOO_LOW", "MISSING_SKILL"], result.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task MatchCandidates_RanksEligibleOfficersByTheDocumentedScore_WithTheirExplanations()
    {
        var request = await OpenAsync();
        // Expert forensics, French C2: the most above the minimum.
        await _world.OfficerAsync(family: "Best", change: o =>
        {
            o.Languages[0] = new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.C2, Listening = CefrLevel.C2, Writing = CefrLevel.C2, Speaking = CefrLevel.C2 };
            o.Skills[0].Level = SkillLevel.Expert;
        });
        // Exactly at the minimum, and deployed.
        await _world.OfficerAsync(family: "Minimal", change: o =>
        {
            o.Languages[0] = new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.B2, Listening = CefrLevel.B2, Writing = CefrLevel.B2, Speaking = CefrLevel.B2 };
            o.Skills[0].Level = SkillLevel.Intermediate;
            o.Certifications.AmsPass = null;
            o.Availability = Availability.Deployed;
        });
        // Fails the language rule: not a candidate.
        await _world.OfficerAsync(family: "Ineligible", change: o => o.Languages[0].Listening = CefrLevel.B1);
        await _world.OfficerAsync("FR", family: "Foreign");

        var match = await _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request.Name, RegionCode = "SN" });

        Assert.Equal((3, 2), (match.ConsideredCount, match.EligibleCount));
        Assert.Equal(["Best, Awa", "Minimal, Awa"], match.Candidates.Select(c => c.OfficerDisplayName));
        var best = match.Candidates[0];
        // French C2 against B2: 2 levels above → 10 points (capped); expert forensics against intermediate: 5 + 2 × 5 = 15;
        // AMS passed 2026-03-02, 14 months before the 2027-06-01 deployment: 10 × (24 − 14) / 24; available: 10.
        Assert.Equal(10 + 15 + 10.0 * 10 / 24 + 10, best.Score, precision: 6);
        Assert.All(match.Candidates, c => Assert.Equal(c.Score, c.Components.Sum(p => p.Points), precision: 6));
        Assert.Contains(best.Components, c => c.Component == "language_margin" && c.Explanation == "French 2 level(s) above the required B2");
        var minimal = match.Candidates[1];
        Assert.Equal(0 + 5 + 0, minimal.Score, precision: 6);
        Assert.Contains(minimal.Warnings, w => w.Contains("deployed"));
        Assert.NotEmpty(match.Scoring);

        // The same match asked in French: the same candidates, scores and components, their words in French.
        var french = await _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request.Name, RegionCode = "SN" },
            new Metadata { { "accept-language", "fr-SN, fr;q=0.9" } });
        Assert.Equal(match.Candidates.Select(c => (c.Officer, c.Score)), french.Candidates.Select(c => (c.Officer, c.Score)));
        Assert.Equal(best.Components.Select(c => (c.Component, c.Points)), french.Candidates[0].Components.Select(c => (c.Component, c.Points)));
        Assert.Contains(french.Candidates[0].Components, c => c.Explanation == "français : 2 niveau(x) au-dessus du niveau requis B2");
        Assert.Contains(french.Candidates[0].Components, c => c.Explanation == "disponible actuellement");
        Assert.Contains(french.Candidates[1].Components, c => c.Explanation == "actuellement déployé");
        Assert.Contains(french.Candidates[1].Warnings, w => w.Contains("déployé"));
        Assert.Contains(best.Components, c => c.Component == "ams_recency" && c.Explanation == "AMS passed 2 Mar 2026, 14 month(s) before 1 Jun 2027");
        Assert.StartsWith("language_margin: per required language", match.Scoring);
        Assert.StartsWith("language_margin : par langue requise", french.Scoring);
    }

    [Fact]
    public async Task MatchCandidates_InAnotherMemberState_IsDeniedToAFocalPoint()
    {
        var request = await OpenAsync();
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request.Name, RegionCode = "FR" }));
    }

    [Fact]
    public async Task MatchCandidates_ForASession_UsesTheCoursesRules()
    {
        var session = await _world.OpenSessionAsync(course => course.Requirements.WomenOnly = true);
        await _world.OfficerAsync(family: "Woman");
        await _world.OfficerAsync(family: "Man", gender: Gender.Male, given: "Moussa");
        var match = await _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Session = session.Name, RegionCode = "SN" });
        Assert.Equal(["Woman, Awa"], match.Candidates.Select(c => c.OfficerDisplayName));
    }

    [Fact]
    public async Task MatchCandidates_SeesARosterChangeCommittedJustBefore()
    {
        var request = await OpenAsync();
        var officer = await _world.OfficerAsync();
        Assert.Single((await _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request.Name, RegionCode = "SN" })).Candidates);
        officer.Skills.Clear();
        await _world.SenegalRoster.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = officer, UpdateMask = new FieldMask { Paths = { "skills" } } });
        Assert.Empty((await _senegal.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request.Name, RegionCode = "SN" })).Candidates);
    }
}
