using System.Globalization;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Recruitment;

/// <summary>
/// A recruitment request as the request form shows and takes it, each field keyed by its update-mask path and checked
/// as the service checks it (RequestMapping): a known mission, 1 to 500 officers, the deadline on or before deployment.
/// </summary>
public static class RequestDraft
{
    public const string Title = "title", Mission = "mission", Category = "category", Count = "officer_count", Deployment = "deployment_date",
        Deadline = "deadline", Languages = "languages", Skills = "skills", ServiceYears = "min_service_years", Ams = "ams_required",
        Driving = "driving_required", Medical = "medical_required", Women = "target_women_share", Stream = "stream", Profile = "expert_profile";

    /// <summary>What the category field takes, in the client's language: the codes, and a post in words.</summary>
    public static IReadOnlyList<string> CategoryNames => ["ipo", "fpu", "spt", Strings.Get("RequestCategory_Post")];

    /// <summary>What the stream field takes, in the client's language (a unique beginning is enough).</summary>
    public static IReadOnlyList<string> StreamNames =>
    [
        Strings.Get("RequestDraft_StreamCommand"), Strings.Get("RequestDraft_StreamOperations"),
        Strings.Get("RequestDraft_StreamAdministration"), Strings.Get("RequestDraft_StreamCapacityBuilding"),
    ];

    /// <summary>The form's fields, captioned in the client's language (read when a form opens).</summary>
    public static IReadOnlyList<FormField> Fields =>
    [
        new(Title, Strings.Get("RequestField_Title"), Strings.Get("RequestField_TitleHint")),
        new(Mission, Strings.Get("RequestField_Mission"), Strings.Get("RequestField_MissionHint")),
        new(Category, Strings.Get("RequestField_Category"), string.Join(", ", CategoryNames)),
        new(Count, Strings.Get("RequestField_Officers"), Strings.Get("RequestField_OfficersHint")),
        new(Deployment, Strings.Get("RequestField_Deployment"), Strings.Format("RequestField_DeploymentHint", OfficerText.DateHint)),
        new(Deadline, Strings.Get("RequestField_Deadline"), Strings.Format("RequestField_DeadlineHint", FieldText.InstantHint)),
        new(Languages, Strings.Get("RequestField_Languages"), Strings.Get("RequestField_LanguagesHint")),
        new(Skills, Strings.Get("RequestField_Skills"), Strings.Get("RequestField_SkillsHint")),
        new(ServiceYears, Strings.Get("RequestField_ServiceYears"), Strings.Get("RequestField_ServiceYearsHint")),
        new(Ams, Strings.Get("RequestField_Ams"), Strings.Get("RequestField_AmsHint")),
        new(Driving, Strings.Get("RequestField_Driving"), Strings.Get("RequestField_DrivingHint")),
        new(Medical, Strings.Get("RequestField_Medical"), Strings.Get("RequestField_MedicalHint")),
        new(Women, Strings.Get("RequestField_Women"), Strings.Get("RequestField_WomenHint")),
        new(Stream, Strings.Get("RequestField_Stream"), Strings.Format("RequestField_StreamHint", string.Join(", ", StreamNames))),
        new(Profile, Strings.Get("RequestField_Profile"), Strings.Get("RequestField_ProfileHint")),
    ];

    /// <summary>A field's caption ("Officers") for the field's update-mask path ("officer_count").</summary>
    public static string Caption(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Caption ?? key.Replace('_', ' ');

    public static IReadOnlyDictionary<string, string> Text(RecruitmentRequest? request) => new Dictionary<string, string>
    {
        [Title] = request?.Title ?? "",
        [Mission] = request is null ? "" : RequestText.Mission(request.Mission),
        [Category] = request is null || request.Category == PersonnelCategory.Unspecified ? "ipo" : CategoryNames[(int)request.Category - 1],
        [Count] = request is null ? "" : FieldText.Number(request.OfficerCount),
        [Deployment] = Format.IsoDate(request?.DeploymentDate),
        [Deadline] = FieldText.Instant(request?.Deadline),
        [Languages] = OfficerText.LanguageRequirements(request?.Languages ?? []),
        [Skills] = OfficerText.SkillRequirements(request?.Skills ?? []),
        [ServiceYears] = request is { HasMinServiceYears: true } ? FieldText.Number(request.MinServiceYears) : "",
        [Ams] = FieldText.YesNo(request?.AmsRequired ?? false),
        [Driving] = FieldText.YesNo(request?.DrivingRequired ?? false),
        [Medical] = FieldText.YesNo(request?.MedicalRequired ?? false),
        [Women] = request is null || request.TargetWomenShare == 0 ? "" : string.Concat(Format.Percent(request.TargetWomenShare).Where(c => !char.IsWhiteSpace(c))),
        [Stream] = request is null || request.Stream == SkillStream.Unspecified ? "" : StreamNames[(int)request.Stream - 1],
        [Profile] = request?.ExpertProfile.ReplaceLineEndings(" ") ?? "",
    };

    /// <summary>The request read from the form, and the problem of each field that could not be read.</summary>
    public static (RecruitmentRequest Request, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text,
        RosterVocabulary vocabulary, IReadOnlySet<string>? missions)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var request = new RecruitmentRequest { Title = Value(Title), ExpertProfile = Value(Profile) };
        if (request.Title.Length == 0) problems[Title] = Strings.Get("RequestDraft_Required");
        else if (request.Title.Length > 200) problems[Title] = Strings.Format("RequestDraft_TooLong", 200, request.Title.Length);
        if (request.ExpertProfile.Length > 2000) problems[Profile] = Strings.Format("RequestDraft_TooLong", 2000, request.ExpertProfile.Length);

        var mission = Value(Mission).ToLowerInvariant();
        if (mission.Length == 0) problems[Mission] = Strings.Get("RequestDraft_MissionRequired");
        else if (missions is not null && !missions.Contains(mission)) problems[Mission] = Strings.Format("RequestDraft_UnknownMission", mission.ToUpperInvariant());
        request.Mission = $"missions/{mission}";

        var category = FieldText.Choice(Value(Category), CategoryNames, required: true);
        if (category.Ok) request.Category = (PersonnelCategory)(category.Value + 1);
        else problems[Category] = category.Problem!;
        var count = FieldText.Number(Value(Count), 1, 500, required: true);
        if (count.Ok) request.OfficerCount = count.Value!.Value;
        else problems[Count] = count.Problem!;

        var deployment = OfficerText.Date(Value(Deployment), required: true);
        if (!deployment.Ok) problems[Deployment] = deployment.Problem!;
        request.DeploymentDate = OfficerText.ToProto(deployment.Value);
        var deadline = FieldText.Instant(Value(Deadline), required: true);
        if (!deadline.Ok) problems[Deadline] = deadline.Problem!;
        else if (deployment.Value is { } day && DateOnly.FromDateTime(deadline.Value!.Value) > day) problems[Deadline] = Strings.Get("RequestDraft_DeadlineAfterDeployment");
        request.Deadline = FieldText.ToProto(deadline.Value);

        var languages = OfficerText.LanguageRequirements(Value(Languages), vocabulary.LanguageCodes);
        if (languages.Ok) request.Languages.AddRange(languages.Value);
        else problems[Languages] = languages.Problem!;
        var skills = OfficerText.SkillRequirements(Value(Skills), vocabulary.SkillCodes);
        if (skills.Ok) request.Skills.AddRange(skills.Value);
        else problems[Skills] = skills.Problem!;
        var years = FieldText.Number(Value(ServiceYears), 0, 40, required: false);
        if (!years.Ok) problems[ServiceYears] = years.Problem!;
        else if (years.Value is { } y) request.MinServiceYears = y;
        request.AmsRequired = YesNo(Ams);
        request.DrivingRequired = YesNo(Driving);
        request.MedicalRequired = YesNo(Medical);

        var women = Value(Women).TrimEnd('%').Trim();
        if (women.Length > 0)
        {
            if (!TryPercent(women, out var percent) || percent is < 0 or > 100)
                problems[Women] = Strings.Get("RequestDraft_WomenShare");
            else request.TargetWomenShare = percent / 100;
        }
        var stream = FieldText.Choice(Value(Stream), StreamNames, required: false);
        if (!stream.Ok) problems[Stream] = stream.Problem!;
        else if (stream.Value >= 0) request.Stream = (SkillStream)(stream.Value + 1);
        return (request, problems);

        bool YesNo(string key)
        {
            var parsed = FieldText.YesNo(Value(key));
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }
    }

    /// <summary>"30", "12.5", or "12,5" as French writes it.</summary>
    private static bool TryPercent(string text, out double percent) =>
        double.TryParse(text, NumberStyles.Float, UiLanguage.Formatting, out percent)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out percent);
}
