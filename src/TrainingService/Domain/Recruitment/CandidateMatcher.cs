using System.Globalization;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Recruitment;

/// <summary>One part of a candidate's score; its explanation is said in each caller's language (a match is shared).</summary>
public sealed record ScoreComponent(string Component, double Points, Phrase Explanation);

public sealed record Candidate(Officer Officer, double Score, IReadOnlyList<ScoreComponent> Components, IReadOnlyList<EligibilityFinding> Warnings);

public sealed record MatchResult(IReadOnlyList<Candidate> Candidates, int EligibleCount, int ConsideredCount);

/// <summary>
/// Finds the officers of one Member State who pass every hard rule for a request or a session — the rule engine's
/// own verdict, never a second copy of the rules — and ranks them by a score that rewards more than the minimum.
/// </summary>
public sealed class CandidateMatcher(
    IOfficerDirectory directory,
    INominationRepository nominations,
    EligibilityEngine engine,
    IReferenceData reference,
    ITrainingStore store,
    MatchMemo memo,
    TimeProvider clock)
{
    /// <summary>How the score is made, in words (Phrases: "Match_Scoring"), said in each caller's language.</summary>
    public static readonly Phrase Scoring = new("Match_Scoring");

    public MatchResult ForRequest(RecruitmentRequest request, string regionCode, int size) =>
        memo.GetOrRun(MemoKey(request.Name, regionCode, size), () => RankForRequest(request, regionCode, size));

    public MatchResult ForSession(Course course, Session session, Func<string, Course?> courseById, Func<string, Session?> sessionByKey,
        string regionCode, int size) =>
        memo.GetOrRun(MemoKey(session.Name, regionCode, size), () => RankForSession(course, session, courseById, sessionByKey, regionCode, size));

    /// <summary>What a match depends on: its target, State and size, the committed data, and the minute (windows, deadlines, ages).</summary>
    private string MemoKey(string target, string regionCode, int size)
    {
        var now = clock.UtcNow();
        return $"{target}|{regionCode}|{size}|{store.Version}|{now.Ticks / TimeSpan.TicksPerMinute}";
    }

    private MatchResult RankForRequest(RecruitmentRequest request, string regionCode, int size)
    {
        var now = clock.UtcNow();
        var requestNominations = nominations.ForTarget(TargetKind.Request, request.Id);
        return Rank(regionCode, size, request.Languages, request.Skills, request.DeploymentDate, officer =>
            engine.Check(new RequestCheck(officer, request, nominations.ForOfficer(officer), requestNominations,
                CheckStage.Submission, now)));
    }

    private MatchResult RankForSession(Course course, Session session, Func<string, Course?> courseById, Func<string, Session?> sessionByKey,
        string regionCode, int size)
    {
        var now = clock.UtcNow();
        var sessionNominations = nominations.ForTarget(TargetKind.Session, session.Key);
        return Rank(regionCode, size, course.Requirements.Languages, course.Requirements.Skills, session.StartDate, officer =>
            engine.Check(new SessionCheck(officer, course, session, nominations.ForOfficer(officer),
                sessionNominations, sessionByKey, courseById, CheckStage.Submission, now)));
    }

    private MatchResult Rank(string regionCode, int size, IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills,
        DateOnly day, Func<Officer, EligibilityResult> check)
    {
        // Officers missing a required language or skill fail those hard rules: the rules run on the others only.
        var holding = directory.Holding(regionCode, languages, skills);
        var best = new TopCandidates(size);
        var eligible = 0;
        foreach (var officer in holding)
        {
            var result = check(officer);
            if (!result.Eligible) continue;
            best.Offer(officer, Points(officer, languages, skills, day), result, eligible++);
        }
        // Explanations are words: written only for the candidates returned, not for every eligible officer.
        var candidates = best.InOrder()
            .Select(c => new Candidate(c.Officer, c.Score, Score(c.Officer, languages, skills, day),
                c.Result.Warnings))
            .ToList();
        return new MatchResult(candidates, eligible, directory.OfficersOf(regionCode).Count);
    }

    /// <summary>The total of <see cref="Score"/> without building its parts: run for every eligible officer.</summary>
    private double Points(Officer officer, IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills, DateOnly day)
    {
        var points = 0.0;
        for (var l = 0; l < languages.Count; l++)
        {
            var requirement = languages[l];
            var held = officer.Language(requirement.LanguageCode)!;
            var margin = 0.0;
            var effective = requirement.EffectiveSkills;
            for (var i = 0; i < effective.Count; i++) margin += held.LevelIn(effective[i]) - requirement.MinimumLevel;
            points += Math.Min(10, 5 * margin / effective.Count);
        }
        for (var s = 0; s < skills.Count; s++)
        {
            var requirement = skills[s];
            var minimum = requirement.MinimumLevel == SkillLevel.Unspecified ? SkillLevel.Basic : requirement.MinimumLevel;
            points += 5 + 5 * Math.Max(0, officer.Skill(requirement.SkillCode)!.Level - minimum);
        }
        if (officer.Certifications.AmsPass is { } ams)
        {
            var validity = engine.Policy.AmsValidityMonths;
            points += Math.Max(0, 10.0 * (validity - Math.Max(0, Dates.FullMonthsBetween(ams.PassDate, day))) / validity);
        }
        return points + (officer.Availability == Availability.Available ? 10 : 0);
    }

    private List<ScoreComponent> Score(Officer officer, IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills,
        DateOnly day)
    {
        var components = new List<ScoreComponent>(languages.Count + skills.Count + 2);
        foreach (var requirement in languages)
        {
            var held = officer.Language(requirement.LanguageCode)!;
            var margin = requirement.EffectiveSkills.Average(s => (double)(held.LevelIn(s) - requirement.MinimumLevel));
            var language = DisplayNames.Language(requirement.LanguageCode, reference);
            components.Add(new ScoreComponent("language_margin", Math.Min(10, 5 * margin),
                margin <= 0
                    ? new Phrase("Score_LanguageAtRequired", language, requirement.MinimumLevel.ToString())
                    : new Phrase("Score_LanguageAbove", language, Math.Round(margin, 1), requirement.MinimumLevel.ToString())));
        }
        foreach (var requirement in skills)
        {
            var held = officer.Skill(requirement.SkillCode)!;
            var minimum = requirement.MinimumLevel == SkillLevel.Unspecified ? SkillLevel.Basic : requirement.MinimumLevel;
            var above = Math.Max(0, held.Level - minimum);
            var skill = DisplayNames.Skill(requirement.SkillCode, reference);
            var level = Phrase.Word($"SkillLevel_{held.Level}", held.Level.ToString().ToLowerInvariant());
            components.Add(new ScoreComponent("skill_level", 5 + 5 * above,
                above > 0 ? new Phrase("Score_SkillAbove", skill, level, above) : new Phrase("Score_SkillAt", skill, level)));
        }
        if (officer.Certifications.AmsPass is { } ams)
        {
            var validity = engine.Policy.AmsValidityMonths;
            var months = Math.Max(0, Dates.FullMonthsBetween(ams.PassDate, day));
            var points = Math.Max(0, 10.0 * (validity - months) / validity);
            components.Add(new ScoreComponent("ams_recency", points, new Phrase("Score_AmsPassed", ams.PassDate, months, day)));
        }
        components.Add(officer.Availability == Availability.Available
            ? new ScoreComponent("availability", 10, new Phrase("Score_AvailableNow"))
            : new ScoreComponent("availability", 0, new Phrase("Score_NotAvailableNow",
                Phrase.Word($"Availability_{officer.Availability}", officer.Availability.ToString().ToLowerInvariant()))));
        return components;
    }
}
