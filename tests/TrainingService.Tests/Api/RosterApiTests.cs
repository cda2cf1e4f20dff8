using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

public sealed class RosterApiTests : IAsyncLifetime
{
    private TestService _service = null!;
    private RosterService.RosterServiceClient _senegal = null!;
    private RosterService.RosterServiceClient _france = null!;
    private RosterService.RosterServiceClient _admin = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _senegal = new RosterService.RosterServiceClient(_service.As(await _service.FocalPointAsync("SN")));
        _france = new RosterService.RosterServiceClient(_service.As(await _service.FocalPointAsync("FR")));
        _admin = new RosterService.RosterServiceClient(_service.AsAdmin());
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Task<Officer> Create(RosterService.RosterServiceClient client, Officer officer, string parent = "memberStates/SN") =>
        client.CreateOfficerAsync(new CreateOfficerRequest { Parent = parent, Officer = officer }).ResponseAsync;

    [Fact]
    public async Task CreateOfficer_ThenGet_ReturnsTheWholeRecord()
    {
        var sent = Samples.Officer();
        var created = await Create(_senegal, sent);

        var read = await _senegal.GetOfficerAsync(new GetOfficerRequest { Name = created.Name });
        Assert.StartsWith("memberStates/SN/officers/", read.Name);
        Assert.Equal(sent.FamilyName, read.FamilyName);
        Assert.Equal(sent.BirthDate, read.BirthDate);
        Assert.Equal(sent.Languages, read.Languages);
        Assert.Equal(sent.Skills, read.Skills);
        Assert.Equal(sent.Certifications.AmsPass, read.Certifications.AmsPass);
        Assert.Equal(sent.Vetting, read.Vetting);
        Assert.Equal(Availability.Available, read.Availability);
        Assert.Equal(Timestamp.FromDateTimeOffset(_service.Clock.GetUtcNow()), read.CreateTime);
        Assert.NotEmpty(read.Etag);
    }

    [Fact]
    public async Task CreateOfficer_WithClientChosenId_UsesItAndRefusesItTwice()
    {
        var request = new CreateOfficerRequest { Parent = "memberStates/SN", OfficerId = "awa-diop", Officer = Samples.Officer() };
        var created = await _senegal.CreateOfficerAsync(request);
        Assert.Equal("memberStates/SN/officers/awa-diop", created.Name);

        request.Officer = Samples.Officer();
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _senegal.CreateOfficerAsync(request));
    }

    [Fact]
    public async Task CreateOfficer_RetriedWithSameRequestId_ReturnsTheFirstOfficerAndCreatesNothing()
    {
        var request = new CreateOfficerRequest
        {
            Parent = "memberStates/SN", Officer = Samples.Officer(policeId: "SN-42"), RequestId = Guid.NewGuid().ToString(),
        };
        var first = await _senegal.CreateOfficerAsync(request);
        var retry = await _senegal.CreateOfficerAsync(request);

        Assert.Equal(first.Name, retry.Name);
        var all = await _senegal.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN" });
        Assert.Single(all.Officers);
    }

    [Fact]
    public async Task CreateOfficer_NationalPoliceIdAlreadyOnTheRoster_IsAlreadyExists()
    {
        await Create(_senegal, Samples.Officer(policeId: "SN-0001"));
        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => Create(_senegal, Samples.Officer("Ndiaye", "Moussa", Gender.Male, policeId: "sn-0001")));
        Assert.Equal("NATIONAL_POLICE_ID_TAKEN", error.Reason());
    }

    [Fact]
    public async Task CreateOfficer_SamePoliceIdInAnotherMemberState_IsAllowed()
    {
        await Create(_senegal, Samples.Officer(policeId: "P-1"));
        var french = await Create(_france, Samples.Officer("Martin", "Claire", policeId: "P-1"), "memberStates/FR");
        Assert.StartsWith("memberStates/FR/", french.Name);
    }

    [Fact]
    public async Task CreateOfficer_WithSeveralBadFields_ReportsEveryOneInOneBadRequest()
    {
        var officer = Samples.Officer();
        officer.GivenName = "";
        officer.FamilyName = new string('x', 101);
        officer.Gender = Gender.Unspecified;
        officer.BirthDate = Samples.Date(2027, 2, 30);
        officer.Languages[0].LanguageCode = "xx";
        officer.Skills[0].SkillCode = "juggling";

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Create(_senegal, officer));
        Assert.Equal("INVALID_FIELDS", error.Reason());
        Assert.Equal(
            ["officer.birth_date", "officer.family_name", "officer.gender", "officer.given_name",
             "officer.languages[0].language_code", "officer.skills[0].skill_code"],
            error.BadFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateOfficer_ServiceStartInTheFuture_IsInvalidArgument()
    {
        var officer = Samples.Officer();
        officer.ServiceStartDate = Samples.Date(2030, 1, 1);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Create(_senegal, officer));
        Assert.Equal(["officer.service_start_date"], error.BadFields());
    }

    [Fact]
    public async Task CreateOfficer_InAnUnknownMemberState_IsNotFoundForAnIntegrationWithAllStates()
    {
        var token = await _service.IssueTokenAsync(Role.Integration, scope: new IntegrationScope { AllMemberStates = true, ReadWrite = true });
        var integration = new RosterService.RosterServiceClient(_service.As(token));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Create(integration, Samples.Officer(), "memberStates/ZZ"));
    }

    [Fact]
    public async Task UpdateOfficer_WithMask_ChangesOnlyTheMaskedFields()
    {
        var created = await Create(_senegal, Samples.Officer());
        var change = created.Clone();
        change.Rank = "Commissaire de police";
        change.FamilyName = "Ignored";

        var updated = await _senegal.UpdateOfficerAsync(new UpdateOfficerRequest
        {
            Officer = change, UpdateMask = new FieldMask { Paths = { "rank" } },
        });

        Assert.Equal("Commissaire de police", updated.Rank);
        Assert.Equal(created.FamilyName, updated.FamilyName);
        Assert.NotEqual(created.Etag, updated.Etag);
    }

    [Fact]
    public async Task UpdateOfficer_WithStaleEtag_IsAbortedAndChangesNothing()
    {
        var created = await Create(_senegal, Samples.Officer());
        var first = created.Clone();
        first.Rank = "Lieutenant";
        await _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = first, UpdateMask = new FieldMask { Paths = { "rank" } } });

        var stale = created.Clone();
        stale.Rank = "Capitaine";
        var error = await RpcAssert.FailsWith(StatusCode.Aborted,
            () => _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = stale, UpdateMask = new FieldMask { Paths = { "rank" } } }));
        Assert.Equal("ETAG_MISMATCH", error.Reason());
        Assert.Equal("Lieutenant", (await _senegal.GetOfficerAsync(new GetOfficerRequest { Name = created.Name })).Rank);
    }

    [Fact]
    public async Task UpdateOfficer_WithUnknownOrMissingMask_IsInvalidArgumentOnUpdateMask()
    {
        var created = await Create(_senegal, Samples.Officer());
        var unknown = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = created, UpdateMask = new FieldMask { Paths = { "create_time" } } }));
        Assert.Equal(["update_mask"], unknown.BadFields());
        var missing = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = created }));
        Assert.Equal(["update_mask"], missing.BadFields());
    }

    [Fact]
    public async Task UpdateOfficer_ToAPoliceIdHeldByAnother_IsAlreadyExists()
    {
        await Create(_senegal, Samples.Officer(policeId: "SN-1"));
        var second = await Create(_senegal, Samples.Officer("Fall", "Aminata", policeId: "SN-2"));
        second.NationalPoliceId = "SN-1";
        await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = second, UpdateMask = new FieldMask { Paths = { "national_police_id" } } }));
    }

    [Fact]
    public async Task DeleteOfficer_WithoutNominations_RemovesTheOfficer()
    {
        var created = await Create(_senegal, Samples.Officer());
        await _senegal.DeleteOfficerAsync(new DeleteOfficerRequest { Name = created.Name, Etag = created.Etag });
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _senegal.GetOfficerAsync(new GetOfficerRequest { Name = created.Name }));
    }

    [Fact]
    public async Task DeleteOfficer_WithStaleEtag_IsAborted()
    {
        var created = await Create(_senegal, Samples.Officer());
        await RpcAssert.FailsWith(StatusCode.Aborted,
            () => _senegal.DeleteOfficerAsync(new DeleteOfficerRequest { Name = created.Name, Etag = "\"99\"" }));
    }

    [Fact]
    public async Task ListOfficers_OrdersByFamilyThenGivenNameIgnoringAccentsAndCase()
    {
        foreach (var (family, given) in new[] { ("Sène", "Ibrahima"), ("ba", "Oumar"), ("Diallo", "Fatou"), ("Ba", "Aïssatou") })
            await Create(_senegal, Samples.Officer(family, given));

        var page = await _senegal.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/sn" });
        Assert.Equal(["Ba Aïssatou", "ba Oumar", "Diallo Fatou", "Sène Ibrahima"],
            page.Officers.Select(o => $"{o.FamilyName} {o.GivenName}"));
    }

    [Fact]
    public async Task ListOfficers_PagedWhileOthersAreInserted_YieldsEveryOriginalOfficerExactlyOnce()
    {
        var originals = new List<string>();
        for (var i = 0; i < 45; i++)
            originals.Add((await Create(_senegal, Samples.Officer($"Family{i:D2}", "Given"))).Name);

        var seen = new List<string>();
        var token = "";
        var inserted = 0;
        do
        {
            var page = await _senegal.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 10, PageToken = token });
            seen.AddRange(page.Officers.Select(o => o.Name));
            token = page.NextPageToken;
            // Insert officers that sort before and after the cursor while paging.
            await Create(_senegal, Samples.Officer($"Aaa{inserted}", "Early"));
            await Create(_senegal, Samples.Officer($"Zzz{inserted}", "Late"));
            inserted++;
        } while (token != "");

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(originals, name => Assert.Contains(name, seen));
    }

    [Fact]
    public async Task ListOfficers_PageTokenFromAnotherParent_IsInvalidArgument()
    {
        var admin = _admin;
        for (var i = 0; i < 3; i++) await Create(_senegal, Samples.Officer($"F{i}", "G"));
        var first = await admin.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 1 });
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => admin.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/FR", PageSize = 1, PageToken = first.NextPageToken }));
        Assert.Equal(["page_token"], error.BadFields());
    }

    [Fact]
    public async Task ListOfficers_AcrossAllMemberStates_IsForAdministratorsNotFocalPoints()
    {
        await Create(_senegal, Samples.Officer());
        await Create(_france, Samples.Officer("Martin", "Claire"), "memberStates/FR");

        var all = await _admin.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/-" });
        Assert.Equal(["FR", "SN"], all.Officers.Select(o => o.Name.Split('/')[1]));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => _senegal.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/-" }));
    }

    [Fact]
    public async Task SearchOfficers_ByNamePrefix_IgnoresAccentsAndCaseAndMatchesEitherName()
    {
        await Create(_senegal, Samples.Officer("Sène", "Ibrahima", Gender.Male));
        await Create(_senegal, Samples.Officer("Ndiaye", "Séna"));
        await Create(_senegal, Samples.Officer("Diop", "Awa"));

        var found = await _senegal.SearchOfficersAsync(new SearchOfficersRequest { NameText = "SEN" });
        Assert.Equal(["Ndiaye", "Sène"], found.Officers.Select(o => o.FamilyName));
    }

    [Fact]
    public async Task SearchOfficers_ByNationalPoliceId_FindsExactlyThatOfficer()
    {
        await Create(_senegal, Samples.Officer(policeId: "SN-777"));
        await Create(_senegal, Samples.Officer("Fall", "Aminata", policeId: "SN-778"));
        var found = await _senegal.SearchOfficersAsync(new SearchOfficersRequest { NationalPoliceId = "sn-777" });
        Assert.Equal("SN-777", Assert.Single(found.Officers).NationalPoliceId);
    }

    [Fact]
    public async Task SearchOfficers_BySkillLanguageGenderAndService_AppliesEveryCriterion()
    {
        var match = Samples.Officer("Match", "Awa");
        await Create(_senegal, match);
        var man = Samples.Officer("Man", "Moussa", Gender.Male);
        await Create(_senegal, man);
        var weakFrench = Samples.Officer("Weak", "Fatou");
        weakFrench.Languages[0].Listening = CefrLevel.B1;
        await Create(_senegal, weakFrench);
        var noSkill = Samples.Officer("Noskill", "Binta");
        noSkill.Skills.Clear();
        await Create(_senegal, noSkill);
        var junior = Samples.Officer("Junior", "Khady");
        junior.ServiceStartDate = Samples.Date(2024, 1, 1);
        await Create(_senegal, junior);

        var found = await _senegal.SearchOfficersAsync(new SearchOfficersRequest
        {
            Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate } },
            Languages = { new LanguageRequirement { LanguageCode = "FR", MinimumLevel = CefrLevel.B2 } },
            Gender = Gender.Female,
            Availability = Availability.Available,
            MinServiceYears = 5,
        });

        Assert.Equal("Match", Assert.Single(found.Officers).FamilyName);
    }

    [Fact]
    public async Task SearchOfficers_ByDefault_ForAFocalPoint_CoversOnlyItsOwnMemberState()
    {
        await Create(_senegal, Samples.Officer("Diop", "Awa"));
        await Create(_france, Samples.Officer("Diop", "Claire"), "memberStates/FR");

        var found = await _senegal.SearchOfficersAsync(new SearchOfficersRequest { NameText = "diop" });
        Assert.Equal("Awa", Assert.Single(found.Officers).GivenName);
    }

    [Fact]
    public async Task SearchOfficers_PagedThroughManyMatches_YieldsEachOnce()
    {
        for (var i = 0; i < 23; i++) await Create(_senegal, Samples.Officer($"Sow{i:D2}", "Mariama"));
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _senegal.SearchOfficersAsync(new SearchOfficersRequest { NameText = "sow", PageSize = 5, PageToken = token });
            seen.AddRange(page.Officers.Select(o => o.FamilyName));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"Sow{i:D2}"), seen);
    }

    [Fact]
    public async Task SearchOfficers_PageTokenReusedWithAnotherFilter_IsInvalidArgument()
    {
        for (var i = 0; i < 3; i++) await Create(_senegal, Samples.Officer($"Sow{i}", "Mariama"));
        var first = await _senegal.SearchOfficersAsync(new SearchOfficersRequest { NameText = "sow", PageSize = 1 });
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _senegal.SearchOfficersAsync(new SearchOfficersRequest { NameText = "so", PageSize = 1, PageToken = first.NextPageToken }));
        Assert.Equal(["page_token"], error.BadFields());
    }

    [Fact]
    public async Task SearchOfficers_WithBadCriteria_ReportsEachField()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _senegal.SearchOfficersAsync(new SearchOfficersRequest
        {
            RegionCodes = { "S1" },
            Skills = { new SkillRequirement { SkillCode = "nope" } },
            MinServiceYears = -2,
            PageSize = -5,
        }));
        Assert.Equal(["min_service_years", "page_size", "region_codes[0]", "skills[0].skill_code"], error.BadFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FocalPoint_CannotReadListSearchUpdateOrDeleteAnotherMemberStatesOfficers()
    {
        var french = await Create(_france, Samples.Officer("Martin", "Claire"), "memberStates/FR");
        var update = french.Clone();
        update.Rank = "Changed";

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _senegal.GetOfficerAsync(new GetOfficerRequest { Name = french.Name }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _senegal.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/FR" }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _senegal.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "FR" } }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => _senegal.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = update, UpdateMask = new FieldMask { Paths = { "rank" } } }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _senegal.DeleteOfficerAsync(new DeleteOfficerRequest { Name = french.Name }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Create(_senegal, Samples.Officer(), "memberStates/FR"));

        Assert.Equal("Martin", (await _france.GetOfficerAsync(new GetOfficerRequest { Name = french.Name })).FamilyName);
    }

    [Fact]
    public async Task FocalPoint_AskingForAnotherStatesMissingOfficer_IsDeniedNotTold()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => _senegal.GetOfficerAsync(new GetOfficerRequest { Name = "memberStates/FR/officers/does-not-exist" }));
    }

    [Fact]
    public async Task Administrator_ReadsEveryStateButCannotWriteOfficers()
    {
        var created = await Create(_senegal, Samples.Officer());
        Assert.Equal(created.Name, (await _admin.GetOfficerAsync(new GetOfficerRequest { Name = created.Name })).Name);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Create(_admin, Samples.Officer()));
    }
}
