using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>One field of the officer form: its key (the proto field path), caption and what to type.</summary>
public sealed record OfficerField(string Key, string Caption, string Hint)
{
    /// <summary>The update-mask path this field changes ("vetting" for each vetting item).</summary>
    public string MaskPath => Key.Split('.')[0];
}

/// <summary>
/// The officer form's values as typed, checked the way the service checks them so problems show while
/// typing, not after a round trip. The limits below repeat the service's own input validation
/// (OfficerMapping); eligibility policy (ages for deployment, years of service) is not checked here.
/// </summary>
public sealed class OfficerDraft
{
    private const int MaxNameLength = 100, MaxRankLength = 100, MaxPoliceIdLength = 40;
    private const int MinAgeOnRoster = 16, MaxAgeOnRoster = 100;
    private const int MinAgeAtServiceStart = 16;

    public const string GivenName = "given_name", FamilyName = "family_name", Gender = "gender", BirthDate = "birth_date",
        Rank = "rank", ServiceStart = "service_start_date", Retirement = "retirement_date", PoliceId = "national_police_id",
        Availability = "availability", Languages = "languages", Skills = "skills",
        HumanRights = "vetting.human_rights_screening", SelfAttestation = "vetting.self_attestation",
        Misconduct = "vetting.misconduct_check", Medical = "vetting.medical_clearance",
        Ams = "certifications.ams_pass", Driving = "certifications.driving_licence", Firearms = "certifications.firearms",
        Courses = "certifications.completed_courses";

    /// <summary>The form's fields in order, captions and hints in the client's language.</summary>
    public static IReadOnlyList<OfficerField> Fields =>
    [
        new(GivenName, Strings.Get("Officer_GivenName"), Strings.Get("Officer_NameHelp")),
        new(FamilyName, Strings.Get("Officer_FamilyName"), Strings.Get("Officer_NameHelp")),
        new(Gender, Strings.Get("Officer_Gender"), Strings.Get("Officer_GenderChoice")),
        new(BirthDate, Strings.Get("Officer_Born"), OfficerText.DateHint),
        new(Rank, Strings.Get("Officer_Rank"), Strings.Get("Officer_RankHelp")),
        new(ServiceStart, Strings.Get("Officer_ServiceStart"), Strings.Get("Officer_ServiceStartHelp")),
        new(Retirement, Strings.Get("Officer_Retirement"), Strings.Get("Officer_RetirementHelp")),
        new(PoliceId, Strings.Get("Officer_PoliceId"), Strings.Get("Officer_PoliceIdHelp")),
        new(Availability, Strings.Get("Officer_Availability"), Strings.Get("Officer_AvailabilityHelp")),
        new(Languages, Strings.Get("Officer_Languages"), OfficerText.LanguagesHint),
        new(Skills, Strings.Get("Officer_Skills"), OfficerText.SkillsHint),
        new(Ams, Strings.Get("Officer_Ams"), OfficerText.AmsHint),
        new(Driving, Strings.Get("Officer_Driving"), Strings.Get("Officer_DrivingHelp")),
        new(Firearms, Strings.Get("Officer_Firearms"), Strings.Get("Officer_FirearmsHelp")),
        new(Courses, Strings.Get("Officer_Courses"), OfficerText.CoursesHint),
        new(HumanRights, Strings.Get("Officer_HumanRights"), Strings.Get("Officer_HumanRightsHelp")),
        new(SelfAttestation, Strings.Get("Officer_SelfAttestation"), Strings.Get("Officer_SelfAttestationHelp")),
        new(Misconduct, Strings.Get("Officer_Misconduct"), Strings.Get("Officer_MisconductHelp")),
        new(Medical, Strings.Get("Officer_Medical"), OfficerText.VettingHint),
    ];

    /// <summary>What a changed update-mask path is called in the message after a save ("service start date", "vetting").</summary>
    public static string PartName(string maskPath) => maskPath switch
    {
        GivenName => Strings.Get("Officer_PartGivenName"),
        FamilyName => Strings.Get("Officer_PartFamilyName"),
        Gender => Strings.Get("Officer_PartGender"),
        BirthDate => Strings.Get("Officer_PartBirthDate"),
        Rank => Strings.Get("Officer_PartRank"),
        ServiceStart => Strings.Get("Officer_PartServiceStart"),
        Retirement => Strings.Get("Officer_PartRetirement"),
        PoliceId => Strings.Get("Officer_PartPoliceId"),
        Availability => Strings.Get("Officer_PartAvailability"),
        Languages => Strings.Get("Officer_PartLanguages"),
        Skills => Strings.Get("Officer_PartSkills"),
        "certifications" => Strings.Get("Officer_PartCertifications"),
        "vetting" => Strings.Get("Officer_PartVetting"),
        _ => maskPath.Replace('_', ' '),
    };

    private readonly Dictionary<string, string> _text;

    private OfficerDraft(Dictionary<string, string> text) => _text = text;

    public string this[string key]
    {
        get => _text.GetValueOrDefault(key, "");
        set => _text[key] = value;
    }

    /// <summary>An empty form for a new officer: available unless told otherwise.</summary>
    public static OfficerDraft New() => new(Fields.ToDictionary(f => f.Key, f => f.Key == Availability ? OfficerText.Availability(Unpol.Training.V1.Availability.Available) : ""));

    public static OfficerDraft From(Officer officer) => new(new Dictionary<string, string>
    {
        [GivenName] = officer.GivenName,
        [FamilyName] = officer.FamilyName,
        [Gender] = OfficerText.Gender(officer.Gender),
        [BirthDate] = Format.IsoDate(officer.BirthDate),
        [Rank] = officer.Rank,
        [ServiceStart] = Format.IsoDate(officer.ServiceStartDate),
        [Retirement] = Format.IsoDate(officer.RetirementDate),
        [PoliceId] = officer.NationalPoliceId,
        [Availability] = OfficerText.Availability(officer.Availability),
        [Languages] = OfficerText.Languages(officer.Languages),
        [Skills] = OfficerText.Skills(officer.Skills),
        [Ams] = OfficerText.AmsPass(officer.Certifications?.AmsPass),
        [Driving] = Format.IsoDate(officer.Certifications?.DrivingLicence?.IssueDate),
        [Firearms] = Format.IsoDate(officer.Certifications?.Firearms?.QualificationDate),
        [Courses] = OfficerText.CompletedCourses(officer.Certifications?.CompletedCourses ?? []),
        [HumanRights] = OfficerText.Vetting(officer.Vetting?.HumanRightsScreening),
        [SelfAttestation] = OfficerText.Vetting(officer.Vetting?.SelfAttestation),
        [Misconduct] = OfficerText.Vetting(officer.Vetting?.MisconductCheck),
        [Medical] = OfficerText.Vetting(officer.Vetting?.MedicalClearance),
    });

    public OfficerDraft Copy() => new(new Dictionary<string, string>(_text));

    /// <summary>The officer form's text, field by field.</summary>
    public static OfficerDraft Of(IReadOnlyDictionary<string, string> text) => new(new Dictionary<string, string>(text));

    /// <summary>The update-mask paths of the fields whose text differs from <paramref name="initial"/>, in form order.</summary>
    public IReadOnlyList<string> ChangedPaths(OfficerDraft initial) => Fields
        .Where(f => this[f.Key].Trim() != initial[f.Key].Trim())
        .Select(f => f.MaskPath)
        .Distinct()
        .ToList();

    public bool DiffersFrom(OfficerDraft initial) => ChangedPaths(initial).Count > 0;

    /// <summary>Reads every field; the officer is complete only when <see cref="Checked.Problems"/> is empty.</summary>
    public Checked Check(DateOnly today, RosterVocabulary vocabulary)
    {
        var problems = new Dictionary<string, string>();
        var officer = new Officer
        {
            GivenName = Text(GivenName, MaxNameLength, required: true),
            FamilyName = Text(FamilyName, MaxNameLength, required: true),
            Rank = Text(Rank, MaxRankLength, required: false),
            NationalPoliceId = Text(PoliceId, MaxPoliceIdLength, required: true),
        };

        var gender = OfficerText.Gender(this[Gender]);
        if (!gender.Ok) problems[Gender] = gender.Problem!;
        else if (gender.Value == Unpol.Training.V1.Gender.Unspecified) problems[Gender] = Strings.Format("Officer_Required", Strings.Get("Officer_GenderChoice"));
        officer.Gender = gender.Value;

        var availability = OfficerText.Availability(this[Availability]);
        if (!availability.Ok) problems[Availability] = availability.Problem!;
        else if (availability.Value == Unpol.Training.V1.Availability.Unspecified) problems[Availability] = Strings.Get("Officer_AvailabilityChoice");
        officer.Availability = availability.Value;

        var born = Day(BirthDate, required: true);
        if (born is { } b && OfficerText.FullYears(b, today) is var age and (< MinAgeOnRoster or > MaxAgeOnRoster))
            problems[BirthDate] = age < 0
                ? Strings.Get("Officer_NotInFuture")
                : Strings.Format("Officer_AgeRange", age, MinAgeOnRoster, MaxAgeOnRoster);
        officer.BirthDate = OfficerText.ToProto(born);

        var started = Day(ServiceStart, required: true);
        if (started is { } s)
        {
            if (s > today) problems[ServiceStart] = Strings.Get("Officer_NotInFuture");
            else if (born is { } bd && s < bd.AddYears(MinAgeAtServiceStart)) problems[ServiceStart] = Strings.Format("Officer_ServiceAfterBirth", MinAgeAtServiceStart);
        }
        officer.ServiceStartDate = OfficerText.ToProto(started);

        var retired = Day(Retirement, required: false);
        if (retired is { } r)
        {
            if (r > today) problems[Retirement] = Strings.Get("Officer_NotInFuture");
            else if (started is { } st && r < st) problems[Retirement] = Strings.Get("Officer_RetiredBeforeStart");
        }
        officer.RetirementDate = OfficerText.ToProto(retired);

        var languages = OfficerText.Languages(this[Languages], vocabulary.LanguageCodes);
        if (languages.Ok) officer.Languages.AddRange(languages.Value);
        else problems[Languages] = languages.Problem!;

        var skills = OfficerText.Skills(this[Skills], vocabulary.SkillCodes);
        if (skills.Ok) officer.Skills.AddRange(skills.Value);
        else problems[Skills] = skills.Problem!;

        officer.Certifications = Certifications();
        officer.Vetting = new Vetting
        {
            HumanRightsScreening = Vetting(HumanRights),
            SelfAttestation = Vetting(SelfAttestation),
            MisconductCheck = Vetting(Misconduct),
            MedicalClearance = Vetting(Medical),
        };
        return new Checked(officer, problems);

        string Text(string key, int max, bool required)
        {
            var value = this[key].Trim();
            if (required && value.Length == 0) problems[key] = Strings.Get("Officer_RequiredField");
            else if (value.Length > max) problems[key] = Strings.Format("Officer_TooLong", max, value.Length);
            return value;
        }

        DateOnly? Day(string key, bool required)
        {
            var parsed = OfficerText.Date(this[key], required);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }

        Certifications Certifications()
        {
            var certifications = new Certifications();
            var ams = OfficerText.AmsPass(this[Ams], today, vocabulary.LanguageCodes);
            if (ams.Ok) certifications.AmsPass = ams.Value;
            else problems[Ams] = ams.Problem!;
            if (Past(Driving) is { } licence) certifications.DrivingLicence = new DrivingLicence { IssueDate = OfficerText.ToProto(licence) };
            if (Past(Firearms) is { } qualified) certifications.Firearms = new FirearmsQualification { QualificationDate = OfficerText.ToProto(qualified) };
            var courses = OfficerText.CompletedCourses(this[Courses], today, vocabulary.CourseIds);
            if (courses.Ok) certifications.CompletedCourses.AddRange(courses.Value);
            else problems[Courses] = courses.Problem!;
            return certifications;
        }

        DateOnly? Past(string key)
        {
            var parsed = OfficerText.PastDate(this[key], today);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }

        VettingItem? Vetting(string key)
        {
            var parsed = OfficerText.Vetting(this[key], today);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }
    }

    /// <summary>The officer read from the form and the problem of each field that could not be read.</summary>
    public sealed record Checked(Officer Officer, IReadOnlyDictionary<string, string> Problems)
    {
        public bool Valid => Problems.Count == 0;
    }

    /// <summary>
    /// The form field a service field violation belongs to: "officer.languages[1].language_code" belongs to
    /// Languages, "officer.vetting.medical_clearance.date" to Medical. Null when the form has no such field.
    /// </summary>
    public static string? FieldOf(string violationPath)
    {
        var path = violationPath.StartsWith("officer.", StringComparison.Ordinal) ? violationPath["officer.".Length..] : violationPath;
        return Fields
            .Where(f => path == f.Key || path.StartsWith(f.Key + ".", StringComparison.Ordinal) || path.StartsWith(f.Key + "[", StringComparison.Ordinal))
            .Select(f => f.Key)
            .MaxBy(k => k.Length);
    }
}
