using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Reports;

/// <summary>Supply and demand for one language at a level, or one skill at a level.</summary>
/// <param name="Key">"language:fr:B2", "skill:forensics:INTERMEDIATE": the same in every language.</param>
/// <param name="Label">"French B2", "Forensics, intermediate or above": said in the reader's language.</param>
public sealed record SkillsLine(
    string Key, Phrase Label, IReadOnlyDictionary<string, int> SupplyByMemberState, int Requested, int SessionSeats)
{
    public int Supply => SupplyByMemberState.Values.Sum();
}

/// <summary>
/// Officers available per Member State against what open requests and open sessions ask for. One line per
/// distinct requirement: a language at a level (over all four skills, or the skills the requirement names) or
/// a skill at a minimum level, plus the six official UN languages at <see cref="BaselineLevel"/> always.
/// </summary>
public sealed record SkillsReport(IReadOnlyList<SkillsLine> Lines)
{
    /// <summary>
    /// The baseline shown for the official languages even when nothing open asks for them: B2 is the level
    /// missions most often require, so the line reads as "who could work in this language".
    /// </summary>
    public const CefrLevel BaselineLevel = CefrLevel.B2;

    /// <param name="reportedRegions">The States reported; each appears in every line, even at 0. Null: only States
    /// with supply.</param>
    public static SkillsReport Of(
        IEnumerable<Officer> officers,
        IEnumerable<RecruitmentRequest> openRequests,
        IEnumerable<Session> openSessions,
        IReadOnlyDictionary<string, Course> courses,
        IReferenceData reference,
        IReadOnlyCollection<string>? reportedRegions)
    {
        var needs = new Dictionary<string, Need>();
        Need Add(Need need) => needs.TryGetValue(need.Key, out var known) ? known : needs[need.Key] = need;

        // The official languages are six: one page of any size above that holds them all.
        foreach (var language in reference.Languages(unOfficialOnly: true, new PageRequest(100, null)).Items)
            Add(Need.For(new LanguageRequirement { LanguageCode = language.LanguageCode, MinimumLevel = BaselineLevel }, reference));
        foreach (var request in openRequests)
        {
            foreach (var language in request.Languages) Add(Need.For(language, reference)).Requested += request.OfficerCount;
            foreach (var skill in request.Skills) Add(Need.For(skill, reference)).Requested += request.OfficerCount;
        }
        foreach (var session in openSessions)
        {
            if (!courses.TryGetValue(session.CourseId, out var course)) continue;
            foreach (var language in course.Requirements.Languages) Add(Need.For(language, reference)).SessionSeats += session.Seats;
            foreach (var skill in course.Requirements.Skills) Add(Need.For(skill, reference)).SessionSeats += session.Seats;
        }

        var supply = needs.Values.ToDictionary(n => n, _ => (reportedRegions ?? []).ToDictionary(r => r, _ => 0));
        foreach (var officer in officers)
        {
            if (officer.Anonymized || officer.Availability != Availability.Available) continue;
            foreach (var need in needs.Values)
            {
                if (!need.MetBy(officer)) continue;
                var byState = supply[need];
                byState[officer.RegionCode] = byState.GetValueOrDefault(officer.RegionCode) + 1;
            }
        }

        return new SkillsReport(needs.Values
            .OrderBy(n => n.SortKey, StringComparer.Ordinal)
            .Select(n => new SkillsLine(n.Key, n.Label, supply[n], n.Requested, n.SessionSeats))
            .ToList());
    }

    /// <summary>One requirement, what meets it, and the demand gathered for it.</summary>
    private sealed class Need(string key, Phrase label, string sortKey, Func<Officer, bool> metBy)
    {
        public string Key { get; } = key;
        public Phrase Label { get; } = label;
        /// <summary>Languages (in the reference order: official UN languages first) then skills, each by level.</summary>
        public string SortKey { get; } = sortKey;
        public int Requested { get; set; }
        public int SessionSeats { get; set; }

        public bool MetBy(Officer officer) => metBy(officer);

        public static Need For(LanguageRequirement requirement, IReferenceData reference)
        {
            var code = requirement.LanguageCode;
            var level = requirement.MinimumLevel;
            var namedSkills = requirement.Skills.Distinct().Order().ToList();
            var named = namedSkills.Select(s => s.ToString().ToLowerInvariant()).ToList();
            var language = reference.Language(code);
            var skills = requirement.EffectiveSkills;
            var name = DisplayNames.Language(code, reference);
            return new Need(
                $"language:{code}:{level}" + (named.Count > 0 ? ":" + string.Join("+", named) : ""),
                named.Count > 0
                    ? new Phrase("Report_LanguageSkillsAtLevel", name, level.ToString(),
                        new Phrase.Listing(namedSkills.Select(s => Phrase.Word($"LanguageSkill_{s}", s.ToString().ToLowerInvariant())).ToList()))
                    : new Phrase("Report_LanguageAtLevel", name, level.ToString()),
                $"0|{language?.SortKey ?? code}|{(int)level}|{string.Join("+", named)}",
                officer => officer.Language(code) is { } held && skills.All(s => held.LevelIn(s) >= level));
        }

        public static Need For(SkillRequirement requirement, IReferenceData reference)
        {
            var code = requirement.SkillCode;
            var level = requirement.MinimumLevel;
            var name = DisplayNames.Skill(code, reference);
            var leveled = level != SkillLevel.Unspecified;
            return new Need(
                $"skill:{code}" + (leveled ? $":{level.ToString().ToUpperInvariant()}" : ""),
                leveled ? new Phrase("Report_SkillAtLevel", name, Phrase.Word($"SkillLevel_{level}", level.ToString().ToLowerInvariant())) : name,
                $"1|{code}|{(int)level}",
                officer => officer.Skill(code) is { } held && held.Level >= level);
        }
    }
}
