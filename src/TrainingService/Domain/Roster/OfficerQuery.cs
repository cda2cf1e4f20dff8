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
    public string? FoldedNamePrefix => string.IsNullOrWhiteSpace(NameText) ? null : NameFolding.Fold(NameText.Trim());

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
        foreach (var skill in Skills)
        {
            var held = officer.Skill(skill.SkillCode);
            if (held is null || held.Level < skill.MinimumLevel) return false;
        }
        foreach (var language in Languages)
        {
            var held = officer.Language(language.LanguageCode);
            if (held is null) return false;
            foreach (var skill in language.EffectiveSkills)
                if (held.LevelIn(skill) < language.MinimumLevel) return false;
        }
        return true;
    }
}
