using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Catalog;

public enum CourseCategory { Unspecified = 0, Cptm = 1, Stm = 2, Specialized = 3, Leadership = 4, Fpu = 5, TrainingOfTrainers = 6 }

public sealed class LanguageRequirement
{
    public string LanguageCode { get; set; } = "";
    public CefrLevel MinimumLevel { get; set; }
    /// <summary>The skills the level applies to; empty means all four.</summary>
    public List<LanguageSkill> Skills { get; set; } = [];

    public IReadOnlyList<LanguageSkill> EffectiveSkills => Skills.Count > 0 ? Skills : AllFour;

    private static readonly LanguageSkill[] AllFour = [LanguageSkill.Reading, LanguageSkill.Listening, LanguageSkill.Writing, LanguageSkill.Speaking];
}

public sealed class SkillRequirement
{
    public string SkillCode { get; set; } = "";
    public SkillLevel MinimumLevel { get; set; }
}

/// <summary>What a course asks of nominees. Unset numbers fall back to the policy defaults.</summary>
public sealed class CourseRequirements
{
    public List<LanguageRequirement> Languages { get; set; } = [];
    public List<SkillRequirement> Skills { get; set; } = [];
    /// <summary>Course ids that must have been completed, still valid on the start date.</summary>
    public List<string> PrerequisiteCourseIds { get; set; } = [];
    public int? MinServiceYears { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public bool WomenOnly { get; set; }
    public bool VettingRequired { get; set; }
    public bool DrivingRequired { get; set; }
    public int? MaxNomineesPerMemberState { get; set; }
}

/// <summary>A catalogue entry.</summary>
public sealed class Course
{
    public string Id { get; set; } = "";
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public CourseCategory Category { get; set; }
    public string LanguageCode { get; set; } = "";
    public CourseRequirements Requirements { get; set; } = new();
    /// <summary>Months a completion counts; 0 means it does not expire.</summary>
    public int CertificateValidityMonths { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public long Revision { get; set; }

    public string Name => ResourceNames.Course(Id);

    /// <summary>The expiry of a completion on <paramref name="completed"/>, if the course's certificates expire.</summary>
    public DateOnly? CompletionExpiry(DateOnly completed) =>
        CertificateValidityMonths > 0 ? completed.AddMonths(CertificateValidityMonths) : null;
}
