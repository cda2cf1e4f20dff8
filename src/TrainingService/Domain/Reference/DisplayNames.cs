using Training.Service.Domain.Common;

namespace Training.Service.Domain.Reference;

/// <summary>
/// The names of reference data as words said in the caller's language. Both names of each Member State, language,
/// skill and mission are in <c>DisplayNames.resx</c> (English, the seed's own names) and <c>DisplayNames.fr.resx</c>
/// (French: the Member States' short names as the UN writes them, the missions' official French names), reviewed as
/// text side by side; codes and resource names never change with the language. A code the files do not hold reads as
/// the seed's name, or as the code itself when the reference data does not hold it either.
/// </summary>
public static class DisplayNames
{
    public static Phrase Of(MemberState state) => Phrase.Word($"MemberState_{state.RegionCode}", state.DisplayName);

    public static Phrase Of(Language language) => Phrase.Word($"Language_{language.LanguageCode}", language.DisplayName);

    public static Phrase Of(Skill skill) => Phrase.Word($"Skill_{skill.SkillCode}", skill.DisplayName);

    public static Phrase Of(Mission mission) => Phrase.Word($"Mission_{mission.MissionCode}", mission.DisplayName);

    public static Phrase Language(string languageCode, IReferenceData reference) =>
        Phrase.Word($"Language_{languageCode}", reference.Language(languageCode)?.DisplayName ?? languageCode);

    public static Phrase Skill(string skillCode, IReferenceData reference) =>
        Phrase.Word($"Skill_{skillCode}", reference.Skill(skillCode)?.DisplayName ?? skillCode);
}
