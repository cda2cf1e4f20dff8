using System.Globalization;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Nominations;

/// <summary>When a check runs: submission checks everything; confirmation everything but the window and caps.</summary>
public enum CheckStage { Submission, Confirmation }

/// <summary>
/// Everything the rules need to judge one officer for one session, read in one transaction. A struct: matching makes
/// one per officer of a State, thousands a call, and none need outlive the check.
/// </summary>
public readonly record struct SessionCheck(
    Officer Officer,
    Course Course,
    Session Session,
    IReadOnlyList<NominationSummary> OfficerNominations,
    IReadOnlyList<NominationSummary> SessionNominations,
    Func<string, Session?> SessionByKey,
    Func<string, Course?> CourseById,
    CheckStage Stage,
    DateTime Now,
    string? NominationKey = null);

/// <summary>Everything the rules need to judge one officer for one recruitment request (a struct, as above).</summary>
public readonly record struct RequestCheck(
    Officer Officer,
    Recruitment.RecruitmentRequest Request,
    IReadOnlyList<NominationSummary> OfficerNominations,
    IReadOnlyList<NominationSummary> RequestNominations,
    CheckStage Stage,
    DateTime Now,
    string? NominationKey = null);

public sealed record EligibilityResult(IReadOnlyList<EligibilityFinding> Failures, IReadOnlyList<EligibilityFinding> Warnings)
{
    public bool Eligible => Failures.Count == 0;
}

/// <summary>
/// The one rule engine: every rule of DOMAIN.md evaluated over the target's own requirements, falling back to
/// the policy defaults. Each finding names its rule, the field concerned and a sentence a focal point reads.
/// Pure: it reads only what it is given.
/// </summary>
public sealed class EligibilityEngine(EligibilityPolicy policy, IReferenceData reference)
{
    public EligibilityPolicy Policy => policy;

    // Phrases without arguments never change: shared, not made again for each of the thousands of officers a match judges.
    private static readonly Phrase WhatCourse = new("What_Course");
    private static readonly Phrase WhatRequest = new("What_Request");
    private static readonly Phrase WhenSessionStarts = new("When_SessionStarts");
    private static readonly Phrase WhenDeployed = new("When_Deployed");

    /// <summary>The findings of the check running on this thread: one list per thread, copied out only when it holds any.</summary>
    [ThreadStatic] private static List<EligibilityFinding>? _scratch;

    private static List<EligibilityFinding> Scratch()
    {
        var findings = _scratch ??= new List<EligibilityFinding>(8);
        findings.Clear();
        return findings;
    }

    public EligibilityResult Check(in SessionCheck check)
    {
        var findings = Scratch();
        var officer = check.Officer;
        var requirements = check.Course.Requirements;
        var day = check.Session.StartDate;
        var what = WhatCourse;

        if (officer.Anonymized)
        {
            findings.Add(EligibilityFinding.Hard(Rules.OfficerAnonymized, "officer",
                new Phrase("Finding_Anonymised")));
            return Split(findings);
        }

        Age(findings, officer, day, requirements.MinAge ?? policy.MinimumAge, requirements.MaxAge ?? policy.MaximumAgeExclusive, WhenSessionStarts);
        Service(findings, officer, day, requirements.MinServiceYears ?? policy.MinimumServiceYears, what);
        if (requirements.DrivingRequired) Driving(findings, officer, day, what);
        Languages(findings, officer, requirements.Languages, what);
        Skills(findings, officer, requirements.Skills, what);
        if (requirements.VettingRequired) Vetting(findings, officer, what);
        Prerequisites(findings, officer, requirements.PrerequisiteCourseIds, day, check.CourseById);
        if (requirements.WomenOnly && officer.Gender != Gender.Female)
            findings.Add(EligibilityFinding.Hard(Rules.WomenOnlyCourse, "officer.gender",
                new Phrase("Finding_WomenOnly", check.Course.Title)));
        if (officer.Availability != Availability.Available)
            findings.Add(EligibilityFinding.Soft(Rules.OfficerNotAvailable, "officer.availability",
                new Phrase("Finding_NotAvailable", Word("Availability", officer.Availability))));

        if (check.Stage == CheckStage.Submission)
        {
            Window(findings, check.Session, check.Now);
            foreach (var other in check.OfficerNominations)
            {
                if (other.Key == check.NominationKey || !other.IsLive || other.Kind != TargetKind.Session || other.TargetKey != check.Session.Key) continue;
                findings.Add(EligibilityFinding.Hard(Rules.AlreadyNominated, "officer",
                    new Phrase("Finding_AlreadyNominatedSession")));
                break;
            }
            Cap(findings, check, officer.RegionCode);
        }
        Overlap(findings, check.Session, check.OfficerNominations, check.NominationKey, check.SessionByKey);
        return Split(findings);
    }

    /// <summary>
    /// The rules for a deployment: judged on the deployment date; vetting is always hard at submission (E6/E7),
    /// the AMS pass must still be valid on the deployment date when required (E4), and a Member State may have
    /// at most the policy's nominees per post requested live at once.
    /// </summary>
    public EligibilityResult Check(in RequestCheck check)
    {
        var findings = Scratch();
        var officer = check.Officer;
        var request = check.Request;
        var day = request.DeploymentDate;
        var what = WhatRequest;

        if (officer.Anonymized)
        {
            findings.Add(EligibilityFinding.Hard(Rules.OfficerAnonymized, "officer",
                new Phrase("Finding_Anonymised")));
            return Split(findings);
        }

        Age(findings, officer, day, policy.MinimumAge, policy.MaximumAgeExclusive, WhenDeployed);
        Service(findings, officer, day, request.MinServiceYears ?? policy.MinimumServiceYears, what);
        if (request.DrivingRequired) Driving(findings, officer, day, what);
        if (request.AmsRequired) Ams(findings, officer, day);
        Languages(findings, officer, request.Languages, what);
        Skills(findings, officer, request.Skills, what);
        Vetting(findings, officer, what);
        if (request.MedicalRequired) Medical(findings, officer);
        if (officer.Availability != Availability.Available)
            findings.Add(EligibilityFinding.Soft(Rules.OfficerNotAvailable, "officer.availability",
                new Phrase("Finding_NotAvailable", Word("Availability", officer.Availability))));

        if (check.Stage == CheckStage.Submission)
        {
            if (request.State != Recruitment.RequestState.Open)
                findings.Add(EligibilityFinding.Hard(Rules.RequestDeadlinePassed, "request.state",
                    new Phrase("Finding_RequestNotOpen", Word("RequestState", request.State))));
            else if (check.Now >= request.Deadline)
                findings.Add(EligibilityFinding.Hard(Rules.RequestDeadlinePassed, "request.deadline",
                    new Phrase("Finding_DeadlinePassed", request.Deadline)));
            // Loops, not lambdas: matching runs this for every officer of a State.
            foreach (var n in check.OfficerNominations)
            {
                if (!n.IsLive || n.Kind != TargetKind.Request || n.TargetKey != request.Id || n.Key == check.NominationKey) continue;
                findings.Add(EligibilityFinding.Hard(Rules.AlreadyNominated, "officer",
                    new Phrase("Finding_AlreadyNominatedRequest")));
                break;
            }
            var cap = policy.NomineesPerPostPerMemberState * request.OfficerCount;
            var live = 0;
            foreach (var n in check.RequestNominations)
                if (n.RegionCode == officer.RegionCode && n.IsLive && n.Key != check.NominationKey) live++;
            if (live >= cap)
                findings.Add(EligibilityFinding.Hard(Rules.MemberStateCapReached, "request.officer_count",
                    new Phrase("Finding_RequestCap", officer.RegionCode, live, cap, policy.NomineesPerPostPerMemberState)));
        }
        return Split(findings);
    }

    /// <summary>E8: medical clearance on file, required before a deployment nomination is cleared.</summary>
    public IReadOnlyList<EligibilityFinding> MedicalClearance(Officer officer)
    {
        var findings = new List<EligibilityFinding>();
        Medical(findings, officer);
        return findings;
    }

    private void Ams(List<EligibilityFinding> findings, Officer officer, DateOnly day)
    {
        if (officer.Certifications.AmsPass is not { } pass)
        {
            findings.Add(EligibilityFinding.Hard(Rules.AmsMissing, "officer.certifications.ams_pass",
                new Phrase("Finding_AmsMissing")));
            return;
        }
        var expires = pass.PassDate.AddMonths(policy.AmsValidityMonths);
        if (expires < day)
            findings.Add(EligibilityFinding.Hard(Rules.AmsExpired, "officer.certifications.ams_pass.pass_date",
                new Phrase("Finding_AmsExpired", pass.PassDate, expires, day)));
    }

    private static void Medical(List<EligibilityFinding> findings, Officer officer)
    {
        if (officer.Vetting.MedicalClearance.Status != VettingStatus.Cleared)
            findings.Add(EligibilityFinding.Hard(Rules.MedicalClearanceMissing, "officer.vetting.medical_clearance",
                new Phrase("Finding_MedicalMissing")));
    }

    /// <summary>
    /// The parity warning for a Member State's live list to a target, computed from the list as it stands
    /// (plus a prospective nominee, for a dry run): never frozen on one nomination.
    /// </summary>
    public EligibilityFinding? ParityWarning(IEnumerable<NominationSummary> targetNominations, string regionCode, Gender? prospective = null)
    {
        var list = targetNominations.Where(n => n.RegionCode == regionCode && n.IsLive).Select(n => n.OfficerGender).ToList();
        if (prospective is { } gender) list.Add(gender);
        if (list.Count == 0) return null;
        var women = list.Count(g => g == Gender.Female);
        var share = (double)women / list.Count;
        if (share >= policy.ParityThreshold) return null;
        return EligibilityFinding.Soft(Rules.ParityBelowThreshold, "member_state",
            new Phrase(women == 1 ? "Finding_ParityOne" : "Finding_ParityMany", regionCode, women, list.Count, new Phrase.Share(share),
                new Phrase.Share(policy.ParityThreshold)));
    }

    private void Age(List<EligibilityFinding> findings, Officer officer, DateOnly day, int minimum, int maximumExclusive, Phrase when)
    {
        var age = officer.AgeOn(day);
        if (age < minimum || age >= maximumExclusive)
            findings.Add(EligibilityFinding.Hard(Rules.AgeOutOfRange, "officer.birth_date",
                new Phrase("Finding_AgeOutOfRange", age, day, when, minimum, maximumExclusive)));
        else if (age >= policy.AgeWarningFrom)
            findings.Add(EligibilityFinding.Soft(Rules.AgeWarning, "officer.birth_date",
                new Phrase("Finding_AgeWarning", age, day, policy.AgeWarningFrom)));
    }

    private void Service(List<EligibilityFinding> findings, Officer officer, DateOnly day, int minimumYears, Phrase what)
    {
        var years = officer.ServiceYearsOn(day);
        if (years < minimumYears)
            findings.Add(EligibilityFinding.Hard(Rules.ServiceTooShort, "officer.service_start_date",
                new Phrase("Finding_ServiceTooShort", years, day, what, minimumYears)));
        if (officer.RetirementDate is { } retired && retired <= day
            && Dates.FullYearsBetween(retired, day) >= policy.RetiredWithinYears)
            findings.Add(EligibilityFinding.Hard(Rules.RetiredTooLongAgo, "officer.retirement_date",
                new Phrase("Finding_RetiredTooLongAgo", retired, policy.RetiredWithinYears)));
    }

    private void Driving(List<EligibilityFinding> findings, Officer officer, DateOnly day, Phrase what)
    {
        if (officer.Certifications.DrivingLicenceIssueDate is not { } issued)
        {
            findings.Add(EligibilityFinding.Hard(Rules.DrivingLicenceMissing, "officer.certifications.driving_licence",
                new Phrase("Finding_DrivingMissing", what, policy.DrivingLicenceMonths)));
            return;
        }
        var months = Dates.FullMonthsBetween(issued, day);
        if (months < policy.DrivingLicenceMonths)
            findings.Add(EligibilityFinding.Hard(Rules.DrivingLicenceTooRecent, "officer.certifications.driving_licence.issue_date",
                new Phrase("Finding_DrivingTooRecent", Math.Max(months, 0), day, what, policy.DrivingLicenceMonths)));
    }

    private void Languages(List<EligibilityFinding> findings, Officer officer, IReadOnlyList<LanguageRequirement> requirements, Phrase what)
    {
        for (var r = 0; r < requirements.Count; r++)
        {
            var requirement = requirements[r];
            var held = officer.Language(requirement.LanguageCode);
            if (held is null)
            {
                findings.Add(EligibilityFinding.Hard(Rules.LanguageMissing, $"officer.languages[{requirement.LanguageCode}]",
                    new Phrase("Finding_LanguageMissing", DisplayNames.Language(requirement.LanguageCode, reference), what,
                        requirement.MinimumLevel.ToString())));
                continue;
            }
            var skills = requirement.EffectiveSkills;
            for (var i = 0; i < skills.Count; i++)
            {
                var skill = skills[i];
                var level = held.LevelIn(skill);
                if (level >= requirement.MinimumLevel) continue;
                var skillName = skill.ToString().ToLowerInvariant();
                object shown = level == CefrLevel.Unspecified ? new Phrase("Level_NotAssessed") : level.ToString();
                findings.Add(EligibilityFinding.Hard(Rules.LanguageLevelTooLow, $"officer.languages[{requirement.LanguageCode}].{skillName}",
                    new Phrase("Finding_LanguageLevelTooLow", DisplayNames.Language(requirement.LanguageCode, reference),
                        Word("LanguageSkill", skill), shown, what,
                        requirement.MinimumLevel.ToString())));
            }
        }
    }

    private void Skills(List<EligibilityFinding> findings, Officer officer, IReadOnlyList<SkillRequirement> requirements, Phrase what)
    {
        for (var r = 0; r < requirements.Count; r++)
        {
            var requirement = requirements[r];
            var held = officer.Skill(requirement.SkillCode);
            if (held is not null && held.Level >= requirement.MinimumLevel) continue;
            var name = DisplayNames.Skill(requirement.SkillCode, reference);
            if (held is null)
                findings.Add(EligibilityFinding.Hard(Rules.MissingSkill, $"officer.skills[{requirement.SkillCode}]",
                    new Phrase("Finding_SkillMissing", name, what)));
            else
                findings.Add(EligibilityFinding.Hard(Rules.SkillLevelTooLow, $"officer.skills[{requirement.SkillCode}].level",
                    new Phrase("Finding_SkillLevelTooLow", name, Word("SkillLevel", held.Level), what, Word("SkillLevel", requirement.MinimumLevel))));
        }
    }

    private static void Vetting(List<EligibilityFinding> findings, Officer officer, Phrase what)
    {
        if (officer.Vetting.HumanRightsScreening.Status != VettingStatus.Cleared)
            findings.Add(EligibilityFinding.Hard(Rules.VettingIncomplete, "officer.vetting.human_rights_screening",
                new Phrase("Finding_VettingIncomplete", what)));
        if (officer.Vetting.MisconductCheck.Status == VettingStatus.Flagged)
            findings.Add(EligibilityFinding.Hard(Rules.MisconductFlag, "officer.vetting.misconduct_check",
                new Phrase("Finding_MisconductFlag")));
    }

    private static void Prerequisites(List<EligibilityFinding> findings, Officer officer, IEnumerable<string> courseIds, DateOnly day,
        Func<string, Course?> courseById)
    {
        foreach (var courseId in courseIds)
        {
            var title = courseById(courseId) is { } course ? $"{course.Code} ({course.Title})" : ResourceNames.Course(courseId);
            var completions = officer.Certifications.CompletedCourses.Where(c => c.CourseId == courseId).ToList();
            if (completions.Any(c => c.IsValidOn(day))) continue;
            var expired = completions.Where(c => c.ExpiryDate is not null).MaxBy(c => c.ExpiryDate);
            findings.Add(EligibilityFinding.Hard(Rules.PrerequisiteMissing, $"officer.certifications.completed_courses[{courseId}]",
                expired is not null
                    ? new Phrase("Finding_PrerequisiteExpired", title, expired.ExpiryDate!.Value, day)
                    : new Phrase("Finding_PrerequisiteMissing", title)));
        }
    }

    private static void Window(List<EligibilityFinding> findings, Session session, DateTime now)
    {
        if (session.State != SessionState.Open)
            findings.Add(EligibilityFinding.Hard(Rules.NominationWindowClosed, "session.state",
                new Phrase("Finding_SessionNotOpen", Word("SessionState", session.State))));
        else if (now < session.NominationOpenTime)
            findings.Add(EligibilityFinding.Hard(Rules.NominationWindowClosed, "session.nomination_open_time",
                new Phrase("Finding_WindowNotYetOpen", session.NominationOpenTime)));
        else if (now >= session.NominationCloseTime)
            findings.Add(EligibilityFinding.Hard(Rules.NominationWindowClosed, "session.nomination_close_time",
                new Phrase("Finding_WindowClosed", session.NominationCloseTime)));
    }

    private void Cap(List<EligibilityFinding> findings, in SessionCheck check, string regionCode)
    {
        var allocationCap = check.Session.AllocationFor(regionCode)?.Cap ?? 0;
        var courseCap = check.Course.Requirements.MaxNomineesPerMemberState
            ?? (check.Course.Requirements.WomenOnly ? policy.WomenOnlyNomineesPerMemberState : (int?)null);
        int? cap = allocationCap > 0 ? Math.Min(allocationCap, courseCap ?? int.MaxValue) : courseCap;
        if (cap is null) return;
        var live = 0;
        foreach (var n in check.SessionNominations)
            if (n.RegionCode == regionCode && n.IsLive && n.Key != check.NominationKey) live++;
        if (live >= cap)
            findings.Add(EligibilityFinding.Hard(Rules.MemberStateCapReached, $"session.allocations[{regionCode}].cap",
                new Phrase("Finding_SessionCap", regionCode, live, cap)));
    }

    private static void Overlap(List<EligibilityFinding> findings, Session session, IReadOnlyList<NominationSummary> officerNominations,
        string? nominationKey, Func<string, Session?> sessionByKey)
    {
        foreach (var confirmed in officerNominations)
        {
            if (confirmed.Key == nominationKey || confirmed.State != NominationState.Confirmed || confirmed.Kind != TargetKind.Session
                || confirmed.TargetKey == session.Key) continue;
            var other = sessionByKey(confirmed.TargetKey);
            if (other is null || !Dates.Overlap(session.StartDate, session.EndDate, other.StartDate, other.EndDate)) continue;
            findings.Add(EligibilityFinding.Hard(Rules.DatesOverlap, "officer",
                new Phrase("Finding_DatesOverlap", other.Name, other.StartDate, other.EndDate)));
        }
    }

    private static readonly EligibilityResult NoFinding = new([], []);

    /// <summary>
    /// Most officers pass with nothing to say: no lists to build then (matching judges thousands per call). The findings
    /// given are the thread's scratch list: what is kept is copied out of it.
    /// </summary>
    private static EligibilityResult Split(List<EligibilityFinding> findings)
    {
        if (findings.Count == 0) return NoFinding;
        var hard = 0;
        foreach (var finding in findings)
            if (finding.Severity == Severity.Hard) hard++;
        // One kind only (the usual case): in the order the rules found them.
        if (hard == findings.Count) return new(findings.ToArray(), []);
        if (hard == 0) return new([], findings.ToArray());
        var failures = new List<EligibilityFinding>(hard);
        var warnings = new List<EligibilityFinding>(findings.Count - hard);
        foreach (var finding in findings) (finding.Severity == Severity.Hard ? failures : warnings).Add(finding);
        return new(failures, warnings);
    }

    /// <summary>A value of a vocabulary (a state, a level) as a word in the caller's language ("deployed", "déployé").</summary>
    private static Phrase Word<T>(string vocabulary, T value) where T : struct, Enum =>
        VocabularyWords<T>.Words.GetOrAdd((vocabulary, value), w => Phrase.Word($"{w.Vocabulary}_{w.Value}", w.Value.ToString().ToLowerInvariant()));

    /// <summary>One shared word per vocabulary value: a phrase without arguments never changes.</summary>
    private static class VocabularyWords<T> where T : struct, Enum
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Vocabulary, T Value), Phrase> Words = new();
    }
}
