using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// Officers between protobuf and the domain. Reading validates every field it takes, so a request with
/// several bad fields is answered with all of them at once.
/// </summary>
public sealed class OfficerMapping(IReferenceData reference, ICourseRepository courses, TimeProvider clock)
{
    /// <summary>The writable top-level fields, as update_mask paths.</summary>
    public static readonly IReadOnlyList<string> WritableFields =
    [
        "given_name", "family_name", "gender", "birth_date", "rank", "service_start_date", "retirement_date",
        "national_police_id", "languages", "skills", "certifications", "vetting", "availability",
    ];

    public static Proto.Officer ToProto(Officer officer) => new()
    {
        Name = officer.Name,
        GivenName = officer.GivenName,
        FamilyName = officer.FamilyName,
        Gender = (Proto.Gender)officer.Gender,
        BirthDate = officer.BirthDate.ToProto(),
        Rank = officer.Rank,
        ServiceStartDate = officer.ServiceStartDate.ToProto(),
        RetirementDate = officer.RetirementDate.ToProto(),
        NationalPoliceId = officer.NationalPoliceId,
        Languages = { officer.Languages.Select(l => new Proto.LanguageProficiency
        {
            LanguageCode = l.LanguageCode,
            Reading = (Proto.CefrLevel)l.Reading,
            Listening = (Proto.CefrLevel)l.Listening,
            Writing = (Proto.CefrLevel)l.Writing,
            Speaking = (Proto.CefrLevel)l.Speaking,
        }) },
        Skills = { officer.Skills.Select(s => new Proto.SkillProficiency { SkillCode = s.SkillCode, Level = (Proto.SkillLevel)s.Level }) },
        Certifications = new Proto.Certifications
        {
            AmsPass = officer.Certifications.AmsPass is { } ams
                ? new Proto.AmsPass { PassDate = ams.PassDate.ToProto(), LanguageCode = ams.LanguageCode ?? "" }
                : null,
            DrivingLicence = officer.Certifications.DrivingLicenceIssueDate is { } issued
                ? new Proto.DrivingLicence { IssueDate = issued.ToProto() }
                : null,
            Firearms = officer.Certifications.FirearmsQualificationDate is { } qualified
                ? new Proto.FirearmsQualification { QualificationDate = qualified.ToProto() }
                : null,
            CompletedCourses = { officer.Certifications.CompletedCourses.Select(c => new Proto.CompletedCourse
            {
                Course = ResourceNames.Course(c.CourseId),
                CompletionDate = c.CompletionDate.ToProto(),
                ExpiryDate = c.ExpiryDate.ToProto(),
            }) },
        },
        Vetting = new Proto.Vetting
        {
            HumanRightsScreening = ToProto(officer.Vetting.HumanRightsScreening),
            SelfAttestation = ToProto(officer.Vetting.SelfAttestation),
            MisconductCheck = ToProto(officer.Vetting.MisconductCheck),
            MedicalClearance = ToProto(officer.Vetting.MedicalClearance),
        },
        Availability = (Proto.Availability)officer.Availability,
        Anonymized = officer.Anonymized,
        CreateTime = officer.CreateTime.ToProto(),
        UpdateTime = officer.UpdateTime.ToProto(),
        Etag = Etag.Of(officer.Revision),
    };

    /// <summary>
    /// Reads the named <paramref name="fields"/> of <paramref name="proto"/> into a new officer, validating each;
    /// field paths in violations start with <paramref name="prefix"/>. Cross-field rules (dates in order) are
    /// checked when both fields are read.
    /// </summary>
    public Officer FromProto(Validator v, string prefix, Proto.Officer proto, IReadOnlyCollection<string> fields)
    {
        var today = Dates.Today(clock);
        var officer = new Officer();
        string F(string name) => $"{prefix}.{name}";
        bool Has(string name) => fields.Contains(name);

        if (Has("given_name")) officer.GivenName = v.Required(F("given_name"), proto.GivenName, 100);
        if (Has("family_name")) officer.FamilyName = v.Required(F("family_name"), proto.FamilyName, 100);
        if (Has("gender")) officer.Gender = (Gender)v.Enum(F("gender"), proto.Gender, required: true);
        if (Has("rank")) officer.Rank = v.Optional(F("rank"), proto.Rank, 100);
        if (Has("national_police_id")) officer.NationalPoliceId = v.Required(F("national_police_id"), proto.NationalPoliceId, 40);
        if (Has("availability")) officer.Availability = (Availability)v.Enum(F("availability"), proto.Availability, required: true);

        if (Has("birth_date") && v.Date(F("birth_date"), proto.BirthDate, required: true) is { } born)
        {
            officer.BirthDate = born;
            if (Dates.FullYearsBetween(born, today) is < 16 or > 100)
                v.Add(F("birth_date"), "must make the officer between 16 and 100 years old today.");
        }
        if (Has("service_start_date") && v.Date(F("service_start_date"), proto.ServiceStartDate, required: true) is { } started)
        {
            officer.ServiceStartDate = started;
            if (started > today) v.Add(F("service_start_date"), "must not be in the future.");
            else if (Has("birth_date") && officer.BirthDate != default && started < officer.BirthDate.AddYears(16))
                v.Add(F("service_start_date"), "must be at least 16 years after the birth date.");
        }
        if (Has("retirement_date") && v.Date(F("retirement_date"), proto.RetirementDate, required: false) is { } retired)
        {
            officer.RetirementDate = retired;
            if (retired > today) v.Add(F("retirement_date"), "must not be in the future.");
            else if (Has("service_start_date") && officer.ServiceStartDate != default && retired < officer.ServiceStartDate)
                v.Add(F("retirement_date"), "must not be before the service start date.");
        }
        if (Has("languages")) officer.Languages = Languages(v, F("languages"), proto.Languages);
        if (Has("skills")) officer.Skills = Skills(v, F("skills"), proto.Skills);
        if (Has("certifications")) officer.Certifications = Certifications(v, F("certifications"), proto.Certifications, today);
        if (Has("vetting")) officer.Vetting = Vetting(v, F("vetting"), proto.Vetting, today);
        return officer;
    }

    /// <summary>Copies the named fields from <paramref name="source"/> onto <paramref name="target"/>.</summary>
    public static void Apply(Officer source, Officer target, IReadOnlyCollection<string> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case "given_name": target.GivenName = source.GivenName; break;
                case "family_name": target.FamilyName = source.FamilyName; break;
                case "gender": target.Gender = source.Gender; break;
                case "birth_date": target.BirthDate = source.BirthDate; break;
                case "rank": target.Rank = source.Rank; break;
                case "service_start_date": target.ServiceStartDate = source.ServiceStartDate; break;
                case "retirement_date": target.RetirementDate = source.RetirementDate; break;
                case "national_police_id": target.NationalPoliceId = source.NationalPoliceId; break;
                case "languages": target.Languages = source.Languages; break;
                case "skills": target.Skills = source.Skills; break;
                case "certifications": target.Certifications = source.Certifications; break;
                case "vetting": target.Vetting = source.Vetting; break;
                case "availability": target.Availability = source.Availability; break;
            }
        }
    }

    private List<LanguageProficiency> Languages(Validator v, string field, IList<Proto.LanguageProficiency> languages)
    {
        v.MaxCount(field, languages, 20);
        var result = new List<LanguageProficiency>();
        for (var i = 0; i < languages.Count; i++)
        {
            var l = languages[i];
            var at = $"{field}[{i}]";
            var code = v.LanguageCode($"{at}.language_code", l.LanguageCode, reference);
            var levels = new[]
            {
                (CefrLevel)v.Enum($"{at}.reading", l.Reading, required: false),
                (CefrLevel)v.Enum($"{at}.listening", l.Listening, required: false),
                (CefrLevel)v.Enum($"{at}.writing", l.Writing, required: false),
                (CefrLevel)v.Enum($"{at}.speaking", l.Speaking, required: false),
            };
            if (levels.All(level => level == CefrLevel.Unspecified))
                v.Add(at, "give a CEFR level for at least one of reading, listening, writing and speaking.");
            if (code is null) continue;
            if (result.Any(x => x.LanguageCode == code)) v.Add($"{at}.language_code", $"{code} is listed twice.");
            result.Add(new LanguageProficiency
            {
                LanguageCode = code, Reading = levels[0], Listening = levels[1], Writing = levels[2], Speaking = levels[3],
            });
        }
        return result;
    }

    private List<SkillProficiency> Skills(Validator v, string field, IList<Proto.SkillProficiency> skills)
    {
        v.MaxCount(field, skills, 50);
        var result = new List<SkillProficiency>();
        for (var i = 0; i < skills.Count; i++)
        {
            var at = $"{field}[{i}]";
            var code = v.SkillCode($"{at}.skill_code", skills[i].SkillCode, reference);
            var level = (SkillLevel)v.Enum($"{at}.level", skills[i].Level, required: true);
            if (code is null) continue;
            if (result.Any(x => x.SkillCode == code)) v.Add($"{at}.skill_code", $"{code} is listed twice.");
            result.Add(new SkillProficiency { SkillCode = code, Level = level });
        }
        return result;
    }

    private Certifications Certifications(Validator v, string field, Proto.Certifications? proto, DateOnly today)
    {
        var result = new Certifications();
        if (proto is null) return result;
        if (proto.AmsPass is { } ams && Past(v, $"{field}.ams_pass.pass_date", ams.PassDate, today) is { } passed)
        {
            result.AmsPass = new AmsPass
            {
                PassDate = passed,
                LanguageCode = string.IsNullOrEmpty(ams.LanguageCode) ? null : v.LanguageCode($"{field}.ams_pass.language_code", ams.LanguageCode, reference),
            };
        }
        if (proto.DrivingLicence is { } licence)
            result.DrivingLicenceIssueDate = Past(v, $"{field}.driving_licence.issue_date", licence.IssueDate, today);
        if (proto.Firearms is { } firearms)
            result.FirearmsQualificationDate = Past(v, $"{field}.firearms.qualification_date", firearms.QualificationDate, today);

        v.MaxCount($"{field}.completed_courses", proto.CompletedCourses, 100);
        for (var i = 0; i < proto.CompletedCourses.Count; i++)
        {
            var c = proto.CompletedCourses[i];
            var at = $"{field}.completed_courses[{i}]";
            var courseId = Names.Course(v, $"{at}.course", c.Course);
            if (courseId is not null && courses.Find(courseId) is null)
                v.Add($"{at}.course", $"{c.Course} is not in the catalogue.");
            var completed = Past(v, $"{at}.completion_date", c.CompletionDate, today);
            var expires = v.Date($"{at}.expiry_date", c.ExpiryDate, required: false);
            if (completed is not null && expires is not null && expires < completed)
                v.Add($"{at}.expiry_date", "must not be before the completion date.");
            if (courseId is not null && completed is { } done)
                result.CompletedCourses.Add(new CompletedCourse { CourseId = courseId, CompletionDate = done, ExpiryDate = expires });
        }
        return result;
    }

    private static Vetting Vetting(Validator v, string field, Proto.Vetting? proto, DateOnly today) => proto is null
        ? new Vetting()
        : new Vetting
        {
            HumanRightsScreening = Item(v, $"{field}.human_rights_screening", proto.HumanRightsScreening, today),
            SelfAttestation = Item(v, $"{field}.self_attestation", proto.SelfAttestation, today),
            MisconductCheck = Item(v, $"{field}.misconduct_check", proto.MisconductCheck, today),
            MedicalClearance = Item(v, $"{field}.medical_clearance", proto.MedicalClearance, today),
        };

    private static VettingItem Item(Validator v, string field, Proto.VettingItem? proto, DateOnly today)
    {
        if (proto is null) return new VettingItem();
        var status = (VettingStatus)v.Enum($"{field}.status", proto.Status, required: false);
        var date = v.Date($"{field}.date", proto.Date, required: false);
        if (date > today) v.Add($"{field}.date", "must not be in the future.");
        if (status is VettingStatus.Cleared or VettingStatus.Flagged && date is null)
            v.Add($"{field}.date", "is required once a status is recorded.");
        return new VettingItem { Status = status, Date = date };
    }

    private static DateOnly? Past(Validator v, string field, Google.Type.Date? date, DateOnly today)
    {
        var day = v.Date(field, date, required: true);
        if (day > today) v.Add(field, "must not be in the future.");
        return day;
    }

    private static Proto.VettingItem ToProto(VettingItem item) => new()
    {
        Status = (Proto.VettingStatus)item.Status,
        Date = item.Date.ToProto(),
    };
}
