using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>Sentences about resources, shared by the screens that show them.</summary>
public static class Describe
{
    public static string Requirements(Course? course)
    {
        if (course?.Requirements is not { } r) return Strings.Format("Describe_Requires", "—");
        var parts = new List<string>();
        parts.AddRange(r.Languages.Select(l =>
            $"{l.LanguageCode} {l.MinimumLevel}" + (l.Skills.Count == 0 ? "" : $" ({string.Join("/", l.Skills.Select(LanguageSkillName))})")));
        parts.AddRange(r.Skills.Select(s => s.MinimumLevel == SkillLevel.Unspecified
            ? s.SkillCode
            : $"{s.SkillCode} ≥ {Level(s.MinimumLevel)}"));
        if (r.PrerequisiteCourses.Count > 0) parts.Add(Strings.Format("Describe_After", string.Join(", ", r.PrerequisiteCourses.Select(c => c.Split('/')[^1]))));
        if (r.HasMinServiceYears) parts.Add(Strings.Format("Describe_ServiceYears", r.MinServiceYears));
        if (r.HasMinAge) parts.Add(Strings.Format("Describe_AgedOrOlder", r.MinAge));
        if (r.HasMaxAge) parts.Add(Strings.Format("Describe_Under", r.MaxAge));
        if (r.WomenOnly) parts.Add(Strings.Get("Describe_WomenOnly"));
        if (r.VettingRequired) parts.Add(Strings.Get("Describe_Vetting"));
        if (r.DrivingRequired) parts.Add(Strings.Get("Describe_Driving"));
        if (r.HasMaxNomineesPerMemberState) parts.Add(Strings.Format("Describe_PerMemberState", r.MaxNomineesPerMemberState));
        return Strings.Format("Describe_Requires", parts.Count == 0 ? Strings.Get("Describe_GeneralCriteria") : string.Join(" · ", parts));
    }

    /// <summary>"reading", "lecture": one of the four language skills a requirement may name.</summary>
    public static string LanguageSkillName(LanguageSkill skill) => skill switch
    {
        Unpol.Training.V1.LanguageSkill.Reading => Strings.Get("Describe_Reading"),
        Unpol.Training.V1.LanguageSkill.Listening => Strings.Get("Describe_Listening"),
        Unpol.Training.V1.LanguageSkill.Writing => Strings.Get("Describe_Writing"),
        Unpol.Training.V1.LanguageSkill.Speaking => Strings.Get("Describe_Speaking"),
        _ => skill.ToString().ToLowerInvariant(),
    };

    /// <summary>"advanced", "avancé": a specialist skill's level.</summary>
    public static string Level(SkillLevel level) => level switch
    {
        SkillLevel.Basic => Strings.Get("Describe_Basic"),
        SkillLevel.Intermediate => Strings.Get("Describe_Intermediate"),
        SkillLevel.Advanced => Strings.Get("Describe_Advanced"),
        SkillLevel.Expert => Strings.Get("Describe_Expert"),
        _ => level.ToString().ToLowerInvariant(),
    };

    public static string Session(Session session, Course? course, DateTime now) =>
        $"{course?.Code ?? Format.CourseOf(session.Name)} — {course?.Title}\n" +
        Strings.Format("Describe_SessionLine", session.Venue, Format.Dates(session.StartDate, session.EndDate), session.LanguageCode, session.Seats,
            Format.Window(session, now)) + "\n" +
        Requirements(course);

    /// <summary>"Seats: 16 of 16 taken (full) · 3 waitlisted".</summary>
    public static string Seats(SessionStatistics figures) =>
        Strings.Format("Describe_Seats", figures.Seats - figures.SeatsAvailable, figures.Seats,
            figures.SeatsAvailable <= 0 ? Strings.Get("Describe_Full") : "", figures.Overall.Waitlisted);

    public static string Figures(SessionStatistics? figures, string? regionCode)
    {
        if (figures is null) return Strings.Get("Describe_FiguresLoading");
        var text = Strings.Format("Describe_WomenShare", Seats(figures), Format.Percent(figures.Overall.NominatedWomenShare));
        var own = regionCode is null ? null : figures.MemberStates.FirstOrDefault(m => m.RegionCode == regionCode);
        if (own is not null)
            text += (own.Figures.NominatedWomen == 1
                        ? Strings.Format("Describe_OwnWomanOne", regionCode, own.Figures.NominatedWomen, own.Figures.Nominated)
                        : Strings.Format("Describe_OwnWomen", regionCode, own.Figures.NominatedWomen, own.Figures.Nominated)) +
                    (own.Figures.BelowParityThreshold ? Strings.Format("Describe_BelowThreshold", Format.Percent(figures.ParityThreshold)) : "");
        return text;
    }

    public static string History(Nomination nomination) =>
        string.Join('\n', nomination.History.Select(h =>
            $"{Format.Instant(h.Time)}  {(h.FromState == Nomination.Types.State.Unspecified ? Strings.Get("Describe_New") : Format.State(h.FromState)),-11} → " +
            $"{Format.State(h.ToState),-11} {h.ActorDisplayName}" +
            (h.Automatic ? Strings.Get("Describe_Automatic") : "") + (h.Reason.Length > 0 ? $"\n{"",20}“{h.Reason}”" : "")));

    public static string Findings(IEnumerable<EligibilityFinding> findings) =>
        string.Join('\n', findings.Select(f => $"{(f.Severity == FindingSeverity.Hard ? "✗" : "!")} {f.Description}"));
}
