using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Training.Service.Api;
using Training.Service.Demo;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;
using Training.Service.Security;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Proto = Unpol.Training.V1;

namespace Training.Service.Tests.Demo;

/// <summary>One service seeded once with the demo, shared by the tests that only read it.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public TestService Service { get; private set; } = null!;
    public DemoSeedResult Seeded { get; private set; } = null!;
    public string Output { get; private set; } = "";
    public DemoCredentials Credentials { get; private set; } = null!;
    public List<Proto.Officer> Officers { get; } = [];
    public List<Proto.Nomination> Nominations { get; } = [];

    public async Task InitializeAsync()
    {
        Service = await TestService.StartAsync();
        var output = new StringWriter();
        (Seeded, Credentials) = DemoMode.Start(Service.Services, output);
        Output = output.ToString();

        var roster = new Proto.RosterService.RosterServiceClient(Service.AsAdmin());
        var request = new Proto.ListOfficersRequest { Parent = "memberStates/-", PageSize = 500 };
        do
        {
            var page = await roster.ListOfficersAsync(request);
            Officers.AddRange(page.Officers);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        var nominations = new Proto.NominationService.NominationServiceClient(Service.AsAdmin());
        var listNominations = new Proto.ListNominationsRequest { Parent = "memberStates/-", PageSize = 500 };
        do
        {
            var page = await nominations.ListNominationsAsync(listNominations);
            Nominations.AddRange(page.Nominations);
            listNominations.PageToken = page.NextPageToken;
        } while (listNominations.PageToken.Length > 0);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class DemoSeederTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static readonly string[] DemoCourses =
        ["cptm", "unpol-stm", "unpol-stm-fr", "wfspocdc", "fpu-command", "forensics-po", "sgbv-investigation", "countering-ieds"];

    private DateOnly Today => Dates.Today(demo.Service.Clock);

    [Fact]
    public async Task Seed_PublishesOpenRecruitmentRequestsAnsweredByEligibleOfficers()
    {
        var requests = await new Proto.RecruitmentService.RecruitmentServiceClient(demo.Service.AsAdmin())
            .ListRequestsAsync(new Proto.ListRequestsRequest { States = { Proto.RecruitmentRequest.Types.State.Open } });
        Assert.True(requests.Requests.Count >= 3);
        Assert.Contains(requests.Requests, r => r.Mission == "missions/minusca" && r.Languages.Any(l => l.LanguageCode == "fr"));
        foreach (var request in requests.Requests)
            Assert.Contains(demo.Nominations, n => n.Request == request.Name);
        Assert.Contains(demo.Nominations, n => n.State == Proto.Nomination.Types.State.Shortlisted);
    }

    [Fact]
    public void Seed_OnAnEmptyDatabase_FillsSeveralRostersWithRealisticMixesWellUnderFiveSeconds()
    {
        Assert.True(demo.Seeded.Seeded);
        Assert.True(demo.Seeded.Elapsed < TimeSpan.FromSeconds(5), $"Seeding took {demo.Seeded.Elapsed}.");
        Assert.Equal(demo.Seeded.Officers, demo.Officers.Count);
        Assert.True(demo.Officers.Count >= 500, $"{demo.Officers.Count} officers");

        var byState = demo.Officers.GroupBy(o => o.Name.Split('/')[1]).ToList();
        Assert.True(byState.Count >= 5, $"{byState.Count} Member States");
        var women = demo.Officers.Count(o => o.Gender == Proto.Gender.Female) / (double)demo.Officers.Count;
        Assert.InRange(women, 0.15, 0.45);
        foreach (var state in byState)
        {
            Assert.InRange(state.Count(o => o.Gender == Proto.Gender.Female) / (double)state.Count(), 0.10, 0.50);
            Assert.Equal(state.Count(), state.Select(o => o.NationalPoliceId.ToUpperInvariant()).Distinct().Count());
        }

        Assert.All(demo.Officers, officer =>
        {
            var age = Dates.FullYearsBetween(new DateOnly(officer.BirthDate.Year, officer.BirthDate.Month, officer.BirthDate.Day), Today);
            Assert.InRange(age, 27, 60);
            Assert.NotEmpty(officer.Languages);
            Assert.InRange(officer.Skills.Count, 1, 3);
        });
        // Francophone names keep their accents; languages, skills and vetting vary.
        Assert.Contains(demo.Officers, o => (o.GivenName + o.FamilyName).Any(c => c > 127));
        Assert.Contains(demo.Officers, o => o.Languages.Any(l => l.LanguageCode == "fr" && l.Reading >= Proto.CefrLevel.C1));
        Assert.Contains(demo.Officers, o => o.Languages.Any(l => l.LanguageCode == "ar"));
        Assert.Contains(demo.Officers, o => o.Vetting.MisconductCheck.Status == Proto.VettingStatus.Flagged);
        Assert.Contains(demo.Officers, o => o.Vetting.HumanRightsScreening.Status == Proto.VettingStatus.Pending);
        Assert.Contains(demo.Officers, o => o.Availability == Proto.Availability.Deployed);
        Assert.Contains(demo.Officers, o => o.RetirementDate is not null);
    }

    [Fact]
    public void Seed_EveryOfficer_PassesTheApisOwnValidation()
    {
        var mapping = demo.Service.Services.GetRequiredService<OfficerMapping>();
        Assert.All(demo.Officers, officer =>
        {
            var v = new Validator();
            mapping.FromProto(v, "officer", officer, OfficerMapping.WritableFields);
            var error = Record.Exception(v.ThrowIfInvalid);
            Assert.True(error is null, $"{officer.Name}: {error?.Message}");
        });
    }

    [Fact]
    public void Seed_GivesSomeOfficersAValidCptmSoUnpolStmIsWithinReach()
    {
        var withCptm = demo.Officers.Count(o => o.Certifications.CompletedCourses.Any(c =>
            c.Course == "courses/cptm" && new DateOnly(c.ExpiryDate.Year, c.ExpiryDate.Month, c.ExpiryDate.Day) > Today));
        Assert.InRange(withCptm / (double)demo.Officers.Count, 0.2, 0.6);
        var amsWithin24Months = demo.Officers.Count(o => o.Certifications.AmsPass is { } ams
            && new DateOnly(ams.PassDate.Year, ams.PassDate.Month, ams.PassDate.Day) > Today.AddMonths(-24));
        Assert.InRange(amsWithin24Months / (double)demo.Officers.Count, 0.35, 0.75);
    }

    [Fact]
    public void Seed_PublishesTheCoursesEachWithAnUpcomingOpenSession()
    {
        var courses = demo.Service.Services.GetRequiredService<ICourseRepository>().List(null, new PageRequest(100, null)).Items;
        Assert.Equal(DemoCourses.Order(), courses.Select(c => c.Id).Order());
        Assert.Equal(["cptm"], courses.Single(c => c.Id == "unpol-stm").Requirements.PrerequisiteCourseIds);
        Assert.True(courses.Single(c => c.Id == "wfspocdc").Requirements.WomenOnly);
        Assert.Equal(48, courses.Single(c => c.Id == "cptm").CertificateValidityMonths);

        var sessions = demo.Service.Services.GetRequiredService<ISessionRepository>().List(null, null, null, new PageRequest(100, null)).Items;
        var now = demo.Service.Clock.GetUtcNow().UtcDateTime;
        foreach (var course in DemoCourses)
            Assert.Contains(sessions, s => s.CourseId == course && s.State == SessionState.Open && s.IsAcceptingNominations(now));
        Assert.Single(sessions, s => s.State == SessionState.Draft);
        Assert.Single(sessions, s => s.State == SessionState.Closed);
        Assert.Contains(sessions, s => s.LanguageCode == "fr" && s.State == SessionState.Open);
        Assert.All(sessions, s =>
        {
            Assert.True(s.StartDate > Today, $"{s.Name} starts {s.StartDate}");
            Assert.InRange(s.Seats, 16, 40);
            Assert.True(s.NominationCloseTime < s.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), s.Name);
        });
    }

    [Fact]
    public void Seed_LeavesAFullSessionWithAWaitlistAndNominationsInEveryState()
    {
        Assert.Equal(demo.Seeded.Nominations, demo.Nominations.Count);
        Assert.InRange(demo.Nominations.Count, 40, 100);
        foreach (var state in new[]
                 {
                     Proto.Nomination.Types.State.Submitted, Proto.Nomination.Types.State.Confirmed,
                     Proto.Nomination.Types.State.Waitlisted, Proto.Nomination.Types.State.Rejected,
                     Proto.Nomination.Types.State.Withdrawn,
                 })
            Assert.Contains(demo.Nominations, n => n.State == state);

        var sessions = demo.Service.Services.GetRequiredService<ISessionRepository>().List(null, null, null, new PageRequest(100, null)).Items;
        var full = sessions.Where(s => demo.Nominations.Count(n => n.Session == s.Name && n.State == Proto.Nomination.Types.State.Confirmed) == s.Seats)
            .ToList();
        Assert.Contains(full, s => s.State == SessionState.Open
            && demo.Nominations.Any(n => n.Session == s.Name && n.State == Proto.Nomination.Types.State.Waitlisted));
        // The withdrawal freed a seat that the oldest waitlisted nomination took.
        Assert.Contains(demo.Nominations, n => n.History.Any(t => t.Automatic && t.ToState == Proto.Nomination.Types.State.Confirmed));
        // The women-only course holds only women, at most two per Member State.
        var womenOnly = demo.Nominations.Where(n => n.Session.StartsWith("courses/wfspocdc/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(womenOnly);
        Assert.All(womenOnly, n => Assert.Equal(Proto.Gender.Female, n.OfficerGender));
        Assert.All(womenOnly.GroupBy(n => n.Name.Split('/')[1]), g => Assert.InRange(g.Count(), 1, 2));
    }

    [Fact]
    public void Seed_RecordsEverySeededResourceInTheAuditTrail_WithoutNamingOfficers()
    {
        var events = demo.Service.Services.GetRequiredService<AuditTrail>()
            .List("system", null, null, null, new PageRequest(100_000, null)).Items
            .Where(e => e.Method == "Demo/Seed")
            .ToList();
        var resources = events.Select(e => e.Resource).ToHashSet();
        Assert.All(demo.Officers, o => Assert.Contains(o.Name, resources));
        Assert.All(demo.Nominations, n => Assert.Contains(n.Name, resources));
        Assert.All(DemoCourses, c => Assert.Contains($"courses/{c}", resources));

        var policeIds = demo.Officers.Select(o => o.NationalPoliceId).ToList();
        Assert.DoesNotContain(events, e => e.Resource.Contains("/officers/", StringComparison.Ordinal)
            && policeIds.Any(id => e.Summary.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_RecordsEachAuditSummaryInFrenchToo()
    {
        var events = demo.Service.Services.GetRequiredService<AuditTrail>()
            .List("system", null, null, null, new PageRequest(100_000, null)).Items
            .Where(e => e.Method == "Demo/Seed")
            .ToList();

        Assert.All(events, e => Assert.StartsWith("a ", e.SummaryFrench));
        Assert.Contains(events, e => (e.Summary, e.SummaryFrench)
            == ("added the officer to the demo roster", "a ajouté l'agent à la liste de candidats de démonstration"));
        Assert.Contains(events, e => e.Summary.StartsWith("scheduled a session (open), ", StringComparison.Ordinal)
            && e.SummaryFrench!.StartsWith("a planifié une séance de formation (ouverte), du ", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_OnASeededDatabase_AddsNothing()
    {
        var again = ActivatorUtilities.CreateInstance<DemoSeeder>(demo.Service.Services).SeedIfEmpty();

        Assert.False(again.Seeded);
        var officers = demo.Service.Services.GetRequiredService<TrainingDatabase>().Officers.Count();
        Assert.Equal(demo.Officers.Count, officers);
        Assert.Equal(demo.Seeded.Sessions, demo.Service.Services.GetRequiredService<TrainingDatabase>().Sessions.Count());
        Assert.Equal(demo.Nominations.Count, demo.Service.Services.GetRequiredService<TrainingDatabase>().Nominations.Count());
    }

    [Fact]
    public async Task Seed_IsTheSameDemoEveryTime()
    {
        await using var other = await TestService.StartAsync(clock: ManualClock.At(2027, 1, 11));
        ActivatorUtilities.CreateInstance<DemoSeeder>(other.Services).SeedIfEmpty();

        var officers = other.Services.GetRequiredService<IOfficerRepository>().List(null, new PageRequest(10_000, null)).Items;
        Assert.Equal(
            demo.Officers.Select(o => (o.Name, o.FamilyName, o.GivenName, o.NationalPoliceId)),
            officers.Select(o => (o.Name, o.FamilyName, o.GivenName, o.NationalPoliceId)));
    }

    [Fact]
    public void Start_PrintsTheAddressHintEveryCredentialAndTheFile()
    {
        Assert.Contains("seeded", demo.Output);
        Assert.Contains("gRPC", demo.Output);
        Assert.Contains(demo.Credentials.FilePath, demo.Output);
        foreach (var credential in demo.Credentials.Credentials)
            Assert.Contains($"{credential.Label}", demo.Output.Split('\n').Single(line => line.Contains(credential.Secret, StringComparison.Ordinal)));
        Assert.Contains(demo.Credentials.Credentials, c => c.Label == "focal point SN");
    }
}

/// <summary>Demo credentials, each test on its own service (they revoke tokens).</summary>
public sealed class DemoCredentialTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private DemoCredentials IssueFresh() =>
        ActivatorUtilities.CreateInstance<DemoCredentialIssuer>(_service.Services).IssueFresh("http://127.0.0.1:5080");

    private Task<Proto.Caller> GetCaller(string secret) =>
        new Proto.AccessService.AccessServiceClient(_service.As(secret)).GetCallerAsync(new Proto.GetCallerRequest()).ResponseAsync;

    [Fact]
    public async Task IssueFresh_Twice_RevokesTheFirstSetAndTheNewOnesActWithTheirRoles()
    {
        var otherToken = await _service.FocalPointAsync("SN");
        var first = IssueFresh();
        var second = IssueFresh();

        foreach (var stale in first.Credentials)
            await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => GetCaller(stale.Secret));
        Assert.Equal("SN", (await GetCaller(otherToken)).RegionCode);

        Assert.Equal(Proto.Role.Administrator, (await GetCaller(second.For(Role.Administrator).Secret)).Role);
        Assert.Equal(Proto.Role.Auditor, (await GetCaller(second.For(Role.Auditor).Secret)).Role);
        var senegal = await GetCaller(second.For(Role.FocalPoint, "SN").Secret);
        Assert.Equal((Proto.Role.FocalPoint, "SN", "Demo focal point, Senegal"), (senegal.Role, senegal.RegionCode, senegal.DisplayName));
        Assert.True(second.Credentials.Count(c => c.Role == Role.FocalPoint) >= 2);
        foreach (var focalPoint in second.Credentials.Where(c => c.Role == Role.FocalPoint))
            Assert.Equal(focalPoint.RegionCode, (await GetCaller(focalPoint.Secret)).RegionCode);
        Assert.Equal(second.Credentials.Count, _service.Services.GetRequiredService<IAccessTokenRepository>().ActiveDemoTokens().Count);
    }

    [Fact]
    public void IssueFresh_SavesTheCredentialsNextToTheDatabaseReadableByTheOwnerOnly()
    {
        IssueFresh();
        var credentials = IssueFresh();

        Assert.Equal(Path.Combine(_service.Folder, DemoCredentialIssuer.FileName), credentials.FilePath);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials.FilePath));
        using var saved = JsonDocument.Parse(File.ReadAllText(credentials.FilePath));
        Assert.Equal("http://127.0.0.1:5080", saved.RootElement.GetProperty("service").GetString());
        var entries = saved.RootElement.GetProperty("credentials").EnumerateArray().ToList();
        Assert.Equal(credentials.Credentials.Select(c => c.Secret), entries.Select(e => e.GetProperty("secret").GetString()));
        Assert.Contains(entries, e => e.GetProperty("role").GetString() == "FOCAL_POINT" && e.GetProperty("regionCode").GetString() == "SN");
        Assert.Single(Directory.GetFiles(_service.Folder, "demo-credentials*"));
    }

    [Fact]
    public async Task Seed_WhenTheDatabaseAlreadyHoldsAnOfficer_AddsNothing()
    {
        var roster = new Proto.RosterService.RosterServiceClient(_service.AsAdmin());
        await new Proto.RosterService.RosterServiceClient(_service.As(await _service.FocalPointAsync("SN")))
            .CreateOfficerAsync(new Proto.CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() });

        var result = ActivatorUtilities.CreateInstance<DemoSeeder>(_service.Services).SeedIfEmpty();

        Assert.False(result.Seeded);
        Assert.Single((await roster.ListOfficersAsync(new Proto.ListOfficersRequest { Parent = "memberStates/-" })).Officers);
        Assert.Empty(_service.Services.GetRequiredService<ICourseRepository>().List(null, new PageRequest(10, null)).Items);
    }
}
