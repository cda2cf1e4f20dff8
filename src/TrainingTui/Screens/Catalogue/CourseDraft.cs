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

    /// <summary>The categories by the names the form takes in English, in the enum's order from CPTM; a French form takes them too.</summary>
    private static readonly IReadOnlyList<string> EnglishCategoryNames = ["cptm", "stm", "specialized", "leadership", "fpu", "trainers"];

    /// <summary>The categories by the names the form shows and takes, in the client's language and the enum's order.</summary>
    public static IReadOnlyList<string> CategoryNames =>
    [
        Strings.Get("Category_Cptm"), Strings.Get("Category_Stm"), Strings.Get("Category_Specialized"),
        Strings.Get("Category_Leadership"), Strings.Get("Category_Fpu"), Strings.Get("Category_Trainers"),
    ];

    /// <summary>A course's category as the catalogue shows it ("specialized", "spécialisé").</summary>
    public static string CategoryName(CourseCategory category) =>
        category == CourseCategory.Unspecified ? "—" : CategoryNames[(int)category - 1];

    /// <summary>The fields in the client's language, read each time a form opens.</summary>
    public static IReadOnlyList<FormField> Fields =>
    [
        new(Code, Strings.Get("CourseForm_Code"), Strings.Get("CourseForm_CodeHint")),
        new(Title, Strings.Get("CourseForm_Title"), Strings.Get("CourseForm_TitleHint")),
        new(Description, Strings.Get("CourseForm_Description"), Strings.Get("CourseForm_DescriptionHint")),
        new(Category, Strings.Get("CourseForm_Category"), string.Join(", ", CategoryNames)),
        new(Language, Strings.Get("CourseForm_Language"), Strings.Get("CourseForm_LanguageHint")),
        new(Languages, Strings.Get("CourseForm_Languages"), Strings.Get("CourseForm_LanguagesHint")),
        new(Skills, Strings.Get("CourseForm_Skills"), Strings.Get("CourseForm_SkillsHint")),
        new(Prerequisites, Strings.Get("CourseForm_Prerequisites"), Strings.Get("CourseForm_PrerequisitesHint")),
        new(ServiceYears, Strings.Get("CourseForm_ServiceYears"), Strings.Get("CourseForm_ServiceYearsHint")),
        new(MinAge, Strings.Get("CourseForm_MinAge"), Strings.Get("CourseForm_PolicyDefault")),
        new(MaxAge, Strings.Get("CourseForm_MaxAge"), Strings.Get("CourseForm_MaxAgeHint")),
        new(WomenOnly, Strings.Get("CourseForm_WomenOnly"), Strings.Get("Field_YesOrNo")),
        new(Vetting, Strings.Get("CourseForm_Vetting"), Strings.Get("CourseForm_VettingHint")),
        new(Driving, Strings.Get("CourseForm_Driving"), Strings.Get("CourseForm_DrivingHint")),
        new(PerMemberState, Strings.Get("CourseForm_PerMemberState"), Strings.Get("CourseForm_PerMemberStateHint")),
        new(Validity, Strings.Get("CourseForm_Validity"), Strings.Get("CourseForm_ValidityHint")),
    ];

    public static IReadOnlyDictionary<string, string> Text(Course? course)
    {
        var r = course?.Requirements ?? new CourseRequirements();
        return new Dictionary<string, string>
        {
            [Code] = course?.Code ?? "",
            [Title] = course?.Title ?? "",
            [Description] = course?.Description ?? "",
            [Category] = course is null || course.Category == CourseCategory.Unspecified ? "" : CategoryName(course.Category),
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
        if (course.Description.Length > 4000) problems[Description] = FieldText.TooLong(4000, course.Description.Length);
        var category = FieldText.Choice(Value(Category), CategoryNames, required: true, EnglishCategoryNames);
        if (category.Ok) course.Category = (CourseCategory)(category.Value + 1);
        else problems[Category] = category.Problem!;
        var language = Value(Language).ToLowerInvariant();
        if (language.Length == 0) problems[Language] = Strings.Get("CourseForm_LanguageRequired");
        else if (vocabulary.LanguageCodes is { } known && !known.Contains(language)) problems[Language] = UnknownLanguage(language);
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
            if (vocabulary.CourseIds is { } courses && !courses.Contains(id)) problems[Prerequisites] = Strings.Format("CourseForm_NotInCatalogue", id);
            r.PrerequisiteCourses.Add($"courses/{id}");
        }
        if (Optional(ServiceYears, 0, 40) is { } years) r.MinServiceYears = years;
        if (Optional(MinAge, 16, 100) is { } minAge) r.MinAge = minAge;
        if (Optional(MaxAge, 16, 100) is { } maxAge) r.MaxAge = maxAge;
        if (r.HasMinAge && r.HasMaxAge && r.MaxAge <= r.MinAge) problems[MaxAge] = Strings.Get("CourseForm_AboveMinAge");
        r.WomenOnly = YesNo(WomenOnly);
        r.VettingRequired = YesNo(Vetting);
        r.DrivingRequired = YesNo(Driving);
        if (Optional(PerMemberState, 1, 1000) is { } cap) r.MaxNomineesPerMemberState = cap;
        course.CertificateValidityMonths = Optional(Validity, 0, 240) ?? 0;
        return (course, problems);

        string Required(string key, int max)
        {
            var value = Value(key);
            if (value.Length == 0) problems[key] = FieldText.Required;
            else if (value.Length > max) problems[key] = FieldText.TooLong(max, value.Length);
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

    /// <summary>"“xx” is not a known language", for a course's or a session's language.</summary>
    public static string UnknownLanguage(string code) => Strings.Format("CourseForm_UnknownLanguage", code);
}
