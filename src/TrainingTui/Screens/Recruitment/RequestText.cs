using Training.Tui.Screens.Shared;
using Unpol.Training.V1;
using NominationState = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Screens.Recruitment;

/// <summary>How a recruitment request reads on screen: the mission's acronym, its category, dates and requirements.</summary>
public static class RequestText
{
    /// <summary>"missions/minusca" → "MINUSCA".</summary>
    public static string Mission(string mission) => mission.Split('/')[^1].ToUpperInvariant();

    /// <summary>The codes IPO, FPU and SPT as they are; a professional post in words.</summary>
    public static string Category(PersonnelCategory category) => category switch
    {
        PersonnelCategory.Ipo => "IPO",
        PersonnelCategory.Fpu => "FPU",
        PersonnelCategory.Spt => "SPT",
        PersonnelCategory.ProfessionalPost => Strings.Get("RequestCategory_Post"),
        _ => "—",
    };

    public static string State(RecruitmentRequest.Types.State state) => state switch
    {
        RecruitmentRequest.Types.State.Draft => Strings.Get("RequestState_Draft"),
        RecruitmentRequest.Types.State.Open => Strings.Get("RequestState_Open"),
        RecruitmentRequest.Types.State.Closed => Strings.Get("RequestState_Closed"),
        RecruitmentRequest.Types.State.Cancelled => Strings.Get("RequestState_Cancelled"),
        _ => "—",
    };

    /// <summary>
    /// "1 submitted", "3 shortlisted": a count of nominations in one state of the request's path, the state's word
    /// agreeing with the count (French writes "3 présélectionnées").
    /// </summary>
    public static string Count(NominationState state, int count) => count == 1
        ? $"{count.ToString(UiLanguage.Formatting)} {Format.State(state)}"
        : state switch
        {
            NominationState.Submitted => Strings.Format("RequestStates_Submitted", count),
            NominationState.Shortlisted => Strings.Format("RequestStates_Shortlisted", count),
            NominationState.Selected => Strings.Format("RequestStates_Selected", count),
            NominationState.Cleared => Strings.Format("RequestStates_Cleared", count),
            NominationState.Deployed => Strings.Format("RequestStates_Deployed", count),
            NominationState.Rejected => Strings.Format("RequestStates_Rejected", count),
            NominationState.Withdrawn => Strings.Format("RequestStates_Withdrawn", count),
            NominationState.Cancelled => Strings.Format("RequestStates_Cancelled", count),
            _ => $"{count.ToString(UiLanguage.Formatting)} {Format.State(state)}",
        };

    /// <summary>"12 officers", "1 officer".</summary>
    public static string Officers(int count) =>
        count == 1 ? Strings.Format("Request_OfficerOne", count) : Strings.Format("Request_OfficerMany", count);

    public static DateTime? Deadline(RecruitmentRequest request) => request.Deadline?.ToDateTime();

    /// <summary>The deadline's day, for the list ("15 Mar 2027", "15 mars 2027"); the hour is on the request's own screen.</summary>
    public static string DeadlineDay(RecruitmentRequest request) => request.Deadline is { } deadline ? Format.Day(deadline) : "—";

    /// <summary>Whether Member States may still nominate: the request is open and its deadline has not passed.</summary>
    public static bool AcceptsNominations(RecruitmentRequest request, DateTime now) =>
        request.State == RecruitmentRequest.Types.State.Open && Deadline(request) is { } deadline && deadline > now;

    /// <summary>"fr B2, en B1 (reading/listening)".</summary>
    public static string Languages(RecruitmentRequest request) => string.Join(", ", request.Languages.Select(l =>
        $"{l.LanguageCode} {Format.Level(l.MinimumLevel)}" +
        (l.Skills.Count == 0 ? "" : $" ({string.Join("/", l.Skills.Select(LanguageSkillName))})")));

    private static string LanguageSkillName(LanguageSkill skill) => skill switch
    {
        LanguageSkill.Reading => Strings.Get("RequestLanguageSkill_Reading"),
        LanguageSkill.Listening => Strings.Get("RequestLanguageSkill_Listening"),
        LanguageSkill.Writing => Strings.Get("RequestLanguageSkill_Writing"),
        LanguageSkill.Speaking => Strings.Get("RequestLanguageSkill_Speaking"),
        _ => skill.ToString().ToLowerInvariant(),
    };

    /// <summary>"forensics ≥ advanced, gender": the skills' codes as they are, the levels in words.</summary>
    public static string Skills(RecruitmentRequest request) => string.Join(", ", request.Skills.Select(s =>
        s.MinimumLevel == SkillLevel.Unspecified ? s.SkillCode : $"{s.SkillCode} ≥ {SkillLevelName(s.MinimumLevel)}"));

    private static string SkillLevelName(SkillLevel level) => level switch
    {
        SkillLevel.Basic => Strings.Get("RequestSkillLevel_Basic"),
        SkillLevel.Intermediate => Strings.Get("RequestSkillLevel_Intermediate"),
        SkillLevel.Advanced => Strings.Get("RequestSkillLevel_Advanced"),
        SkillLevel.Expert => Strings.Get("RequestSkillLevel_Expert"),
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>One line of everything an officer must meet, beyond the general criteria.</summary>
    public static string Requirements(RecruitmentRequest request)
    {
        var parts = new List<string>();
        if (request.Languages.Count > 0) parts.Add(Languages(request));
        if (request.Skills.Count > 0) parts.Add(Skills(request));
        if (request.HasMinServiceYears) parts.Add(Strings.Format("Describe_ServiceYears", request.MinServiceYears));
        if (request.AmsRequired) parts.Add(Strings.Get("RequestText_AmsOnDeployment"));
        if (request.DrivingRequired) parts.Add(Strings.Get("Describe_Driving"));
        if (request.MedicalRequired) parts.Add(Strings.Get("RequestText_MedicalAtSubmission"));
        return Strings.Format("Describe_Requires", parts.Count == 0 ? Strings.Get("Describe_GeneralCriteria") : string.Join(" · ", parts));
    }

    /// <summary>"open until 15 Mar 2027 09:00 UTC", "closed: no more nominations; …", "cancelled: why".</summary>
    public static string Standing(RecruitmentRequest request, DateTime now) => request.State switch
    {
        RecruitmentRequest.Types.State.Draft => Strings.Get("RequestStanding_Draft"),
        RecruitmentRequest.Types.State.Open when AcceptsNominations(request, now) => Strings.Format("RequestStanding_OpenUntil", Format.Instant(request.Deadline)),
        RecruitmentRequest.Types.State.Open => Strings.Format("RequestStanding_DeadlinePassed", Format.Instant(request.Deadline)),
        RecruitmentRequest.Types.State.Closed => Strings.Get("RequestStanding_Closed"),
        RecruitmentRequest.Types.State.Cancelled => request.CancelReason.Length > 0
            ? Strings.Format("RequestStanding_CancelledBecause", request.CancelReason)
            : Strings.Get("RequestStanding_Cancelled"),
        _ => State(request.State),
    };

    /// <summary>The UN Police's four skill streams, in the words of the Strategic Guidance Framework.</summary>
    public static string Stream(SkillStream stream) => stream switch
    {
        SkillStream.PoliceCommand => Strings.Get("RequestStream_Command"),
        SkillStream.PoliceOperations => Strings.Get("RequestStream_Operations"),
        SkillStream.PoliceAdministration => Strings.Get("RequestStream_Administration"),
        SkillStream.PoliceCapacityBuilding => Strings.Get("RequestStream_CapacityBuilding"),
        _ => "",
    };

    /// <summary>“Forensic investigators” (MINUSCA): a request named in a sentence.</summary>
    public static string Named(RecruitmentRequest request) => Strings.Format("RequestText_Named", request.Title, Mission(request.Mission));

    /// <summary>The service's scoring rules, one component a line, in words ("language margin: …").</summary>
    public static IEnumerable<string> ScoringLines(string scoring) =>
        scoring.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(part => "· " + part.Trim().Replace('_', ' '));

    public static string Fit(string text, int width) => text.Length > width ? text[..Math.Max(0, width - 1)] + "…" : text;
}
