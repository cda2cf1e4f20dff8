using Training.Service.Domain.Common;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reference;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Recruitment requests between protobuf and the domain, validating every field read.</summary>
public sealed class RequestMapping(IReferenceData reference, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> WritableFields =
    [
        "title", "mission", "category", "expert_profile", "stream", "officer_count", "deployment_date", "languages", "skills",
        "min_service_years", "ams_required", "driving_required", "medical_required", "deadline", "target_women_share",
    ];

    public static Proto.RecruitmentRequest ToProto(RecruitmentRequest request)
    {
        var proto = new Proto.RecruitmentRequest
        {
            Name = request.Name,
            Title = request.Title,
            Mission = ResourceNames.Mission(request.MissionCode),
            Category = (Proto.PersonnelCategory)request.Category,
            ExpertProfile = request.ExpertProfile,
            Stream = (Proto.SkillStream)request.Stream,
            OfficerCount = request.OfficerCount,
            DeploymentDate = request.DeploymentDate.ToProto(),
            Languages = { request.Languages.Select(l => l.ToProto()) },
            Skills = { request.Skills.Select(s => s.ToProto()) },
            AmsRequired = request.AmsRequired,
            DrivingRequired = request.DrivingRequired,
            MedicalRequired = request.MedicalRequired,
            Deadline = request.Deadline.ToProto(),
            TargetWomenShare = request.TargetWomenShare,
            State = (Proto.RecruitmentRequest.Types.State)request.State,
            CancelReason = request.CancelReason,
            CreateTime = request.CreateTime.ToProto(),
            UpdateTime = request.UpdateTime.ToProto(),
            Etag = Etag.Of(request.Revision),
        };
        if (request.MinServiceYears is { } years) proto.MinServiceYears = years;
        return proto;
    }

    /// <summary>Reads the named fields into a new request; cross-field rules run when both fields are read.</summary>
    public RecruitmentRequest FromProto(Validator v, string prefix, Proto.RecruitmentRequest proto, IReadOnlyCollection<string> fields)
    {
        var request = new RecruitmentRequest();
        string F(string name) => $"{prefix}.{name}";
        bool Has(string name) => fields.Contains(name);
        var today = Dates.Today(clock);

        if (Has("title")) request.Title = v.Required(F("title"), proto.Title, 200);
        if (Has("mission"))
        {
            var code = proto.Mission.StartsWith("missions/", StringComparison.Ordinal) ? proto.Mission["missions/".Length..] : null;
            if (code is null || reference.Mission(code) is not { } mission)
                v.Add(F("mission"), $"\"{(proto.Mission.Length > 60 ? proto.Mission[..60] : proto.Mission)}\" is not a mission (see ListMissions), e.g. missions/minusca.");
            else request.MissionCode = mission.MissionCode;
        }
        if (Has("category")) request.Category = (PersonnelCategory)v.Enum(F("category"), proto.Category, required: true);
        if (Has("expert_profile")) request.ExpertProfile = v.Optional(F("expert_profile"), proto.ExpertProfile, 2000, multiline: true);
        if (Has("stream")) request.Stream = (SkillStream)v.Enum(F("stream"), proto.Stream, required: false);
        if (Has("officer_count")) request.OfficerCount = v.Range(F("officer_count"), proto.OfficerCount, 1, 500);
        if (Has("deployment_date") && v.Date(F("deployment_date"), proto.DeploymentDate, required: true) is { } deployment)
        {
            request.DeploymentDate = deployment;
            if (deployment < today) v.Add(F("deployment_date"), "must not be in the past.");
        }
        if (Has("languages")) request.Languages = v.LanguageRequirements(F("languages"), proto.Languages, reference);
        if (Has("skills")) request.Skills = v.SkillRequirements(F("skills"), proto.Skills, reference);
        if (Has("min_service_years") && proto.HasMinServiceYears) request.MinServiceYears = v.Range(F("min_service_years"), proto.MinServiceYears, 0, 40);
        if (Has("ams_required")) request.AmsRequired = proto.AmsRequired;
        if (Has("driving_required")) request.DrivingRequired = proto.DrivingRequired;
        if (Has("medical_required")) request.MedicalRequired = proto.MedicalRequired;
        if (Has("deadline") && v.Time(F("deadline"), proto.Deadline, required: true) is { } deadline)
        {
            request.Deadline = deadline.AddTicks(-(deadline.Ticks % TimeSpan.TicksPerMillisecond));
            if (Has("deployment_date") && request.DeploymentDate != default && DateOnly.FromDateTime(deadline) > request.DeploymentDate)
                v.Add(F("deadline"), "must fall on or before the deployment date.");
        }
        if (Has("target_women_share"))
        {
            if (proto.TargetWomenShare is < 0 or > 1 || double.IsNaN(proto.TargetWomenShare)) v.Add(F("target_women_share"), "must be between 0 and 1.");
            request.TargetWomenShare = proto.TargetWomenShare;
        }
        return request;
    }

    public static void Apply(RecruitmentRequest source, RecruitmentRequest target, IReadOnlyCollection<string> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case "title": target.Title = source.Title; break;
                case "mission": target.MissionCode = source.MissionCode; break;
                case "category": target.Category = source.Category; break;
                case "expert_profile": target.ExpertProfile = source.ExpertProfile; break;
                case "stream": target.Stream = source.Stream; break;
                case "officer_count": target.OfficerCount = source.OfficerCount; break;
                case "deployment_date": target.DeploymentDate = source.DeploymentDate; break;
                case "languages": target.Languages = source.Languages; break;
                case "skills": target.Skills = source.Skills; break;
                case "min_service_years": target.MinServiceYears = source.MinServiceYears; break;
                case "ams_required": target.AmsRequired = source.AmsRequired; break;
                case "driving_required": target.DrivingRequired = source.DrivingRequired; break;
                case "medical_required": target.MedicalRequired = source.MedicalRequired; break;
                case "deadline": target.Deadline = source.Deadline; break;
                case "target_women_share": target.TargetWomenShare = source.TargetWomenShare; break;
            }
        }
    }
}
