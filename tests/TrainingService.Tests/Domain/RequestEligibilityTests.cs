using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Roster;
using Training.Service.Storage;
using RuleCodes = Training.Service.Domain.Nominations.Rules;

namespace Training.Service.Tests.Domain;

/// <summary>The rules for recruitment requests, each on both sides of its boundary. Deployment on 2027-06-01.</summary>
public sealed class RequestEligibilityTests : IDisposable
{
    private static readonly DateOnly Deployment = new(2027, 6, 1);
    private static readonly DateTime Now = new(2027, 2, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly EligibilityEngine _engine;
    private readonly RecruitmentRequest _request = new()
    {
        Id = "minusca-forensics", Title = "Forensics", MissionCode = "minusca", Category = PersonnelCategory.Ipo, OfficerCount = 2,
        DeploymentDate = Deployment, Deadline = new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), State = RequestState.Open,
    };
    private readonly List<Nomination> _requestNominations = [];
    private readonly List<Nomination> _officerNominations = [];

    public RequestEligibilityTests() => _engine = new EligibilityEngine(new EligibilityPolicy(), new ReferenceDataStore(_database));

    public void Dispose() => _database.Dispose();

    private static Officer Officer() => new()
    {
        RegionCode = "SN", Id = "awa", Key = "SN/awa", GivenName = "Awa", FamilyName = "Diop", Gender = Gender.Female,
        BirthDate = new DateOnly(1985, 5, 14), ServiceStartDate = new DateOnly(2010, 9, 1), NationalPoliceId = "SN-1",
        Availability = Availability.Available,
        Vetting = new Vetting
        {
            HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = new DateOnly(2026, 1, 1) },
            MedicalClearance = new VettingItem { Status = VettingStatus.Cleared, Date = new DateOnly(2026, 1, 1) },
        },
    };

    private EligibilityResult Check(Officer officer, CheckStage stage = CheckStage.Submission, DateTime? now = null) =>
        _engine.Check(new RequestCheck(officer, _request, _officerNominations.Select(NominationSummary.Of).ToList(),
            _requestNominations.Select(NominationSummary.Of).ToList(), stage, now ?? Now));

    private static IEnumerable<string> Rules(EligibilityResult result) => result.Failures.Select(f => f.Rule);

    [Fact]
    public void ASuitableOfficer_IsEligible() => Assert.True(Check(Officer()).Eligible);

    [Theory]
    [InlineData(2025, 6, 1, true)]  // passed exactly 24 months before deployment: still valid on the day
    [InlineData(2025, 5, 31, false)] // a day older: expired before deployment
    public void Ams_WhenRequired_MustStillBeValidOnTheDeploymentDate(int year, int month, int day, bool eligible)
    {
        _request.AmsRequired = true;
        var officer = Officer();
        officer.Certifications.AmsPass = new AmsPass { PassDate = new DateOnly(year, month, day) };
        Assert.Equal(eligible, !Rules(Check(officer)).Contains(RuleCodes.AmsExpired));
    }

    [Fact]
    public void Ams_MissingFailsOnlyWhenRequired()
    {
        Assert.True(Check(Officer()).Eligible);
        _request.AmsRequired = true;
        Assert.Equal([RuleCodes.AmsMissing], Rules(Check(Officer())));
    }

    [Fact]
    public void Vetting_IsAlwaysHardAtSubmissionForRequests()
    {
        var officer = Officer();
        officer.Vetting.HumanRightsScreening = new VettingItem { Status = VettingStatus.Pending };
        Assert.Equal([RuleCodes.VettingIncomplete], Rules(Check(officer)));
        officer.Vetting.HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = new DateOnly(2026, 1, 1) };
        officer.Vetting.MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = new DateOnly(2026, 1, 1) };
        Assert.Equal([RuleCodes.MisconductFlag], Rules(Check(officer)));
    }

    [Fact]
    public void Medical_IsCheckedAtSubmissionOnlyWhenTheRequestAsks_AndAlwaysAtClearance()
    {
        var officer = Officer();
        officer.Vetting.MedicalClearance = new VettingItem();
        Assert.True(Check(officer).Eligible);
        Assert.Equal([RuleCodes.MedicalClearanceMissing], _engine.MedicalClearance(officer).Select(f => f.Rule));
        _request.MedicalRequired = true;
        Assert.Equal([RuleCodes.MedicalClearanceMissing], Rules(Check(officer)));
    }

    [Theory]
    [InlineData(1965, 6, 2, true)]  // 61 on the deployment date
    [InlineData(1965, 6, 1, false)] // 62 on the deployment date
    public void Age_IsJudgedOnTheDeploymentDate(int year, int month, int day, bool eligible)
    {
        var officer = Officer();
        officer.BirthDate = new DateOnly(year, month, day);
        Assert.Equal(eligible, !Rules(Check(officer)).Contains(RuleCodes.AgeOutOfRange));
    }

    [Fact]
    public void Deadline_NominationsAreAcceptedUntilTheDeadline_NotAtIt()
    {
        Assert.True(Check(Officer(), now: _request.Deadline.AddMilliseconds(-1)).Eligible);
        Assert.Equal([RuleCodes.RequestDeadlinePassed], Rules(Check(Officer(), now: _request.Deadline)));
        Assert.True(Check(Officer(), CheckStage.Confirmation, now: _request.Deadline.AddDays(10)).Eligible);
    }

    [Fact]
    public void Cap_AtMostTwoLiveNomineesPerPostRequestedPerMemberState()
    {
        // 2 posts: up to 4 live nominees from Senegal.
        for (var i = 0; i < 3; i++) _requestNominations.Add(Live("SN", $"n{i}"));
        _requestNominations.Add(Live("FR", "f1"));
        Assert.True(Check(Officer()).Eligible);
        _requestNominations.Add(Live("SN", "n3"));
        Assert.Equal([RuleCodes.MemberStateCapReached], Rules(Check(Officer())));
        _requestNominations[0].State = NominationState.Rejected;
        Assert.True(Check(Officer()).Eligible);
    }

    [Fact]
    public void AlreadyNominated_ToTheSameRequest_IsRefused()
    {
        var earlier = Live("SN", "old");
        earlier.OfficerId = "awa";
        _officerNominations.Add(earlier);
        Assert.Equal([RuleCodes.AlreadyNominated], Rules(Check(Officer())));
    }

    [Fact]
    public void ARequestNotOpen_RefusesSubmissions()
    {
        _request.State = RequestState.Closed;
        Assert.Equal([RuleCodes.RequestDeadlinePassed], Rules(Check(Officer())));
    }

    private static Nomination Live(string region, string id) => new()
    {
        RegionCode = region, Id = id, Key = $"{region}/{id}", OfficerId = id, Kind = TargetKind.Request, TargetKey = "minusca-forensics",
        State = NominationState.Submitted,
    };
}
