using Google.Protobuf.WellKnownTypes;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Conversions between protobuf values and domain values shared by several services.</summary>
public static class ProtoConvert
{
    public static Google.Type.Date? ToProto(this DateOnly? day) => day is { } d ? d.ToProto() : null;

    public static Google.Type.Date ToProto(this DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static Timestamp ToProto(this DateTime time) => Timestamp.FromDateTime(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static Timestamp? ToProto(this DateTime? time) => time is { } t ? t.ToProto() : null;

    public static Proto.LanguageRequirement ToProto(this LanguageRequirement requirement) => new()
    {
        LanguageCode = requirement.LanguageCode,
        MinimumLevel = (Proto.CefrLevel)requirement.MinimumLevel,
        Skills = { requirement.Skills.Select(s => (Proto.LanguageSkill)s) },
    };

    public static Proto.SkillRequirement ToProto(this SkillRequirement requirement) => new()
    {
        SkillCode = requirement.SkillCode,
        MinimumLevel = (Proto.SkillLevel)requirement.MinimumLevel,
    };

    /// <summary>Validates and converts language requirements: known language, a level, each language once.</summary>
    public static List<LanguageRequirement> LanguageRequirements(
        this Validator v, string field, IList<Proto.LanguageRequirement> requirements, IReferenceData reference)
    {
        v.MaxCount(field, requirements, 10);
        var result = new List<LanguageRequirement>();
        for (var i = 0; i < requirements.Count; i++)
        {
            var r = requirements[i];
            var at = $"{field}[{i}]";
            var code = v.LanguageCode($"{at}.language_code", r.LanguageCode, reference);
            var level = v.Enum($"{at}.minimum_level", r.MinimumLevel, required: true);
            var skills = new List<LanguageSkill>();
            for (var s = 0; s < r.Skills.Count; s++)
                skills.Add((LanguageSkill)v.Enum($"{at}.skills[{s}]", r.Skills[s], required: true));
            if (code is null) continue;
            if (result.Any(x => x.LanguageCode == code)) v.Add($"{at}.language_code", $"{code} is listed twice.");
            result.Add(new LanguageRequirement { LanguageCode = code, MinimumLevel = (CefrLevel)level, Skills = skills.Distinct().ToList() });
        }
        return result;
    }

    /// <summary>Validates and converts skill requirements: known skill, each skill once.</summary>
    public static List<SkillRequirement> SkillRequirements(
        this Validator v, string field, IList<Proto.SkillRequirement> requirements, IReferenceData reference)
    {
        v.MaxCount(field, requirements, 20);
        var result = new List<SkillRequirement>();
        for (var i = 0; i < requirements.Count; i++)
        {
            var at = $"{field}[{i}]";
            var code = v.SkillCode($"{at}.skill_code", requirements[i].SkillCode, reference);
            var level = v.Enum($"{at}.minimum_level", requirements[i].MinimumLevel, required: false);
            if (code is null) continue;
            if (result.Any(x => x.SkillCode == code)) v.Add($"{at}.skill_code", $"{code} is listed twice.");
            result.Add(new SkillRequirement { SkillCode = code, MinimumLevel = (SkillLevel)level });
        }
        return result;
    }

    /// <summary>A language code known to the reference data, returned lower case.</summary>
    public static string? LanguageCode(this Validator v, string field, string? code, IReferenceData reference)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            v.Add(field, "is required.");
            return null;
        }
        var language = code.Length <= 10 ? reference.Language(code.Trim()) : null;
        if (language is null)
        {
            v.Add(field, $"\"{Shorten(code)}\" is not a known ISO 639-1 language code (see ListLanguages).");
            return null;
        }
        return language.LanguageCode;
    }

    /// <summary>A skill code known to the vocabulary, returned in its canonical case.</summary>
    public static string? SkillCode(this Validator v, string field, string? code, IReferenceData reference)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            v.Add(field, "is required.");
            return null;
        }
        var skill = code.Length <= 60 ? reference.Skill(code.Trim()) : null;
        if (skill is null)
        {
            v.Add(field, $"\"{Shorten(code)}\" is not in the skill vocabulary (see ListSkills).");
            return null;
        }
        return skill.SkillCode;
    }

    /// <summary>A region code of a UN Member State, returned upper case.</summary>
    public static string? MemberStateCode(this Validator v, string field, string? code, IReferenceData reference)
    {
        var region = Names.RegionCode(v, field, code);
        if (region is not null && reference.MemberState(region) is null)
        {
            v.Add(field, $"{region} is not a UN Member State.");
            return null;
        }
        return region;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
