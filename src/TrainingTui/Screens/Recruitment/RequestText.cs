using System.Globalization;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Recruitment;

/// <summary>How a recruitment request reads on screen: the mission's acronym, its category, dates and requirements.</summary>
public static class RequestText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"missions/minusca" → "MINUSCA".</summary>
    public static string Mission(string mission) => mission.Split('/')[^1].ToUpperInvariant();

    public static string Category(PersonnelCategory category) => category switch
    {
        PersonnelCategory.Ipo => "IPO",
        PersonnelCategory.Fpu => "FPU",
        PersonnelCategory.Spt => "SPT",
        PersonnelCategory.ProfessionalPost => "post",
        _ => "—",
    };

    public static string State(RecruitmentRequest.Types.State state) => state == RecruitmentRequest.Types.State.Unspecified
        ? "—"
        : state.ToString().ToLowerInvariant();

    public static DateTime? Deadline(RecruitmentRequest request) => request.Deadline?.ToDateTime();

    /// <summary>The deadline's day, for the list ("15 Mar 2027"); the hour is on the request's own screen.</summary>
    public static string DeadlineDay(RecruitmentRequest request) =>
        Deadline(request)?.ToString("d MMM yyyy", Invariant) ?? "—";

    /// <summary>Whether Member States may still nominate: the request is open and its deadline has not passed.</summary>
    public static bool AcceptsNominations(RecruitmentRequest request, DateTime now) =>
        request.State == RecruitmentRequest.Types.State.Open && Deadline(request) is { } deadline && deadline > now;

    /// <summary>"fr B2, en B1 (reading/listening)".</summary>
    public static string Languages(RecruitmentRequest request) => string.Join(", ", request.Languages.Select(l =>
        $"{l.LanguageCode} {Format.Level(l.MinimumLevel)}" +
        (l.Skills.Count == 0 ? "" : $" ({string.Join("/", l.Skills.Select(s => s.ToString().ToLowerInvariant()))})")));

    /// <summary>"forensics ≥ advanced, gender".</summary>
    public static string Skills(RecruitmentRequest request) => string.Join(", ", request.Skills.Select(s =>
        s.MinimumLevel == SkillLevel.Unspecified ? s.SkillCode : $"{s.SkillCode} ≥ {s.MinimumLevel.ToString().ToLowerInvariant()}"));

    /// <summary>One line of everything an officer must meet, beyond the general criteria.</summary>
    public static string Requirements(RecruitmentRequest request)
    {
        var parts = new List<string>();
        if (request.Languages.Count > 0) parts.Add(Languages(request));
        if (request.Skills.Count > 0) parts.Add(Skills(request));
        if (request.HasMinServiceYears) parts.Add($"≥ {request.MinServiceYears} years' service");
        if (request.AmsRequired) parts.Add("AMS pass valid on deployment");
        if (request.DrivingRequired) parts.Add("driving licence");
        if (request.MedicalRequired) parts.Add("medical clearance at submission");
        return "Requires: " + (parts.Count == 0 ? "the general criteria" : string.Join(" · ", parts));
    }

    /// <summary>"open until 15 Mar 2027 09:00 UTC", "closed: no more nominations; …", "cancelled: why".</summary>
    public static string Standing(RecruitmentRequest request, DateTime now) => request.State switch
    {
        RecruitmentRequest.Types.State.Draft => "draft: Member States do not see it yet",
        RecruitmentRequest.Types.State.Open when AcceptsNominations(request, now) => $"open until {Format.Instant(request.Deadline)}",
        RecruitmentRequest.Types.State.Open => $"open, but the deadline passed {Format.Instant(request.Deadline)}",
        RecruitmentRequest.Types.State.Closed => "closed: no more nominations; deployment steps continue",
        RecruitmentRequest.Types.State.Cancelled => "cancelled" + (request.CancelReason.Length > 0 ? $": {request.CancelReason}" : ""),
        _ => State(request.State),
    };

    public static string Stream(SkillStream stream) => stream switch
    {
        SkillStream.PoliceCommand => "Police Command",
        SkillStream.PoliceOperations => "Police Operations",
        SkillStream.PoliceAdministration => "Police Administration",
        SkillStream.PoliceCapacityBuilding => "Police Capacity-Building and Development",
        _ => "",
    };

    /// <summary>The service's scoring rules, one component a line, in words ("language margin: …").</summary>
    public static IEnumerable<string> ScoringLines(string scoring) =>
        scoring.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(part => "· " + part.Trim().Replace('_', ' '));

    public static string Fit(string text, int width) => text.Length > width ? text[..Math.Max(0, width - 1)] + "…" : text;
}
