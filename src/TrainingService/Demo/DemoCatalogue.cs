using System.Globalization;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Roster;

namespace Training.Service.Demo;

/// <summary>A demo session: where, how many weeks from the day of seeding, how long, seats and state.</summary>
/// <param name="Place">Short place name for the session id, e.g. <c>entebbe</c> (the id adds the month).</param>
internal sealed record DemoSession(
    string CourseId,
    string Place,
    string Venue,
    int WeeksAhead,
    int Weeks,
    int Seats,
    string LanguageCode,
    SessionState State,
    bool Online = false,
    int MinimumSeats = 0,
    MemberStateAllocation[]? Allocations = null);

/// <summary>
/// The demo catalogue: the courses DOMAIN.md names (CPTM, UNPOL STM in English and French, the women-only
/// command course, FPU command staff) and three specialized ones, each with sessions still to come.
/// </summary>
internal static class DemoCatalogue
{
    public const string Cptm = "cptm";
    public const string UnpolStm = "unpol-stm";
    public const string UnpolStmFrench = "unpol-stm-fr";
    public const string WomenCommand = "wfspocdc";
    public const string FpuCommand = "fpu-command";
    public const string Forensics = "forensics-po";
    public const string Sgbv = "sgbv-investigation";
    public const string CounterIed = "countering-ieds";

    private const string Entebbe = "Entebbe, Regional Service Centre";
    private const string Brindisi = "Brindisi, United Nations Logistics Base";
    private const string Dakar = "Dakar, École nationale de police et de la formation permanente";
    private const string Bamako = "Bamako, École de maintien de la paix Alioune Blondin Bèye";
    private const string Amman = "Amman, Peace Operations Training Center";
    private const string Musanze = "Musanze, Rwanda Peace Academy";
    private const string Online = "Online, UN Police Division e-learning";

    /// <summary>New course objects (the caller stores them), ids lower-case kebab.</summary>
    public static List<Course> Courses() =>
    [
        new()
        {
            Id = Cptm, Code = "CPTM", Title = "Core Pre-deployment Training Materials", Category = CourseCategory.Cptm,
            LanguageCode = "en", CertificateValidityMonths = 48,
            Description = "The common foundation for all uniformed personnel before deployment: the UN and peacekeeping, " +
                "mandates, protection of civilians, conduct and discipline, prevention of sexual exploitation and abuse, " +
                "safety and security. Required before UNPOL STM.",
        },
        new()
        {
            Id = UnpolStm, Code = "UNPOL STM", Title = "UN Police Specialized Training Materials for Individual Police Officers",
            Category = CourseCategory.Stm, LanguageCode = "en", CertificateValidityMonths = 48,
            Description = "Policing in peace operations for individual police officers: the UN police mandate, " +
                "community-oriented policing, human rights, mentoring and advising host-State police. Taught in English.",
            Requirements = new CourseRequirements
            {
                Languages = [new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B2 }],
                PrerequisiteCourseIds = [Cptm],
                MinServiceYears = 5,
            },
        },
        new()
        {
            Id = UnpolStmFrench, Code = "UNPOL STM (FR)",
            Title = "Matériels de formation spécialisés de la Police des Nations Unies (édition française)",
            Category = CourseCategory.Stm, LanguageCode = "fr", CertificateValidityMonths = 48,
            Description = "The French edition of UNPOL STM, for officers bound for francophone missions " +
                "(MINUSCA, MONUSCO, BINUH). Taught in French.",
            Requirements = new CourseRequirements
            {
                Languages = [new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 }],
                PrerequisiteCourseIds = [Cptm],
                MinServiceYears = 5,
            },
        },
        new()
        {
            Id = WomenCommand, Code = "WFSPOCDC", Title = "Women/Female Senior Police Officers Command Development Course",
            Category = CourseCategory.Leadership, LanguageCode = "en",
            Description = "Prepares senior women police officers for command posts in UN police components: " +
                "strategic leadership, planning, mission management and the Gender Parity Strategy.",
            Requirements = new CourseRequirements { WomenOnly = true, MinServiceYears = 10, VettingRequired = true },
        },
        new()
        {
            Id = FpuCommand, Code = "FPU CMD", Title = "Formed Police Unit Command Staff Training", Category = CourseCategory.Fpu,
            LanguageCode = "en",
            Description = "For FPU commanders and staff officers: the FPU standards, public order management in a " +
                "mission, protection of civilians, operational planning and logistics for a 140-strong unit.",
            Requirements = new CourseRequirements { VettingRequired = true, DrivingRequired = true, MinServiceYears = 8 },
        },
        new()
        {
            Id = Forensics, Code = "FORENSICS-PO", Title = "Forensics in Peace Operations", Category = CourseCategory.Specialized,
            LanguageCode = "en",
            Description = "Crime-scene management, evidence handling and chain of custody in mission settings, " +
                "and mentoring host-State forensic services.",
            Requirements = new CourseRequirements
            {
                Skills = [new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate }],
                VettingRequired = true,
            },
        },
        new()
        {
            Id = Sgbv, Code = "SGBV-INV", Title = "Investigating Sexual and Gender-Based Violence in Peace Operations",
            Category = CourseCategory.Specialized, LanguageCode = "en",
            Description = "Survivor-centred investigation of sexual and gender-based violence, interviewing, " +
                "referral pathways and support to host-State specialised units.",
            Requirements = new CourseRequirements
            {
                Skills = [new SkillRequirement { SkillCode = "sgbv-investigation", MinimumLevel = SkillLevel.Basic }],
                VettingRequired = true,
            },
        },
        new()
        {
            Id = CounterIed, Code = "C-IED", Title = "Countering Improvised Explosive Devices: Police Search and Awareness",
            Category = CourseCategory.Specialized, LanguageCode = "en",
            Description = "IED threat awareness, search procedures, cordon management and post-blast scene " +
                "preservation for police in high-threat missions.",
            Requirements = new CourseRequirements
            {
                Skills = [new SkillRequirement { SkillCode = "countering-ieds", MinimumLevel = SkillLevel.Basic }],
                DrivingRequired = true,
            },
        },
    ];

    /// <summary>Most sessions OPEN with their nomination window open now; one DRAFT, one to be CLOSED once filled.</summary>
    public static readonly IReadOnlyList<DemoSession> Sessions =
    [
        new(Cptm, "dakar", Dakar, 3, 2, 30, "fr", SessionState.Open, MinimumSeats: 12,
            Allocations: [Allocation("SN", quota: 12, cap: 16), Allocation("NE", quota: 8, cap: 12)]),
        new(Cptm, "musanze", Musanze, 6, 2, 30, "en", SessionState.Open),
        new(Cptm, "online", Online, 10, 1, 40, "en", SessionState.Open, Online: true),
        new(UnpolStm, "entebbe", Entebbe, 5, 2, 16, "en", SessionState.Open, MinimumSeats: 10),
        new(UnpolStm, "amman", Amman, 9, 2, 24, "en", SessionState.Open,
            Allocations: [Allocation("JO", quota: 6, cap: 8), Allocation("BD", quota: 6, cap: 8)]),
        new(UnpolStm, "brindisi", Brindisi, 15, 2, 24, "en", SessionState.Draft),
        new(UnpolStmFrench, "dakar", Dakar, 7, 2, 24, "fr", SessionState.Open,
            Allocations: [Allocation("SN", quota: 8, cap: 10), Allocation("NE", quota: 6, cap: 8), Allocation("RW", quota: 4, cap: 6)]),
        new(UnpolStmFrench, "bamako", Bamako, 12, 2, 24, "fr", SessionState.Open),
        new(WomenCommand, "musanze", Musanze, 8, 2, 20, "en", SessionState.Open),
        new(WomenCommand, "dakar", Dakar, 13, 2, 20, "fr", SessionState.Open),
        new(FpuCommand, "dakar", Dakar, 4, 1, 18, "fr", SessionState.Closed),
        new(FpuCommand, "amman", Amman, 6, 2, 24, "en", SessionState.Open),
        new(Forensics, "brindisi", Brindisi, 9, 2, 16, "en", SessionState.Open),
        new(Forensics, "online", Online, 13, 3, 20, "en", SessionState.Open, Online: true),
        new(Sgbv, "entebbe", Entebbe, 7, 2, 24, "en", SessionState.Open),
        new(Sgbv, "dakar", Dakar, 11, 2, 24, "fr", SessionState.Open),
        new(CounterIed, "amman", Amman, 10, 1, 16, "en", SessionState.Open),
        new(CounterIed, "entebbe", Entebbe, 16, 2, 16, "en", SessionState.Open),
    ];

    /// <summary>
    /// A new session from its plan: starting on the Monday at least <see cref="DemoSession.WeeksAhead"/> weeks from
    /// <paramref name="today"/>, ending on the Friday of its last week, nominations open for some days already (a
    /// DRAFT's window opens later) and closing two weeks before the start. A session to be CLOSED is stored OPEN:
    /// it takes its nominations first.
    /// </summary>
    public static Session Schedule(DemoSession plan, DateOnly today, DateTime now, Random random)
    {
        var start = today.AddDays(7 * plan.WeeksAhead);
        while (start.DayOfWeek != DayOfWeek.Monday) start = start.AddDays(1);
        var opens = plan.State == SessionState.Draft ? start.AddDays(-8 * 7) : today.AddDays(-random.Next(3, 21));
        var id = $"{plan.Place}-{start.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return new Session
        {
            CourseId = plan.CourseId,
            Id = id,
            Key = Session.KeyOf(plan.CourseId, id),
            Venue = plan.Venue,
            Online = plan.Online,
            StartDate = start,
            EndDate = start.AddDays(7 * plan.Weeks - 3),
            Seats = plan.Seats,
            MinimumSeats = plan.MinimumSeats,
            NominationOpenTime = opens.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            NominationCloseTime = start.AddDays(-13).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Allocations = (plan.Allocations ?? [])
                .Select(a => new MemberStateAllocation { RegionCode = a.RegionCode, Quota = a.Quota, Cap = a.Cap })
                .ToList(),
            LanguageCode = plan.LanguageCode,
            State = plan.State == SessionState.Draft ? SessionState.Draft : SessionState.Open,
            CreateTime = now,
            UpdateTime = now,
            Revision = 1,
        };
    }

    private static MemberStateAllocation Allocation(string regionCode, int quota, int cap) =>
        new() { RegionCode = regionCode, Quota = quota, Cap = cap };
}
