namespace Training.Service.Domain.Roster;

public enum Gender { Unspecified = 0, Female = 1, Male = 2 }

/// <summary>CEFR levels in ascending order, so levels compare by value.</summary>
public enum CefrLevel { Unspecified = 0, A1 = 1, A2 = 2, B1 = 3, B2 = 4, C1 = 5, C2 = 6 }

public enum LanguageSkill { Unspecified = 0, Reading = 1, Listening = 2, Writing = 3, Speaking = 4 }

public enum SkillLevel { Unspecified = 0, Basic = 1, Intermediate = 2, Advanced = 3, Expert = 4 }

public enum Availability { Unspecified = 0, Available = 1, Deployed = 2, Unavailable = 3 }

public enum VettingStatus { Unspecified = 0, Pending = 1, Cleared = 2, Flagged = 3 }

public sealed class LanguageProficiency
{
    public string LanguageCode { get; set; } = "";
    public CefrLevel Reading { get; set; }
    public CefrLevel Listening { get; set; }
    public CefrLevel Writing { get; set; }
    public CefrLevel Speaking { get; set; }

    public CefrLevel LevelIn(LanguageSkill skill) => skill switch
    {
        LanguageSkill.Reading => Reading,
        LanguageSkill.Listening => Listening,
        LanguageSkill.Writing => Writing,
        LanguageSkill.Speaking => Speaking,
        _ => CefrLevel.Unspecified,
    };
}

public sealed class SkillProficiency
{
    public string SkillCode { get; set; } = "";
    public SkillLevel Level { get; set; }
}

public sealed class AmsPass
{
    public DateOnly PassDate { get; set; }
    public string? LanguageCode { get; set; }
}

public sealed class CompletedCourse
{
    /// <summary>The course id (not its resource name).</summary>
    public string CourseId { get; set; } = "";
    public DateOnly CompletionDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }

    public bool IsValidOn(DateOnly day) => CompletionDate <= day && (ExpiryDate is null || ExpiryDate >= day);
}

public sealed class Certifications
{
    public AmsPass? AmsPass { get; set; }
    /// <summary>Issue date of the driving licence, if one is held.</summary>
    public DateOnly? DrivingLicenceIssueDate { get; set; }
    /// <summary>Day the officer qualified on firearms, if qualified.</summary>
    public DateOnly? FirearmsQualificationDate { get; set; }
    public List<CompletedCourse> CompletedCourses { get; set; } = [];
}

public sealed class VettingItem
{
    public VettingStatus Status { get; set; }
    public DateOnly? Date { get; set; }

    public VettingItem Copy() => new() { Status = Status, Date = Date };
}

public sealed class Vetting
{
    public VettingItem HumanRightsScreening { get; set; } = new();
    public VettingItem SelfAttestation { get; set; } = new();
    public VettingItem MisconductCheck { get; set; } = new();
    public VettingItem MedicalClearance { get; set; } = new();
}
