using Training.Service.Domain.Common;

namespace Training.Service.Domain.Reference;

/// <summary>Reference data, loaded once at start-up: small, read on every validation, so kept in memory.</summary>
public interface IReferenceData
{
    MemberState? MemberState(string regionCode);
    Language? Language(string languageCode);
    Skill? Skill(string skillCode);
    Mission? Mission(string missionCode);

    int MemberStateCount { get; }

    Page<MemberState> MemberStates(PageRequest page);
    Page<Language> Languages(bool unOfficialOnly, PageRequest page);
    Page<Skill> Skills(SkillStream? stream, PageRequest page);
    Page<Mission> Missions(PageRequest page);
}
