using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>
/// The reports through gRPC, over a small world built through the public API. The test clock stands on
/// 11 January 2027, so the default 2027 targets apply: 29 % for IPOs and for courses.
/// </summary>
public sealed class ReportApiTests : IAsyncLifetime
{
    private NominationWorld _world = null!;
    private ReportService.ReportServiceClient _admin = null!;

    public async Task InitializeAsync()
    {
        _world = await NominationWorld.StartAsync();
        _admin = new ReportService.ReportServiceClient(_world.Service.AsAdmin());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private ReportService.ReportServiceClient Reports(string token) => new(_world.Service.As(token));

    /// <summary>
    /// CPTM (SN): Diop and Sarr (women), Fall, Ba, Gueye and Ndiaye (men). Diop, Fall, Ba and Gueye are confirmed,
    /// Sarr waitlisted, Ndiaye left submitted. STM (FR): Dupont (a man), submitted.
    /// </summary>
    private async Task NominationsAsync()
    {
        var cptm = await _world.OpenSessionAsync(course => course.Category = CourseCategory.Cptm);
        foreach (var (family, gender) in new[] { ("Diop", Gender.Female), ("Fall", Gender.Male), ("Ba", Gender.Male), ("Gueye", Gender.Male) })
        {
            var nomination = await _world.NominateNewOfficerAsync(cptm, family, gender);
            await _world.Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });
        }
        var waitlisted = await _world.NominateNewOfficerAsync(cptm, "Sarr", Gender.Female);
        await _world.Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = waitlisted.Name });
        await _world.NominateNewOfficerAsync(cptm, "Ndiaye", Gender.Male);

        var stm = await _world.OpenSessionAsync();
        await _world.NominateNewOfficerAsync(stm, "Dupont", Gender.Male, region: "FR");
    }

    private static object Row(ParityCell c) => (c.RegionCode, c.Category, c.Stage, c.Total, c.Women, c.Target, c.Status);

    private static readonly object[] FranceCells = [("FR", "COURSE_STM", ParityStage.Nominated, 1, 0, 0.29, ParityStatus.Red)];

    private static readonly object[] SenegalCells =
    [
        // Live: 2 women of 6 = 0.333 ≥ 0.29.
        ("SN", "COURSE_CPTM", ParityStage.Nominated, 6, 2, 0.29, ParityStatus.Green),
        // Confirmed: Diop of 4 = 0.25 < 0.29, with a woman.
        ("SN", "COURSE_CPTM", ParityStage.ConfirmedOrSelected, 4, 1, 0.29, ParityStatus.Yellow),
        ("SN", "COURSE_CPTM", ParityStage.Waitlisted, 1, 1, 0.29, ParityStatus.Green),
    ];

    [Fact]
    public async Task ParityReport_ForAnAdministrator_CountsCourseNominationsPerStateCategoryAndStage()
    {
        await NominationsAsync();

        var report = await _admin.GetParityReportAsync(new GetParityReportRequest());

        Assert.Equal([.. FranceCells, .. SenegalCells], report.Cells.Select(Row));
        Assert.Equal(0.25, report.Cells.Single(c => c.Stage == ParityStage.ConfirmedOrSelected).WomenShare);
        Assert.Equal(
            [("FR", 1, 0, 0.29, ParityStatus.Red), ("SN", 6, 2, 0.29, ParityStatus.Green)],
            report.MemberStates.Select(s => (s.RegionCode, s.Nominated, s.NominatedWomen, s.Target, s.Status)));
        Assert.Equal(2027, report.TargetYear);
    }

    [Fact]
    public async Task ParityReport_CountsRequestNominationsUnderTheRequestsPersonnelCategory()
    {
        var recruitment = new RecruitmentService.RecruitmentServiceClient(_world.Service.AsAdmin());
        async Task<string> OpenRequestAsync(PersonnelCategory category)
        {
            var draft = Request(2, "forensics");
            draft.Category = category;
            var created = await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = draft });
            return (await recruitment.OpenRequestAsync(new OpenRequestRequest { Name = created.Name })).Name;
        }
        async Task<Nomination> NominateAsync(string request, string family, Gender gender) =>
            (await _world.Senegal.SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = "memberStates/SN",
                Nomination = new Nomination { Officer = (await _world.OfficerAsync(family: family, gender: gender)).Name, Request = request },
            })).Nomination;

        var ipo = await OpenRequestAsync(PersonnelCategory.Ipo);
        var selected = await NominateAsync(ipo, "Diop", Gender.Female);
        selected = await _world.Admin.ShortlistNominationAsync(new ShortlistNominationRequest { Name = selected.Name });
        await _world.Admin.SelectNominationAsync(new SelectNominationRequest { Name = selected.Name });
        await NominateAsync(await OpenRequestAsync(PersonnelCategory.Fpu), "Fall", Gender.Male);

        var report = await _admin.GetParityReportAsync(new GetParityReportRequest());

        Assert.Equal(
            [
                // FPU against the 2027 FPU target, 19 %: no woman → red.
                ("SN", "FPU", ParityStage.Nominated, 1, 0, 0.19, ParityStatus.Red),
                ("SN", "IPO", ParityStage.Nominated, 1, 1, 0.29, ParityStatus.Green),
                ("SN", "IPO", ParityStage.ConfirmedOrSelected, 1, 1, 0.29, ParityStatus.Green),
            ],
            report.Cells.Select(Row));
        // One woman of two live nominations = 0.5 ≥ the IPO target.
        Assert.Equal(("SN", 2, 1, ParityStatus.Green), report.MemberStates.Select(s => (s.RegionCode, s.Nominated, s.NominatedWomen, s.Status)).Single());
    }

    [Fact]
    public async Task ParityReport_FromADate_LeavesOutEarlierNominations()
    {
        await NominationsAsync();

        var report = await _admin.GetParityReportAsync(new GetParityReportRequest { FromDate = Samples.Date(2027, 1, 12) });

        Assert.Empty(report.Cells);
    }

    [Fact]
    public async Task ParityReport_ForAFocalPoint_ShowsOnlyItsOwnState_AndRefusesAnother()
    {
        await NominationsAsync();
        var senegal = Reports(_world.SenegalToken);

        var own = await senegal.GetParityReportAsync(new GetParityReportRequest());
        Assert.Equal(SenegalCells, own.Cells.Select(Row));
        Assert.Equal("SN", Assert.Single(own.MemberStates).RegionCode);

        var named = await senegal.GetParityReportAsync(new GetParityReportRequest { RegionCodes = { "sn" } });
        Assert.Equal(own, named);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => senegal.GetParityReportAsync(new GetParityReportRequest { RegionCodes = { "SN", "FR" } }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => senegal.GetSkillsReportAsync(new GetSkillsReportRequest { RegionCodes = { "FR" } }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => senegal.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { RegionCodes = { "FR" } }));
    }

    [Fact]
    public async Task ParityReport_ForAnAuditor_ShowsEveryState()
    {
        await NominationsAsync();
        var auditor = Reports(await _world.Service.IssueTokenAsync(Role.Auditor));

        var report = await auditor.GetParityReportAsync(new GetParityReportRequest());

        Assert.Equal([.. FranceCells, .. SenegalCells], report.Cells.Select(Row));
        Assert.Equal(["FR", "SN"], report.MemberStates.Select(s => s.RegionCode));
    }

    [Fact]
    public async Task Reports_WithBadArguments_NameEachBadField()
    {
        var unknown = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.GetParityReportAsync(new GetParityReportRequest { RegionCodes = { "SN", "XX", "Senegal" } }));
        Assert.Equal(["region_codes[1]", "region_codes[2]"], unknown.BadFields());

        foreach (var days in new[] { -1, 366 })
        {
            var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
                () => _admin.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { WithinDays = days }));
            Assert.Equal(["within_days"], error.BadFields());
        }
    }

    /// <summary>
    /// Ndiaye's AMS (15 Jan 2025) ends on 15 Jan 2027: 4 days; Sow's (11 Apr 2025) in 90; Fall's (12 Apr 2025) in 91.
    /// Martin (FR) holds CPTM until 10 Feb 2027: 30 days. The sample AMS pass (2 Mar 2026) runs to 2028.
    /// </summary>
    private async Task CertifiedOfficersAsync()
    {
        await _world.Catalog.CreateCourseAsync("CPTM", "cptm", CourseCategory.Cptm);
        await _world.OfficerAsync(family: "Ndiaye", change: o => o.Certifications.AmsPass.PassDate = Samples.Date(2025, 1, 15));
        await _world.OfficerAsync(family: "Sow", change: o => o.Certifications.AmsPass.PassDate = Samples.Date(2025, 4, 11));
        await _world.OfficerAsync(family: "Fall", change: o => o.Certifications.AmsPass.PassDate = Samples.Date(2025, 4, 12));
        await _world.OfficerAsync("FR", family: "Martin", given: "Claire", change: o => o.Certifications.CompletedCourses.Add(new CompletedCourse
        {
            Course = "courses/cptm", CompletionDate = Samples.Date(2023, 2, 10), ExpiryDate = Samples.Date(2027, 2, 10),
        }));
    }

    private static object Row(ExpiringCertification c) =>
        (c.OfficerDisplayName, c.Certification, c.ExpiryDate.Year, c.ExpiryDate.Month, c.ExpiryDate.Day, c.DaysLeft, c.WithinBand);

    [Fact]
    public async Task ExpiringCertifications_ByDefaultLook90DaysAhead_InBands()
    {
        await CertifiedOfficersAsync();

        var report = await _admin.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest());

        Assert.Equal(
            [
                ("Ndiaye, Awa", "AMS", 2027, 1, 15, 4, 7),
                ("Martin, Claire", "courses/cptm", 2027, 2, 10, 30, 30),
                ("Sow, Awa", "AMS", 2027, 4, 11, 90, 90),
            ],
            report.Certifications.Select(Row));
        Assert.StartsWith("memberStates/SN/officers/", report.Certifications[0].Officer);
        Assert.Equal(new Dictionary<int, int> { [7] = 1, [30] = 1, [60] = 0, [90] = 1 }, report.CountByBand);
    }

    [Fact]
    public async Task ExpiringCertifications_MoveWithTheClock_AndAFocalPointSeesItsOwnState()
    {
        await CertifiedOfficersAsync();
        _world.Service.Clock.Set(new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.Zero));

        var within30 = await _admin.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { WithinDays = 30 });
        // Three days on: Ndiaye 1 day, Martin 27; Sow's 87 days are beyond the look-ahead.
        Assert.Equal([("Ndiaye, Awa", 1, 7), ("Martin, Claire", 27, 30)], within30.Certifications.Select(c => (c.OfficerDisplayName, c.DaysLeft, c.WithinBand)));
        Assert.Equal(new Dictionary<int, int> { [7] = 1, [30] = 1 }, within30.CountByBand);

        var senegal = await Reports(_world.SenegalToken).GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { WithinDays = 365 });
        // Fall's pass (91 days from 11 January) now has 88 days left: band 90.
        Assert.Equal([("Ndiaye, Awa", 1, 7), ("Sow, Awa", 87, 90), ("Fall, Awa", 88, 90)],
            senegal.Certifications.Select(c => (c.OfficerDisplayName, c.DaysLeft, c.WithinBand)));
    }

    /// <summary>
    /// Demand: an OPEN 20-seat session of a course asking French B2 and forensics (intermediate); an OPEN request for 2
    /// officers asking the same. A DRAFT session asking countering IEDs and a DRAFT request asking cybercrime do not
    /// count. Supply: Diop (SN) and Martin (FR), the sample officer (French C1, forensics advanced, available);
    /// Fall (SN) the same but unavailable.
    /// </summary>
    private async Task SkillsWorldAsync()
    {
        await _world.OpenSessionAsync(course =>
        {
            course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 });
            course.Requirements.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate });
        });
        var ieds = Samples.Course("C-IED");
        ieds.Requirements.Skills.Add(new SkillRequirement { SkillCode = "countering-ieds" });
        var iedCourse = await _world.Catalog.CreateCourseAsync(new CreateCourseRequest { Course = ieds });
        await _world.Catalog.CreateSessionAsync(new CreateSessionRequest { Parent = iedCourse.Name, Session = Samples.Session() });

        var recruitment = new RecruitmentService.RecruitmentServiceClient(_world.Service.AsAdmin());
        var open = await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = Request(2, "forensics") });
        await recruitment.OpenRequestAsync(new OpenRequestRequest { Name = open.Name });
        await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = Request(5, "cybercrime") });

        await _world.OfficerAsync(family: "Diop");
        await _world.OfficerAsync(family: "Fall", change: o => o.Availability = Availability.Unavailable);
        await _world.OfficerAsync("FR", family: "Martin");
    }

    private static RecruitmentRequest Request(int officers, string skill) => new()
    {
        Title = "Francophone specialists",
        Mission = "missions/minusca",
        Category = PersonnelCategory.Ipo,
        OfficerCount = officers,
        DeploymentDate = Samples.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
        Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
        Skills = { new SkillRequirement { SkillCode = skill, MinimumLevel = SkillLevel.Intermediate } },
    };

    private static object Row(SkillsLine l) =>
        (l.Key, string.Join(",", l.SupplyByMemberState.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")), l.Supply, l.Requested, l.SessionSeats);

    [Fact]
    public async Task SkillsReport_SetsAvailableOfficersAgainstOpenRequestsAndOpenSessionSeats()
    {
        await SkillsWorldAsync();

        var report = await _admin.GetSkillsReportAsync(new GetSkillsReportRequest());

        Assert.Equal(
            [
                ("language:ar:B2", "", 0, 0, 0),
                ("language:zh:B2", "", 0, 0, 0),
                // The sample officer writes English at B1 only.
                ("language:en:B2", "", 0, 0, 0),
                ("language:fr:B2", "FR=1,SN=1", 2, 2, 20),
                ("language:ru:B2", "", 0, 0, 0),
                ("language:es:B2", "", 0, 0, 0),
                ("skill:forensics:INTERMEDIATE", "FR=1,SN=1", 2, 2, 20),
            ],
            report.Lines.Select(Row));
        Assert.Equal("French B2", report.Lines[3].DisplayName);
    }

    [Fact]
    public async Task SkillsReport_ForAFocalPoint_CountsOnlyItsOwnSupply()
    {
        await SkillsWorldAsync();

        var report = await Reports(_world.SenegalToken).GetSkillsReportAsync(new GetSkillsReportRequest());

        var french = report.Lines.Single(l => l.Key == "language:fr:B2");
        Assert.Equal(("SN=1", 1, 2, 20), (string.Join(",", french.SupplyByMemberState.Select(s => $"{s.Key}={s.Value}")), french.Supply,
            french.Requested, french.SessionSeats));
        Assert.All(report.Lines, l => Assert.Equal(["SN"], l.SupplyByMemberState.Keys));
    }
}
