using System.Collections.Concurrent;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Makes a loaded officer smaller in memory without changing what it says: codes and words that repeat across a
/// roster (Member State, language and skill codes, ranks, course ids) become one shared string each, and vetting
/// items never filled in share one empty item. For officers held in the directory only, which nobody changes.
/// </summary>
public sealed class OfficerCompaction
{
    private static readonly VettingItem NotRecorded = new();
    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);

    public void Apply(Officer officer)
    {
        officer.RegionCode = Word(officer.RegionCode);
        officer.Rank = Word(officer.Rank);
        foreach (var language in officer.Languages) language.LanguageCode = Word(language.LanguageCode);
        foreach (var skill in officer.Skills) skill.SkillCode = Word(skill.SkillCode);
        if (officer.Certifications.AmsPass is { LanguageCode: { } ams } pass) pass.LanguageCode = Word(ams);
        foreach (var course in officer.Certifications.CompletedCourses) course.CourseId = Word(course.CourseId);
        var vetting = officer.Vetting;
        vetting.HumanRightsScreening = Shared(vetting.HumanRightsScreening);
        vetting.SelfAttestation = Shared(vetting.SelfAttestation);
        vetting.MisconductCheck = Shared(vetting.MisconductCheck);
        vetting.MedicalClearance = Shared(vetting.MedicalClearance);
        officer.Languages.TrimExcess();
        officer.Skills.TrimExcess();
    }

    private string Word(string word) => _words.GetOrAdd(word, word);

    private static VettingItem Shared(VettingItem item) =>
        item.Status == VettingStatus.Unspecified && item.Date is null ? NotRecorded : item;
}
