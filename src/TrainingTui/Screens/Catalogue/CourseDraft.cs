using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// A course as the course form shows and takes it: each field keyed by its update-mask path, checked the way
/// the service checks it (CatalogMapping: lengths, a known language, requirements from the vocabulary).
/// </summary>
public static class CourseDraft
{
    public const string Code = "code", Title = "title", Description = "description", Category = "category", Language = "language_code",
        Languages = "requirements.languages", Skills = "requirements.skills", Prerequisites = "requirements.prerequisite_courses",
        ServiceYears = "requirements.min_service_years", MinAge = "requirements.min_age", MaxAge = "requirements.max_age",
        WomenOnly = "requirements.women_only", Vetting = "requirements.vetting_required", Driving = "requirements.driving_required",
        PerMemberState = "requirements.max_nominees_per_member_state", Validity = "certificate_validity_months";

    /// <summary>The categories by the names the form takes, in the enum's order from CPTM.</summary>
    public static readonly IReadOnlyList<string> CategoryNames = ["cptm", "stm", "specialized", "leadership", "fpu", "trainers"];

    public static IReadOnlyList<FormField> Fields { get; } =
    [
        new(Code, "Code", "short code, e.g. UNPOL-STM (up to 30 characters)"),
        new(Title, "Title", "up to 200 characters"),
        new(Description, "Description", "what is taught, to whom (optional)"),
        new(Category, "Category", string.Join(", ", CategoryNames)),
        new(Language, "Language", "main language of instruction, e.g. en"),
        new(Languages, "Needs langs", "fr B2, en (a minimum in all four skills; empty: none)"),
        new(Skills, "Needs skills", "forensics advanced, gender (empty: none)"),
        new(Prerequisites, "After courses", "course codes completed first, e.g. cptm"),
        new(ServiceYears, "Service yrs", "minimum years of service; empty: the policy's default"),
        new(MinAge, "Min age", "empty: the policy's default"),
        new(MaxAge, "Under age", "nominees younger than this; empty: the policy's default"),
        new(WomenOnly, "Women only", "yes or no"),
        new(Vetting, "Vetting", "yes: human-rights screening and no misconduct flag at submission"),
        new(Driving, "Driving", "yes: a driving licence held long enough is required"),
        new(PerMemberState, "Per State", "at most this many live nominees per Member State; empty: no cap"),
        new(Validity, "Valid months", "how long a completion counts; 0: it does not expire"),
    ];

    public static IReadOnlyDictionary<string, string> Text(Course? course)
    {
        var r = course?.Requirements ?? new CourseRequirements();
        return new Dictionary<string, string>
        {
            [Code] = course?.Code ?? "",
            [Title] = course?.Title ?? "",
            [Description] = course?.Description ?? "",
            [Category] = course is null || course.Category == CourseCategory.Unspecified ? "" : CategoryNames[(int)course.Category - 1],
            [Language] = course?.LanguageCode ?? "en",
            [Languages] = OfficerText.LanguageRequirements(r.Languages),
            [Skills] = OfficerText.SkillRequirements(r.Skills),
            [Prerequisites] = string.Join(", ", r.PrerequisiteCourses.Select(c => c.Split('/')[^1])),
            [ServiceYears] = r.HasMinServiceYears ? FieldText.Number(r.MinServiceYears) : "",
            [MinAge] = r.HasMinAge ? FieldText.Number(r.MinAge) : "",
            [MaxAge] = r.HasMaxAge ? FieldText.Number(r.MaxAge) : "",
            [WomenOnly] = FieldText.YesNo(r.WomenOnly),
            [Vetting] = FieldText.YesNo(r.VettingRequired),
            [Driving] = FieldText.YesNo(r.DrivingRequired),
            [PerMemberState] = r.HasMaxNomineesPerMemberState ? FieldText.Number(r.MaxNomineesPerMemberState) : "",
            [Validity] = FieldText.Number(course?.CertificateValidityMonths ?? 0),
        };
    }

    /// <summary>The course read from the form, and the problem of each field that could not be read.</summary>
    public static (Course Course, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text, RosterVocabulary vocabulary)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var course = new Course
        {
            Code = Required(Code, 30),
            Title = Required(Title, 200),
            Description = Value(Description),
            Requirements = new CourseRequirements(),
        };
        if (course.Description.Length > 4000) problems[Description] = "at most 4000 characters";
        var category = FieldText.Choice(Value(Category), CategoryNames, required: true);
        if (category.Ok) course.Category = (CourseCategory)(category.Value + 1);
        else problems[Category] = category.Problem!;
        var language = Value(Language).ToLowerInvariant();
        if (language.Length == 0) problems[Language] = "required, e.g. en";
        else if (vocabulary.LanguageCodes is { } known && !known.Contains(language)) problems[Language] = $"“{language}” is not a known language";
        course.LanguageCode = language;

        var r = course.Requirements;
        var languages = OfficerText.LanguageRequirements(Value(Languages), vocabulary.LanguageCodes);
        if (languages.Ok) r.Languages.AddRange(languages.Value);
        else problems[Languages] = languages.Problem!;
        var skills = OfficerText.SkillRequirements(Value(Skills), vocabulary.SkillCodes);
        if (skills.Ok) r.Skills.AddRange(skills.Value);
        else problems[Skills] = skills.Problem!;
        foreach (var id in FieldText.Entries(Value(Prerequisites)).Select(e => e.ToLowerInvariant()))
        {
            if (vocabulary.CourseIds is { } courses && !courses.Contains(id)) problems[Prerequisites] = $"“{id}” is not in the catalogue";
            r.PrerequisiteCourses.Add($"courses/{id}");
        }
        if (Optional(ServiceYears, 0, 40) is { } years) r.MinServiceYears = years;
        if (Optional(MinAge, 16, 100) is { } minAge) r.MinAge = minAge;
        if (Optional(MaxAge, 16, 100) is { } maxAge) r.MaxAge = maxAge;
        if (r.HasMinAge && r.HasMaxAge && r.MaxAge <= r.MinAge) problems[MaxAge] = "must be above the minimum age";
        r.WomenOnly = YesNo(WomenOnly);
        r.VettingRequired = YesNo(Vetting);
        r.DrivingRequired = YesNo(Driving);
        if (Optional(PerMemberState, 1, 1000) is { } cap) r.MaxNomineesPerMemberState = cap;
        course.CertificateValidityMonths = Optional(Validity, 0, 240) ?? 0;
        return (course, problems);

        string Required(string key, int max)
        {
            var value = Value(key);
            if (value.Length == 0) problems[key] = "required";
            else if (value.Length > max) problems[key] = $"at most {max} characters ({value.Length})";
            return value;
        }

        int? Optional(string key, int min, int max)
        {
            var parsed = FieldText.Number(Value(key), min, max, required: false);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }

        bool YesNo(string key)
        {
            var parsed = FieldText.YesNo(Value(key));
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }
    }
}
