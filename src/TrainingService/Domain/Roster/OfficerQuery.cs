using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Domain.Roster;

/// <summary>A typed roster search; every criterion that is set must hold.</summary>
public sealed record OfficerQuery(
    IReadOnlyCollection<string>? RegionCodes,
    string? NameText,
    string? NationalPoliceId,
    IReadOnlyList<SkillRequirement> Skills,
    IReadOnlyList<LanguageRequirement> Languages,
    Gender? Gender,
    Availability? Availability,
    int? MinServiceYears,
    DateOnly Today)
{
    /// <summary>Folded once per query, not once per officer it is matched against.</summary>
    public string? FoldedNamePrefix { get; } = string.IsNullOrWhiteSpace(NameText) ? null : NameFolding.Fold(NameText.Trim());

    public bool Matches(Officer officer)
    {
        if (RegionCodes is not null && !RegionCodes.Contains(officer.RegionCode)) return false;
        if (officer.Anonymized) return false;
        if (FoldedNamePrefix is { } prefix && !officer.NameTokens.Any(t => t.StartsWith(prefix, StringComparison.Ordinal)))
            return false;
        if (!string.IsNullOrWhiteSpace(NationalPoliceId)
            && officer.PoliceIdKey != OfficerKeys.PoliceIdKey(officer.RegionCode, NationalPoliceId))
            return false;
        if (Gender is { } gender && officer.Gender != gender) return false;
        if (Availability is { } availability && officer.Availability != availability) return false;
        if (MinServiceYears is { } years && officer.ServiceYearsOn(Today) < years) return false;
        // Index loops: a foreach over an interface allocates an enumerator, and this runs for every officer searched.
        for (var s = 0; s < Skills.Count; s++)
        {
            var held = officer.Skill(Skills[s].SkillCode);
            if (held is null || held.Level < Skills[s].MinimumLevel) return false;
        }
        for (var l = 0; l < Languages.Count; l++)
        {
            var language = Languages[l];
            var held = officer.Language(language.LanguageCode);
            if (held is null) return false;
            var skills = language.EffectiveSkills;
            for (var i = 0; i < skills.Count; i++)
                if (held.LevelIn(skills[i]) < language.MinimumLevel) return false;
        }
        return true;
    }
}
