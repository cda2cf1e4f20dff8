using Microsoft.Extensions.Configuration;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reports;
using Training.Service.Domain.Roster;
using Training.Service.Security;
using Training.Service.Storage;

namespace Training.Service.Tests.Domain;

/// <summary>The report computations against small fixtures whose figures are worked out by hand in the comments.</summary>
public sealed class ReportComputationTests : IDisposable
{
    private static readonly DateOnly Today = new(2027, 1, 11);

    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly ReferenceDataStore _reference;

    public ReportComputationTests() => _reference = new ReferenceDataStore(_database);

    public void Dispose() => _database.Dispose();

    // ---- Parity -------------------------------------------------------------------------------------------

    /// <summary>Round targets, so every colour below is decided by hand: IPO and courses 30 %, FPU 20 %.</summary>
    private static readonly ParityTargets RoundTargets = new()
    {
        Targets = new() { [2027] = new ParityTargetYear { Ipo = 0.30, Fpu = 0.20, StaffOfficers = 0.25 } },
    };

    private static readonly Dictionary<string, Course> Courses = new()
    {
        ["cptm"] = new Course { Id = "cptm", Category = CourseCategory.Cptm },
        ["stm"] = new Course { Id = "stm", Category = CourseCategory.Stm },
    };

    private static readonly Dictionary<string, PersonnelCategory> RequestCategories = new()
    {
        ["ipo-minusca"] = PersonnelCategory.Ipo,
        ["fpu-monusco"] = PersonnelCategory.Fpu,
    };

    private static IEnumerable<Nomination> Many(int count, string region, TargetKind kind, string target, NominationState state,
        Gender gender, DateTime? created = null) =>
        Enumerable.Range(0, count).Select(_ => new Nomination
        {
            RegionCode = region, Kind = kind, TargetKey = target, State = state, OfficerGender = gender,
            CreateTime = created ?? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        });

    private static IEnumerable<Nomination> Session(int count, string region, string course, NominationState state, Gender gender) =>
        Many(count, region, TargetKind.Session, $"{course}/s1", state, gender);

    private static IEnumerable<Nomination> Request(int count, string region, string request, NominationState state, Gender gender) =>
        Many(count, region, TargetKind.Request, request, state, gender);

    /// <summary>
    /// SN, CPTM: confirmed 1 woman + 4 men, waitlisted 2 women, submitted 1 man, completed 2 men; a rejected
    /// woman and a withdrawn man count nowhere. SN, IPO request: submitted W, shortlisted M, selected M, cleared W,
    /// deployed M, rejected W. SN, FPU request: selected W, submitted 3 M. GH, STM: submitted 1 W + 4 M.
    /// FR, STM: submitted 2 M. One nomination to a course no longer in the catalogue is left out.
    /// </summary>
    private static List<Nomination> ParityFixture() =>
    [
        .. Session(1, "SN", "cptm", NominationState.Confirmed, Gender.Female),
        .. Session(4, "SN", "cptm", NominationState.Confirmed, Gender.Male),
        .. Session(2, "SN", "cptm", NominationState.Waitlisted, Gender.Female),
        .. Session(1, "SN", "cptm", NominationState.Submitted, Gender.Male),
        .. Session(2, "SN", "cptm", NominationState.Completed, Gender.Male),
        .. Session(1, "SN", "cptm", NominationState.Rejected, Gender.Female),
        .. Session(1, "SN", "cptm", NominationState.Withdrawn, Gender.Male),
        .. Request(1, "SN", "ipo-minusca", NominationState.Submitted, Gender.Female),
        .. Request(1, "SN", "ipo-minusca", NominationState.Shortlisted, Gender.Male),
        .. Request(1, "SN", "ipo-minusca", NominationState.Selected, Gender.Male),
        .. Request(1, "SN", "ipo-minusca", NominationState.Cleared, Gender.Female),
        .. Request(1, "SN", "ipo-minusca", NominationState.Deployed, Gender.Male),
        .. Request(1, "SN", "ipo-minusca", NominationState.Rejected, Gender.Female),
        .. Request(1, "SN", "fpu-monusco", NominationState.Selected, Gender.Female),
        .. Request(3, "SN", "fpu-monusco", NominationState.Submitted, Gender.Male),
        .. Session(1, "GH", "stm", NominationState.Submitted, Gender.Female),
        .. Session(4, "GH", "stm", NominationState.Submitted, Gender.Male),
        .. Session(2, "FR", "stm", NominationState.Submitted, Gender.Male),
        .. Session(1, "FR", "retired-course", NominationState.Submitted, Gender.Female),
    ];

    private static object Row(ParityCell c) => (c.RegionCode, c.Category, c.Stage, c.Total, c.Women, c.Target, c.Status);

    [Fact]
    public void Parity_CountsEachNominationInEveryStageItReached_AndColoursEachCellAgainstItsCategoryTarget()
    {
        var report = ParityReport.Of(ParityFixture(), Courses, RequestCategories, RoundTargets, 2027, null, null);

        object[] expected =
        [
            // FR: 0 of 2 → red.
            ("FR", "COURSE_STM", ParityStage.Nominated, 2, 0, 0.30, ParityStatus.Red),
            // GH: 1 of 5 = 0.20 < 0.30 with a woman → yellow.
            ("GH", "COURSE_STM", ParityStage.Nominated, 5, 1, 0.30, ParityStatus.Yellow),
            // SN CPTM live: 1 W + 4 M confirmed, 2 W waitlisted, 1 M submitted = 3 of 8 = 0.375 → green.
            ("SN", "COURSE_CPTM", ParityStage.Nominated, 8, 3, 0.30, ParityStatus.Green),
            // Held a seat: 5 confirmed + 2 completed = 7, of whom 1 woman = 0.143 → yellow: exclusion at capacity shows.
            ("SN", "COURSE_CPTM", ParityStage.ConfirmedOrSelected, 7, 1, 0.30, ParityStatus.Yellow),
            ("SN", "COURSE_CPTM", ParityStage.Waitlisted, 2, 2, 0.30, ParityStatus.Green),
            // Completed: 2 men → red.
            ("SN", "COURSE_CPTM", ParityStage.CompletedOrDeployed, 2, 0, 0.30, ParityStatus.Red),
            // FPU live: selected W + 3 submitted M = 1 of 4 = 0.25 ≥ the FPU target 0.20 → green (yellow against 0.30).
            ("SN", "FPU", ParityStage.Nominated, 4, 1, 0.20, ParityStatus.Green),
            ("SN", "FPU", ParityStage.ConfirmedOrSelected, 1, 1, 0.20, ParityStatus.Green),
            // IPO live: submitted W, shortlisted M, selected M, cleared W = 2 of 4 → green.
            ("SN", "IPO", ParityStage.Nominated, 4, 2, 0.30, ParityStatus.Green),
            // Selected and later: selected M, cleared W, deployed M = 1 of 3 = 0.333 → green.
            ("SN", "IPO", ParityStage.ConfirmedOrSelected, 3, 1, 0.30, ParityStatus.Green),
            ("SN", "IPO", ParityStage.CompletedOrDeployed, 1, 0, 0.30, ParityStatus.Red),
        ];
        Assert.Equal(expected, report.Cells.Select(Row));
        Assert.Equal(0.375, report.Cells.Single(c => c is { RegionCode: "SN", Category: "COURSE_CPTM", Stage: ParityStage.Nominated }).WomenShare);
        Assert.Equal(2027, report.TargetYear);
    }

    [Fact]
    public void Parity_ColoursEachMemberStateOverAllItsLiveNominations_AgainstTheIpoTarget()
    {
        var report = ParityReport.Of(ParityFixture(), Courses, RequestCategories, RoundTargets, 2027, null, null);

        // SN: CPTM 3 of 8 + IPO 2 of 4 + FPU 1 of 4 = 6 of 16 = 0.375 → green; GH 1 of 5 → yellow; FR 0 of 2 → red.
        Assert.Equal(
            [("FR", 2, 0, 0.30, ParityStatus.Red), ("GH", 5, 1, 0.30, ParityStatus.Yellow), ("SN", 16, 6, 0.30, ParityStatus.Green)],
            report.MemberStates.Select(s => (s.RegionCode, s.Nominated, s.NominatedWomen, s.Target, s.Status)));
    }

    [Fact]
    public void Parity_ForNamedStates_GivesEachAColourRow_EvenWithNobodyNominated()
    {
        var report = ParityReport.Of(ParityFixture().Where(n => n.RegionCode == "GH"), Courses, RequestCategories, RoundTargets, 2027,
            ["GH", "TD"], null);

        Assert.Equal(
            [("GH", 5, ParityStatus.Yellow), ("TD", 0, ParityStatus.Unspecified)],
            report.MemberStates.Select(s => (s.RegionCode, s.Nominated, s.Status)));
        Assert.All(report.Cells, c => Assert.Equal("GH", c.RegionCode));
    }

    [Fact]
    public void Parity_FromADate_LeavesOutNominationsCreatedBefore()
    {
        List<Nomination> nominations =
        [
            .. Many(3, "SN", TargetKind.Session, "cptm/s1", NominationState.Submitted, Gender.Male, new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Utc)),
            .. Many(1, "SN", TargetKind.Session, "cptm/s1", NominationState.Submitted, Gender.Female, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            .. Many(1, "SN", TargetKind.Session, "cptm/s1", NominationState.Submitted, Gender.Male, new DateTime(2027, 1, 5, 8, 0, 0, DateTimeKind.Utc)),
        ];

        var report = ParityReport.Of(nominations, Courses, RequestCategories, RoundTargets, 2027, null, new DateOnly(2027, 1, 1));

        // From 1 January: the woman and one man = 1 of 2.
        var cell = Assert.Single(report.Cells);
        Assert.Equal((2, 1, 0.5, ParityStatus.Green), (cell.Total, cell.Women, cell.WomenShare, cell.Status));
    }

    [Theory]
    [InlineData(3, 10, 0.30, ParityStatus.Green)]   // exactly on target
    [InlineData(2, 10, 0.30, ParityStatus.Yellow)]  // below, with women
    [InlineData(0, 10, 0.30, ParityStatus.Red)]     // no woman
    [InlineData(29, 100, 0.29, ParityStatus.Green)] // the default 2027 IPO target, met exactly
    [InlineData(0, 0, 0.30, ParityStatus.Unspecified)]
    public void Colour_FollowsDposRule(int women, int total, double target, ParityStatus expected) =>
        Assert.Equal(expected, ParityReport.Colour(women, total, target));

    [Fact]
    public void DefaultTargets_RampToThe2028EndTargets_AndHoldThemAfter()
    {
        var targets = new ParityTargets();

        var (year2027, t2027) = targets.For(2027);
        Assert.Equal((2027, 0.29, 0.19, 0.24), (year2027, t2027.Ipo, t2027.Fpu, t2027.StaffOfficers));
        var (year2031, t2031) = targets.For(2031);
        Assert.Equal((2028, 0.30, 0.20, 0.25), (year2031, t2031.Ipo, t2031.Fpu, t2031.StaffOfficers));
        var (year2015, t2015) = targets.For(2015);
        Assert.Equal((2018, 0.20, 0.10, 0.15), (year2015, t2015.Ipo, t2015.Fpu, t2015.StaffOfficers));
        // Professional posts and courses follow the IPO target unless configured.
        Assert.Equal((0.29, 0.29, 0.24), (t2027.For(PersonnelCategory.ProfessionalPost), t2027.ForCourses, t2027.For(PersonnelCategory.Spt)));
    }

    [Fact]
    public void ConfiguredTargets_OverrideTheNamedValues_AndKeepTheRestOfTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Parity:Targets:2027:Ipo"] = "0.5",
            ["Parity:Targets:2027:Courses"] = "0.4",
            ["Parity:Targets:2030:Ipo"] = "0.35",
            ["Parity:Targets:2030:Fpu"] = "0.25",
            ["Parity:Targets:2030:StaffOfficers"] = "0.3",
        }).Build();

        var targets = configuration.GetSection(ParityTargets.Section).Get<ParityTargets>()!.Validated();

        var (_, t2027) = targets.For(2027);
        Assert.Equal((0.5, 0.19, 0.4), (t2027.Ipo, t2027.Fpu, t2027.ForCourses));
        Assert.Equal((2028, 0.30), (targets.For(2029).Year, targets.For(2029).Targets.Ipo));
        Assert.Equal((2030, 0.35), (targets.For(2031).Year, targets.For(2031).Targets.Ipo));
    }

    [Fact]
    public void ATargetWrittenAsAPercentage_IsRefusedAtStartUp()
    {
        var targets = new ParityTargets();
        targets.Targets[2027].Ipo = 30;

        var error = Assert.Throws<InvalidSettingException>(() => targets.Validated());
        Assert.Contains("Parity:Targets:2027:Ipo", error.Message);
    }

    // ---- Skills -------------------------------------------------------------------------------------------

    private static Officer Officer(string region, string id, Availability availability = Availability.Available,
        LanguageProficiency[]? languages = null, SkillProficiency[]? skills = null) => new()
    {
        RegionCode = region, Id = id, Key = $"{region}/{id}", FamilyName = id, GivenName = "Test", Availability = availability,
        Languages = [.. languages ?? []], Skills = [.. skills ?? []],
    };

    private static LanguageProficiency Speaks(string code, CefrLevel reading, CefrLevel listening, CefrLevel writing, CefrLevel speaking) =>
        new() { LanguageCode = code, Reading = reading, Listening = listening, Writing = writing, Speaking = speaking };

    private static LanguageProficiency Speaks(string code, CefrLevel all) => Speaks(code, all, all, all, all);

    private static SkillProficiency Holds(string code, SkillLevel level) => new() { SkillCode = code, Level = level };

    /// <summary>
    /// SN: o1 French C1 / English B2 but writing B1 / forensics advanced; o2 French B2 / forensics basic; o3 French C2
    /// but deployed; o4 French B1 reading and writing, B2 listening and speaking. FR: o5 French C2, English C1,
    /// cybercrime expert; o6 anonymised.
    /// </summary>
    private static List<Officer> SkillsOfficers() =>
    [
        Officer("SN", "o1", languages: [Speaks("fr", CefrLevel.C1), Speaks("en", CefrLevel.B2, CefrLevel.B2, CefrLevel.B1, CefrLevel.B2)],
            skills: [Holds("forensics", SkillLevel.Advanced)]),
        Officer("SN", "o2", languages: [Speaks("fr", CefrLevel.B2)], skills: [Holds("forensics", SkillLevel.Basic)]),
        Officer("SN", "o3", Availability.Deployed, languages: [Speaks("fr", CefrLevel.C2)]),
        Officer("SN", "o4", languages: [Speaks("fr", CefrLevel.B1, CefrLevel.B2, CefrLevel.B1, CefrLevel.B2)]),
        Officer("FR", "o5", languages: [Speaks("fr", CefrLevel.C2), Speaks("en", CefrLevel.C1)], skills: [Holds("cybercrime", SkillLevel.Expert)]),
        new Officer { RegionCode = "FR", Id = "o6", Key = "FR/o6", Anonymized = true, Availability = Availability.Available,
            Languages = [Speaks("fr", CefrLevel.C2)] },
    ];

    private static LanguageRequirement Needs(string code, CefrLevel level, params LanguageSkill[] skills) =>
        new() { LanguageCode = code, MinimumLevel = level, Skills = [.. skills] };

    /// <summary>R1 seeks 4: French B2, forensics intermediate. R2 seeks 3: French B2 listening and speaking, English B2.</summary>
    private static readonly RecruitmentRequest[] OpenRequests =
    [
        new() { Id = "r1", OfficerCount = 4, Languages = [Needs("fr", CefrLevel.B2)],
            Skills = [new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate }] },
        new() { Id = "r2", OfficerCount = 3,
            Languages = [Needs("fr", CefrLevel.B2, LanguageSkill.Speaking, LanguageSkill.Listening), Needs("en", CefrLevel.B2)] },
    ];

    /// <summary>A 20-seat session of a course asking French B2 and cybercrime (any level); a 10-seat one asking forensics intermediate.</summary>
    private static readonly Dictionary<string, Course> SkillsCourses = new()
    {
        ["francophone-cyber"] = new Course { Id = "francophone-cyber", Requirements = new CourseRequirements
        {
            Languages = [Needs("fr", CefrLevel.B2)], Skills = [new SkillRequirement { SkillCode = "cybercrime" }],
        } },
        ["forensics"] = new Course { Id = "forensics", Requirements = new CourseRequirements
        {
            Skills = [new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate }],
        } },
    };

    private static readonly Session[] OpenSessions =
    [
        new() { CourseId = "francophone-cyber", Id = "s1", Seats = 20 },
        new() { CourseId = "forensics", Id = "s2", Seats = 10 },
    ];

    private static object Row(SkillsLine l) =>
        (l.Key, l.Label.ToString(), string.Join(",", l.SupplyByMemberState.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")), l.Supply, l.Requested, l.SessionSeats);

    [Fact]
    public void Skills_CountsAvailableOfficersPerState_AgainstOpenRequestsAndSessionSeats()
    {
        var report = SkillsReport.Of(SkillsOfficers(), OpenRequests, OpenSessions, SkillsCourses, _reference, null);

        object[] expected =
        [
            ("language:ar:B2", "Arabic B2", "", 0, 0, 0),
            ("language:zh:B2", "Chinese B2", "", 0, 0, 0),
            // o1 writes English at B1 only; o5 qualifies. R2 asks 3.
            ("language:en:B2", "English B2", "FR=1", 1, 3, 0),
            // o1, o2 (SN) and o5 (FR); o3 is deployed, o4 reads at B1, o6 is anonymised. R1 asks 4; session s1 has 20 seats.
            ("language:fr:B2", "French B2", "FR=1,SN=2", 3, 4, 20),
            // Only listening and speaking: o4 qualifies too. R2 asks 3.
            ("language:fr:B2:listening+speaking", "French B2 (listening, speaking)", "FR=1,SN=3", 4, 3, 0),
            ("language:ru:B2", "Russian B2", "", 0, 0, 0),
            ("language:es:B2", "Spanish B2", "", 0, 0, 0),
            // Any level: o5. Session s1, 20 seats.
            ("skill:cybercrime", "Cybercrime and New Technologies", "FR=1", 1, 0, 20),
            // o1 is advanced, o2 only basic. R1 asks 4; session s2 has 10 seats.
            ("skill:forensics:INTERMEDIATE", "Forensics, intermediate or above", "SN=1", 1, 4, 10),
        ];
        Assert.Equal(expected, report.Lines.Select(Row));
    }

    [Fact]
    public void Skills_ForNamedStates_ListsEachStateInEveryLine_EvenAtZero()
    {
        var report = SkillsReport.Of(SkillsOfficers().Where(o => o.RegionCode == "SN"), OpenRequests, OpenSessions, SkillsCourses,
            _reference, ["SN", "TD"]);

        var french = report.Lines.Single(l => l.Key == "language:fr:B2");
        Assert.Equal(new Dictionary<string, int> { ["SN"] = 2, ["TD"] = 0 }, french.SupplyByMemberState);
        // Demand is not per State: the same figures whoever reads the report.
        Assert.Equal((2, 4, 20), (french.Supply, french.Requested, french.SessionSeats));
    }

    // ---- Expiring certifications --------------------------------------------------------------------------

    private static Officer Certified(string region, string id, DateOnly? amsPass = null, params CompletedCourse[] courses) => new()
    {
        RegionCode = region, Id = id, Key = $"{region}/{id}", FamilyName = id.ToUpperInvariant(), GivenName = "Test",
        Certifications = new Certifications
        {
            AmsPass = amsPass is { } day ? new AmsPass { PassDate = day } : null,
            CompletedCourses = [.. courses],
        },
    };

    private static CompletedCourse Completed(string courseId, DateOnly? expiry) =>
        new() { CourseId = courseId, CompletionDate = new DateOnly(2023, 1, 1), ExpiryDate = expiry };

    /// <summary>Today is 11 January 2027; an AMS pass counts 24 months, its expiry being its last valid day.</summary>
    private static List<Officer> CertifiedOfficers() =>
    [
        // AMS 15 Jan 2025 → 15 Jan 2027: 4 days.
        Certified("SN", "a", new DateOnly(2025, 1, 15)),
        // AMS 11 Jan 2025 → today: 0 days, still counts today.
        Certified("SN", "b", new DateOnly(2025, 1, 11)),
        // Expired yesterday: left out.
        Certified("SN", "c", new DateOnly(2025, 1, 10)),
        // CPTM until 10 Feb 2027: 20 days of January + 10 = 30. AMS until 2 Mar 2028 and a course that never expires: out.
        Certified("FR", "d", new DateOnly(2026, 3, 2), Completed("cptm", new DateOnly(2027, 2, 10)), Completed("stm", null)),
        // CPTM renewed until 2031 (the old completion no longer matters); FPU command until 12 Mar 2027: 20 + 28 + 12 = 60.
        Certified("FR", "e", null, Completed("cptm", new DateOnly(2027, 1, 20)), Completed("cptm", new DateOnly(2031, 1, 1)),
            Completed("fpu-command", new DateOnly(2027, 3, 12))),
        // AMS until 11 Apr 2027: 20 + 28 + 31 + 11 = 90.
        Certified("SN", "f", new DateOnly(2025, 4, 11)),
        // AMS until 12 Apr 2027: 91 days.
        Certified("SN", "g", new DateOnly(2025, 4, 12)),
        // Anonymised: kept for figures, never reminded about.
        new Officer { RegionCode = "SN", Id = "h", Key = "SN/h", Anonymized = true,
            Certifications = new Certifications { CompletedCourses = [Completed("cptm", new DateOnly(2027, 1, 12))] } },
    ];

    private static object Row(ExpiringCertification c) => (c.Officer, c.OfficerDisplayName, c.Certification, c.ExpiryDate, c.DaysLeft, c.Band);

    [Fact]
    public void Expiring_Within90Days_ListsSoonestFirstInTheSmallestBandHoldingEach()
    {
        var report = ExpiringCertifications.Of(CertifiedOfficers(), Today, 90, amsValidityMonths: 24);

        object[] expected =
        [
            ("memberStates/SN/officers/b", "B, Test", "AMS", new DateOnly(2027, 1, 11), 0, 7),
            ("memberStates/SN/officers/a", "A, Test", "AMS", new DateOnly(2027, 1, 15), 4, 7),
            ("memberStates/FR/officers/d", "D, Test", "courses/cptm", new DateOnly(2027, 2, 10), 30, 30),
            ("memberStates/FR/officers/e", "E, Test", "courses/fpu-command", new DateOnly(2027, 3, 12), 60, 60),
            ("memberStates/SN/officers/f", "F, Test", "AMS", new DateOnly(2027, 4, 11), 90, 90),
        ];
        Assert.Equal(expected, report.Certifications.Select(Row));
        Assert.Equal(new Dictionary<int, int> { [7] = 2, [30] = 1, [60] = 1, [90] = 1 }, report.CountByBand);
    }

    [Fact]
    public void Expiring_Within30Days_StopsAtThe30DayBand()
    {
        var report = ExpiringCertifications.Of(CertifiedOfficers(), Today, 30, amsValidityMonths: 24);

        Assert.Equal(["b", "a", "d"], report.Certifications.Select(c => c.Officer.Split('/')[^1]));
        Assert.Equal(new Dictionary<int, int> { [7] = 2, [30] = 1 }, report.CountByBand);
    }

    [Fact]
    public void Expiring_Beyond90Days_FallsInABandOfTheLookAheadItself()
    {
        var report = ExpiringCertifications.Of(CertifiedOfficers(), Today, 120, amsValidityMonths: 24);

        var g = report.Certifications[^1];
        Assert.Equal(("memberStates/SN/officers/g", 91, 120), (g.Officer, g.DaysLeft, g.Band));
        Assert.Equal(new Dictionary<int, int> { [7] = 2, [30] = 1, [60] = 1, [90] = 1, [120] = 1 }, report.CountByBand);
    }

    [Fact]
    public void Expiring_FollowsTheAmsValidityOfThePolicy()
    {
        // With 12 months, the pass of 15 Jan 2026 ends on 15 Jan 2027: 4 days; the 24-month ones are long gone.
        var report = ExpiringCertifications.Of([Certified("SN", "a", new DateOnly(2026, 1, 15))], Today, 90, amsValidityMonths: 12);

        Assert.Equal(4, Assert.Single(report.Certifications).DaysLeft);
    }

    [Theory]
    [InlineData(5, new[] { 7 })]
    [InlineData(7, new[] { 7 })]
    [InlineData(8, new[] { 7, 30 })]
    [InlineData(90, new[] { 7, 30, 60, 90 })]
    [InlineData(365, new[] { 7, 30, 60, 90, 365 })]
    public void Bands_AreTheStandardOnesUpToTheLookAhead(int withinDays, int[] expected) =>
        Assert.Equal(expected, ExpiringCertifications.BandsFor(withinDays));
}
