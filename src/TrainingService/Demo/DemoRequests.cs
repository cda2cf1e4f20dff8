using Training.Service.Domain.Catalog;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;

namespace Training.Service.Demo;

/// <summary>The demo's recruitment requests: calls that the demo Member States can answer.</summary>
public static class DemoRequests
{
    public static IReadOnlyList<RecruitmentRequest> Open(DateOnly today, DateTime now) =>
    [
        new()
        {
            Id = "minusca-forensics", Title = "Forensic investigators, francophone", MissionCode = "minusca",
            Category = PersonnelCategory.Ipo, Stream = SkillStream.PoliceOperations, OfficerCount = 6,
            ExpertProfile = "Crime-scene examination and evidence handling for the Special Criminal Court's cases.",
            DeploymentDate = today.AddDays(150), Deadline = now.Date.AddDays(45),
            Languages = [new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 }],
            Skills = [new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate }],
            AmsRequired = true, MedicalRequired = false, TargetWomenShare = 0.3, State = RequestState.Open,
        },
        new()
        {
            Id = "unmiss-sgbv", Title = "SGBV investigators for protection sites", MissionCode = "unmiss",
            Category = PersonnelCategory.Ipo, Stream = SkillStream.PoliceOperations, OfficerCount = 8,
            ExpertProfile = "Investigating sexual and gender-based violence; working with survivors and community watch groups.",
            DeploymentDate = today.AddDays(120), Deadline = now.Date.AddDays(30),
            Languages = [new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B2 }],
            Skills = [new SkillRequirement { SkillCode = "sgbv-investigation", MinimumLevel = SkillLevel.Basic }],
            AmsRequired = true, TargetWomenShare = 0.5, State = RequestState.Open,
        },
        new()
        {
            Id = "monusco-fpu-command", Title = "FPU command staff", MissionCode = "monusco",
            Category = PersonnelCategory.Fpu, Stream = SkillStream.PoliceCommand, OfficerCount = 3,
            ExpertProfile = "Deputy commanders and operations officers for a formed police unit rotation.",
            DeploymentDate = today.AddDays(200), Deadline = now.Date.AddDays(60), MinServiceYears = 10,
            Languages = [new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B1 }],
            Skills = [new SkillRequirement { SkillCode = "public-order-management", MinimumLevel = SkillLevel.Intermediate }],
            DrivingRequired = true, TargetWomenShare = 0.2, State = RequestState.Open,
        },
    ];
}
