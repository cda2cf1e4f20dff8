using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>Sentences about resources, shared by the screens that show them.</summary>
public static class Describe
{
    public static string Requirements(Course? course)
    {
        if (course?.Requirements is not { } r) return "Requires: —";
        var parts = new List<string>();
        parts.AddRange(r.Languages.Select(l =>
            $"{l.LanguageCode} {l.MinimumLevel}" + (l.Skills.Count == 0 ? "" : $" ({string.Join("/", l.Skills.Select(s => s.ToString().ToLowerInvariant()))})")));
        parts.AddRange(r.Skills.Select(s => s.MinimumLevel == SkillLevel.Unspecified
            ? s.SkillCode
            : $"{s.SkillCode} ≥ {s.MinimumLevel.ToString().ToLowerInvariant()}"));
        if (r.PrerequisiteCourses.Count > 0) parts.Add("after " + string.Join(", ", r.PrerequisiteCourses.Select(c => c.Split('/')[^1])));
        if (r.HasMinServiceYears) parts.Add($"≥ {r.MinServiceYears} years' service");
        if (r.HasMinAge) parts.Add($"aged {r.MinAge} or older");
        if (r.HasMaxAge) parts.Add($"under {r.MaxAge}");
        if (r.WomenOnly) parts.Add("women only");
        if (r.VettingRequired) parts.Add("vetting");
        if (r.DrivingRequired) parts.Add("driving licence");
        if (r.HasMaxNomineesPerMemberState) parts.Add($"≤ {r.MaxNomineesPerMemberState} per Member State");
        return "Requires: " + (parts.Count == 0 ? "the general criteria" : string.Join(" · ", parts));
    }

    public static string Session(Session session, Course? course, DateTime now) =>
        $"{course?.Code ?? Format.CourseOf(session.Name)} — {course?.Title}\n" +
        $"{session.Venue} · {Format.Dates(session.StartDate, session.EndDate)} · taught in {session.LanguageCode} · {session.Seats} seats · nominations {Format.Window(session, now)}\n" +
        Requirements(course);

    /// <summary>"Seats: 16 of 16 taken (full) · 3 waitlisted".</summary>
    public static string Seats(SessionStatistics figures) =>
        $"Seats: {figures.Seats - figures.SeatsAvailable} of {figures.Seats} taken{(figures.SeatsAvailable <= 0 ? " (full)" : "")} · " +
        $"{figures.Overall.Waitlisted} waitlisted";

    public static string Figures(SessionStatistics? figures, string? regionCode)
    {
        if (figures is null) return "Figures: loading…";
        var text = $"{Seats(figures)} · women {Format.Percent(figures.Overall.NominatedWomenShare)} of nominated";
        var own = regionCode is null ? null : figures.MemberStates.FirstOrDefault(m => m.RegionCode == regionCode);
        if (own is not null)
            text += $" · {regionCode}: {own.Figures.NominatedWomen} wom{(own.Figures.NominatedWomen == 1 ? "an" : "en")} of {own.Figures.Nominated}" +
                    (own.Figures.BelowParityThreshold ? $" ⚠ below {Format.Percent(figures.ParityThreshold)}" : "");
        return text;
    }

    public static string History(Nomination nomination) =>
        string.Join('\n', nomination.History.Select(h =>
            $"{Format.Instant(h.Time)}  {(h.FromState == Nomination.Types.State.Unspecified ? "new" : Format.State(h.FromState)),-11} → " +
            $"{Format.State(h.ToState),-11} {h.ActorDisplayName}" +
            (h.Automatic ? " (automatic)" : "") + (h.Reason.Length > 0 ? $"\n{"",20}“{h.Reason}”" : "")));

    public static string Findings(IEnumerable<EligibilityFinding> findings) =>
        string.Join('\n', findings.Select(f => $"{(f.Severity == FindingSeverity.Hard ? "✗" : "!")} {f.Description}"));
}
