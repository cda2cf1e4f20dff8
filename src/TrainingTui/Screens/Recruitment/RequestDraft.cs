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

    public static readonly IReadOnlyList<string> CategoryNames = ["ipo", "fpu", "spt", "post"];
    public static readonly IReadOnlyList<string> StreamNames = ["command", "operations", "administration", "capacity-building"];

    public static IReadOnlyList<FormField> Fields { get; } =
    [
        new(Title, "Title", "e.g. Forensic investigators, francophone (up to 200 characters)"),
        new(Mission, "Mission", "the mission's acronym, e.g. MINUSCA"),
        new(Category, "Category", string.Join(", ", CategoryNames)),
        new(Count, "Officers", "how many are sought, 1–500"),
        new(Deployment, "Deploys on", OfficerText.DateHint + ": age and AMS validity are judged on it"),
        new(Deadline, "Deadline", FieldText.InstantHint + ", on or before deployment"),
        new(Languages, "Languages", "fr B2, en (a minimum in all four skills)"),
        new(Skills, "Skills", "forensics advanced, gender"),
        new(ServiceYears, "Service yrs", "minimum years of service; empty: the policy's default"),
        new(Ams, "AMS needed", "yes: an AMS pass valid on the deployment day"),
        new(Driving, "Driving", "yes: a driving licence held long enough"),
        new(Medical, "Medical", "yes: medical clearance on file at submission (always at clearance)"),
        new(Women, "Women sought", "the share of women sought among those deployed, e.g. 30%"),
        new(Stream, "Stream", string.Join(", ", StreamNames) + "; empty: none"),
        new(Profile, "Profile", "the expert profile sought (up to 2000 characters)"),
    ];

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
        [Women] = request is null || request.TargetWomenShare == 0 ? "" : Format.Percent(request.TargetWomenShare).Replace(" ", "", StringComparison.Ordinal),
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
        if (request.Title.Length == 0) problems[Title] = "required";
        else if (request.Title.Length > 200) problems[Title] = $"at most 200 characters ({request.Title.Length})";
        if (request.ExpertProfile.Length > 2000) problems[Profile] = $"at most 2000 characters ({request.ExpertProfile.Length})";

        var mission = Value(Mission).ToLowerInvariant();
        if (mission.Length == 0) problems[Mission] = "required, e.g. MINUSCA";
        else if (missions is not null && !missions.Contains(mission)) problems[Mission] = $"“{mission.ToUpperInvariant()}” is not a known mission";
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
        else if (deployment.Value is { } day && DateOnly.FromDateTime(deadline.Value!.Value) > day) problems[Deadline] = "must fall on or before the deployment day";
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
            if (!double.TryParse(women, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 100)
                problems[Women] = "a share from 0% to 100%";
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
}
