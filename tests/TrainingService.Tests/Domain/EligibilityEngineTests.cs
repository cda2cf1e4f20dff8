using Training.Service.Domain.Catalog;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Roster;
using Training.Service.Storage;
using RuleCodes = Training.Service.Domain.Nominations.Rules;

namespace Training.Service.Tests.Domain;

/// <summary>Each rule on both sides of its boundary. The session starts on 2027-03-01.</summary>
public sealed class EligibilityEngineTests : IDisposable
{
    private static readonly DateOnly Start = new(2027, 3, 1);
    private static readonly DateTime InsideWindow = new(2027, 1, 20, 12, 0, 0, DateTimeKind.Utc);

    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly EligibilityEngine _engine;
    private readonly Course _course = new() { Id = "unpol-stm", Code = "UNPOL-STM", Title = "UNPOL STM", LanguageCode = "en" };
    private readonly Session _session = new()
    {
        Key = "unpol-stm/march", CourseId = "unpol-stm", Id = "march", State = SessionState.Open,
        StartDate = Start, EndDate = Start.AddDays(11), Seats = 20,
        NominationOpenTime = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        NominationCloseTime = new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc),
    };
    private readonly List<Nomination> _officerNominations = [];
    private readonly List<Nomination> _sessionNominations = [];
    private readonly Dictionary<string, Session> _otherSessions = [];

    public EligibilityEngineTests() => _engine = new EligibilityEngine(new EligibilityPolicy(), new ReferenceDataStore(_database));

    public void Dispose() => _database.Dispose();

    private static Officer Officer() => new()
    {
        RegionCode = "SN", Id = "awa", Key = "SN/awa", GivenName = "Awa", FamilyName = "Diop", Gender = Gender.Female,
        BirthDate = new DateOnly(1987, 5, 14), ServiceStartDate = new DateOnly(2012, 9, 1), NationalPoliceId = "SN-1",
        Availability = Availability.Available,
        Languages = [new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.C1, Listening = CefrLevel.B2, Writing = CefrLevel.B2, Speaking = CefrLevel.C1 }],
        Skills = [new SkillProficiency { SkillCode = "forensics", Level = SkillLevel.Intermediate }],
    };

    private static List<NominationSummary> Summaries(IEnumerable<Nomination> nominations) => nominations.Select(NominationSummary.Of).ToList();

    private EligibilityResult Check(Officer officer, CheckStage stage = CheckStage.Submission, DateTime? now = null) =>
        _engine.Check(new SessionCheck(officer, _course, _session, Summaries(_officerNominations), Summaries(_sessionNominations),
            key => _otherSessions.GetValueOrDefault(key) ?? (key == _session.Key ? _session : null),
            id => id == "cptm" ? new Course { Id = "cptm", Code = "CPTM", Title = "Core Pre-deployment Training" } : null,
            stage, now ?? InsideWindow));

    private static IEnumerable<string> Rules(IEnumerable<EligibilityFinding> findings) => findings.Select(f => f.Rule);

    [Fact]
    public void ASuitableOfficer_IsEligibleWithNoFinding()
    {
        var result = Check(Officer());
        Assert.True(result.Eligible);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(2002, 3, 1, true)]   // 25 on the start date
    [InlineData(2002, 3, 2, false)]  // one day short of 25
    [InlineData(1965, 3, 2, true)]   // 61 on the start date
    [InlineData(1965, 3, 1, false)]  // 62 on the start date
    public void Age_MustBe25OrOlderAndUnder62OnTheStartDate(int year, int month, int day, bool eligible)
    {
        var officer = Officer();
        officer.BirthDate = new DateOnly(year, month, day);
        officer.ServiceStartDate = officer.BirthDate.AddYears(18);
        var result = Check(officer);
        Assert.Equal(eligible, !Rules(result.Failures).Contains(RuleCodes.AgeOutOfRange));
    }

    [Theory]
    [InlineData(1972, 3, 1, true)]  // 55 on the start date: warned
    [InlineData(1972, 3, 2, false)] // 54: no warning
    public void Age_55OrOlder_IsASoftWarningOnly(int year, int month, int day, bool warned)
    {
        var officer = Officer();
        officer.BirthDate = new DateOnly(year, month, day);
        var result = Check(officer);
        Assert.True(result.Eligible);
        Assert.Equal(warned, Rules(result.Warnings).Contains(RuleCodes.AgeWarning));
    }

    [Fact]
    public void Age_CourseBoundsOverrideThePolicy()
    {
        _course.Requirements.MinAge = 30;
        var officer = Officer();
        officer.BirthDate = new DateOnly(1998, 1, 1); // 29 on the start date
        officer.ServiceStartDate = new DateOnly(2018, 1, 1);
        Assert.Contains(RuleCodes.AgeOutOfRange, Rules(Check(officer).Failures));
    }

    [Theory]
    [InlineData(2022, 3, 1, true)]  // exactly 5 years
    [InlineData(2022, 3, 2, false)] // a day short
    public void Service_AtLeastFiveYearsOnTheStartDate(int year, int month, int day, bool eligible)
    {
        var officer = Officer();
        officer.ServiceStartDate = new DateOnly(year, month, day);
        Assert.Equal(eligible, !Rules(Check(officer).Failures).Contains(RuleCodes.ServiceTooShort));
    }

    [Theory]
    [InlineData(2022, 3, 2, true)]  // retired 4 years and 364 days before the start
    [InlineData(2022, 3, 1, false)] // retired exactly 5 years before
    public void Service_RetiredOfficersOnlyWithinFiveYearsOfRetirement(int year, int month, int day, bool eligible)
    {
        var officer = Officer();
        officer.ServiceStartDate = new DateOnly(1995, 1, 1);
        officer.RetirementDate = new DateOnly(year, month, day);
        Assert.Equal(eligible, !Rules(Check(officer).Failures).Contains(RuleCodes.RetiredTooLongAgo));
    }

    [Theory]
    [InlineData(2026, 3, 1, true)]  // held 12 months
    [InlineData(2026, 3, 2, false)] // held 11 months and 30 days
    public void Driving_LicenceHeldTwelveMonthsWhereTheCourseRequiresDriving(int year, int month, int day, bool eligible)
    {
        _course.Requirements.DrivingRequired = true;
        var officer = Officer();
        officer.Certifications.DrivingLicenceIssueDate = new DateOnly(year, month, day);
        Assert.Equal(eligible, !Rules(Check(officer).Failures).Contains(RuleCodes.DrivingLicenceTooRecent));
    }

    [Fact]
    public void Driving_NoLicence_FailsOnlyWhenRequired()
    {
        Assert.True(Check(Officer()).Eligible);
        _course.Requirements.DrivingRequired = true;
        Assert.Contains(RuleCodes.DrivingLicenceMissing, Rules(Check(Officer()).Failures));
    }

    [Fact]
    public void Language_EachSkillBelowTheLevel_IsOneFindingNamingTheSkill()
    {
        _course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.C1 });
        var failures = Check(Officer()).Failures;
        Assert.Equal(["officer.languages[fr].listening", "officer.languages[fr].writing"], failures.Select(f => f.Field));
        Assert.Equal("French listening B2; this course requires C1.", failures[0].Description);
    }

    [Fact]
    public void Language_AtTheLevel_Passes_AndOnlyTheNamedSkillsCount()
    {
        _course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 });
        Assert.True(Check(Officer()).Eligible);
        _course.Requirements.Languages[0] = new LanguageRequirement
        {
            LanguageCode = "fr", MinimumLevel = CefrLevel.C1, Skills = [LanguageSkill.Reading, LanguageSkill.Speaking],
        };
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void Language_NotOnFile_IsLanguageMissing()
    {
        _course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.A2 });
        Assert.Equal([RuleCodes.LanguageMissing], Rules(Check(Officer()).Failures));
    }

    [Fact]
    public void Skill_MissingOrBelowLevel_FailsAtOrAboveLevelPasses()
    {
        _course.Requirements.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate });
        Assert.True(Check(Officer()).Eligible);
        _course.Requirements.Skills[0].MinimumLevel = SkillLevel.Advanced;
        Assert.Equal([RuleCodes.SkillLevelTooLow], Rules(Check(Officer()).Failures));
        _course.Requirements.Skills[0].SkillCode = "countering-ieds";
        Assert.Equal([RuleCodes.MissingSkill], Rules(Check(Officer()).Failures));
    }

    [Fact]
    public void Vetting_WhenRequired_NeedsCertifiedScreeningAndNoMisconductFlag()
    {
        var officer = Officer();
        Assert.True(Check(officer).Eligible);
        _course.Requirements.VettingRequired = true;
        Assert.Equal([RuleCodes.VettingIncomplete], Rules(Check(officer).Failures));
        officer.Vetting.HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = new DateOnly(2026, 1, 1) };
        Assert.True(Check(officer).Eligible);
        officer.Vetting.MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = new DateOnly(2026, 1, 1) };
        Assert.Equal([RuleCodes.MisconductFlag], Rules(Check(officer).Failures));
    }

    [Fact]
    public void Prerequisite_MustBeCompletedAndStillValidOnTheStartDate()
    {
        _course.Requirements.PrerequisiteCourseIds.Add("cptm");
        var officer = Officer();
        var missing = Assert.Single(Check(officer).Failures);
        Assert.Equal(RuleCodes.PrerequisiteMissing, missing.Rule);
        Assert.Contains("CPTM (Core Pre-deployment Training)", missing.Description);

        officer.Certifications.CompletedCourses.Add(new CompletedCourse { CourseId = "cptm", CompletionDate = new DateOnly(2023, 1, 1), ExpiryDate = Start });
        Assert.True(Check(officer).Eligible);
        officer.Certifications.CompletedCourses[0].ExpiryDate = Start.AddDays(-1);
        Assert.Contains("expired", Assert.Single(Check(officer).Failures).Description);
    }

    [Fact]
    public void WomenOnlyCourse_RefusesMenAcceptsWomen()
    {
        _course.Requirements.WomenOnly = true;
        Assert.True(Check(Officer()).Eligible);
        var man = Officer();
        man.Gender = Gender.Male;
        Assert.Equal([RuleCodes.WomenOnlyCourse], Rules(Check(man).Failures));
    }

    [Fact]
    public void WomenOnlyCourse_AcceptsAtMostTwoNomineesPerMemberState()
    {
        _course.Requirements.WomenOnly = true;
        _sessionNominations.Add(Live("SN", "a"));
        Assert.True(Check(Officer()).Eligible);
        _sessionNominations.Add(Live("SN", "b"));
        Assert.Equal([RuleCodes.MemberStateCapReached], Rules(Check(Officer()).Failures));
        _sessionNominations[1].State = NominationState.Withdrawn;
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void Cap_CountsLiveNominationsOfTheMemberStateOnly()
    {
        _session.Allocations.Add(new MemberStateAllocation { RegionCode = "SN", Cap = 1 });
        _sessionNominations.Add(Live("FR", "x"));
        Assert.True(Check(Officer()).Eligible);
        _sessionNominations.Add(Live("SN", "y", NominationState.Waitlisted));
        Assert.Equal([RuleCodes.MemberStateCapReached], Rules(Check(Officer()).Failures));
    }

    [Fact]
    public void Window_NominationsOnlyWhileOpenAndInsideTheWindow_ButNotCheckedAtConfirmation()
    {
        Assert.True(Check(Officer(), now: _session.NominationOpenTime).Eligible);
        Assert.Contains(RuleCodes.NominationWindowClosed, Rules(Check(Officer(), now: _session.NominationOpenTime.AddSeconds(-1)).Failures));
        Assert.Contains(RuleCodes.NominationWindowClosed, Rules(Check(Officer(), now: _session.NominationCloseTime).Failures));
        Assert.True(Check(Officer(), CheckStage.Confirmation, now: _session.NominationCloseTime.AddDays(3)).Eligible);
        _session.State = SessionState.Closed;
        Assert.Contains(RuleCodes.NominationWindowClosed, Rules(Check(Officer()).Failures));
    }

    [Fact]
    public void AlreadyNominated_ALiveNominationToTheSameSessionBlocksASecond()
    {
        var earlier = Live("SN", "old");
        earlier.OfficerId = "awa";
        _officerNominations.Add(earlier);
        Assert.Equal([RuleCodes.AlreadyNominated], Rules(Check(Officer()).Failures));
        earlier.State = NominationState.Rejected;
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void DatesOverlap_AConfirmedSeatInAnOverlappingSessionBlocks_ANonOverlappingOneDoesNot()
    {
        var other = new Session { Key = "cptm/feb", CourseId = "cptm", Id = "feb", StartDate = Start.AddDays(-10), EndDate = Start, State = SessionState.Open };
        _otherSessions[other.Key] = other;
        var seat = Live("SN", "seat", NominationState.Confirmed);
        seat.TargetKey = other.Key;
        _officerNominations.Add(seat);
        Assert.Equal([RuleCodes.DatesOverlap], Rules(Check(Officer()).Failures));
        Assert.Equal([RuleCodes.DatesOverlap], Rules(Check(Officer(), CheckStage.Confirmation).Failures));
        other.EndDate = Start.AddDays(-1);
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void Parity_BelowTwentyPercentWomenOnTheStatesList_IsWarnedNeverBlocked()
    {
        for (var i = 0; i < 4; i++) _sessionNominations.Add(Live("SN", $"m{i}", gender: Gender.Male));
        Assert.NotNull(_engine.ParityWarning(Summaries(_sessionNominations), "SN", Gender.Male));
        Assert.Null(_engine.ParityWarning(Summaries(_sessionNominations), "SN", Gender.Female)); // 1 of 5 = 20 %
        Assert.Null(_engine.ParityWarning(Summaries(_sessionNominations), "FR", Gender.Female));
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void AnonymisedOfficer_CannotBeNominated()
    {
        var officer = Officer();
        officer.Anonymize();
        Assert.Equal([RuleCodes.OfficerAnonymized], Rules(Check(officer).Failures));
    }

    [Fact]
    public void EveryFailure_NamesItsRuleFieldAndASentence()
    {
        _course.Requirements.WomenOnly = true;
        _course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "ar", MinimumLevel = CefrLevel.B1 });
        var man = Officer();
        man.Gender = Gender.Male;
        man.ServiceStartDate = new DateOnly(2024, 1, 1);
        var failures = Check(man, now: _session.NominationCloseTime).Failures;
        Assert.Equal(4, failures.Count);
        Assert.All(failures, f =>
        {
            Assert.Equal(Severity.Hard, f.Severity);
            Assert.Matches("^[A-Z_]+$", f.Rule);
            Assert.NotEmpty(f.Field);
            Assert.EndsWith(".", f.Description);
        });
    }

    private static Nomination Live(string region, string id, NominationState state = NominationState.Submitted, Gender gender = Gender.Female) => new()
    {
        RegionCode = region, Id = id, Key = $"{region}/{id}", OfficerId = id, Kind = TargetKind.Session,
        TargetKey = "unpol-stm/march", State = state, OfficerGender = gender,
    };
}
