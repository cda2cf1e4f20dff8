using Training.Service.Domain.Common;

namespace Training.Service.Domain.Roster;

/// <summary>A candidate police officer on one Member State's roster.</summary>
public sealed class Officer
{
    public Officer()
    {
        Languages = [];
        Skills = [];
        Certifications = new();
        Vetting = new();
    }

    /// <summary>
    /// An officer with these parts, none made only to be replaced: the roster image's reader builds 100,000 at
    /// start-up, from parts most of them share.
    /// </summary>
    public Officer(List<LanguageProficiency> languages, List<SkillProficiency> skills, Certifications certifications, Vetting vetting)
    {
        Languages = languages;
        Skills = skills;
        Certifications = certifications;
        Vetting = vetting;
    }

    /// <summary>Storage key, <c>{region_code}/{officer_id}</c>: officers of one State sort together.</summary>
    public string Key { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Id { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Rank { get; set; } = "";
    public DateOnly ServiceStartDate { get; set; }
    public DateOnly? RetirementDate { get; set; }
    public string NationalPoliceId { get; set; } = "";
    public List<LanguageProficiency> Languages { get; set; }
    public List<SkillProficiency> Skills { get; set; }
    public Certifications Certifications { get; set; }
    public Vetting Vetting { get; set; }
    public Availability Availability { get; set; }
    public bool Anonymized { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public long Revision { get; set; }

    /// <summary>Sort and keyset-paging key: State, then family and given name folded, then id.</summary>
    public string NameKey => OfficerKeys.NameKey(RegionCode, FamilyName, GivenName, Id);

    /// <summary>Every word of both names, folded: what a name prefix search matches.</summary>
    public List<string> NameTokens => NameFolding.Tokens(FamilyName, GivenName);

    /// <summary>National police ID within its State, folded to upper case: unique.</summary>
    public string PoliceIdKey => OfficerKeys.PoliceIdKey(RegionCode, NationalPoliceId);

    public string Name => ResourceNames.Officer(RegionCode, Id);

    public const string AnonymisedName = "(anonymised)";

    public string DisplayName => Anonymized ? AnonymisedName : $"{FamilyName}, {GivenName}";

    // Loops, not LINQ: matching asks these of every officer of a State, and a lambda capturing the code is an allocation.
    public LanguageProficiency? Language(string code)
    {
        foreach (var language in Languages)
            if (string.Equals(language.LanguageCode, code, StringComparison.OrdinalIgnoreCase)) return language;
        return null;
    }

    public SkillProficiency? Skill(string code)
    {
        foreach (var skill in Skills)
            if (string.Equals(skill.SkillCode, code, StringComparison.OrdinalIgnoreCase)) return skill;
        return null;
    }

    /// <summary>Full years of police service on <paramref name="day"/>, up to retirement if retired.</summary>
    public int ServiceYearsOn(DateOnly day)
    {
        var end = RetirementDate is { } retired && retired < day ? retired : day;
        return Dates.FullYearsBetween(ServiceStartDate, end);
    }

    public int AgeOn(DateOnly day) => Dates.FullYearsBetween(BirthDate, day);

    /// <summary>A deep copy: the caller may change it without touching the original (which others may be reading).</summary>
    public Officer Copy() => new()
    {
        Key = Key, RegionCode = RegionCode, Id = Id, GivenName = GivenName, FamilyName = FamilyName, Gender = Gender,
        BirthDate = BirthDate, Rank = Rank, ServiceStartDate = ServiceStartDate, RetirementDate = RetirementDate,
        NationalPoliceId = NationalPoliceId,
        Languages = Languages.Select(l => new LanguageProficiency
        {
            LanguageCode = l.LanguageCode, Reading = l.Reading, Listening = l.Listening, Writing = l.Writing, Speaking = l.Speaking,
        }).ToList(),
        Skills = Skills.Select(s => new SkillProficiency { SkillCode = s.SkillCode, Level = s.Level }).ToList(),
        Certifications = new Certifications
        {
            AmsPass = Certifications.AmsPass is { } ams ? new AmsPass { PassDate = ams.PassDate, LanguageCode = ams.LanguageCode } : null,
            DrivingLicenceIssueDate = Certifications.DrivingLicenceIssueDate,
            FirearmsQualificationDate = Certifications.FirearmsQualificationDate,
            CompletedCourses = Certifications.CompletedCourses.Select(c => new CompletedCourse
            {
                CourseId = c.CourseId, CompletionDate = c.CompletionDate, ExpiryDate = c.ExpiryDate,
            }).ToList(),
        },
        Vetting = new Vetting
        {
            HumanRightsScreening = Vetting.HumanRightsScreening.Copy(),
            SelfAttestation = Vetting.SelfAttestation.Copy(),
            MisconductCheck = Vetting.MisconductCheck.Copy(),
            MedicalClearance = Vetting.MedicalClearance.Copy(),
        },
        Availability = Availability, Anonymized = Anonymized, CreateTime = CreateTime, UpdateTime = UpdateTime, Revision = Revision,
    };

    /// <summary>
    /// Erases personal fields but keeps what figures need (State, gender, skills, languages, nomination
    /// history elsewhere).
    /// </summary>
    public void Anonymize()
    {
        Anonymized = true;
        GivenName = "";
        FamilyName = "";
        NationalPoliceId = $"anonymised-{Id}";
        BirthDate = new DateOnly(BirthDate.Year, 1, 1);
        Rank = "";
        Certifications = new Certifications { CompletedCourses = Certifications.CompletedCourses };
        Vetting = new Vetting();
        Availability = Availability.Unavailable;
    }
}

public static class OfficerKeys
{
    private const char Separator = '\u001f';
    private const string SeparatorText = "\u001f";

    public static string Key(string regionCode, string officerId) => $"{regionCode}/{officerId}";

    public static string NameKey(string regionCode, string familyName, string givenName, string id) =>
        FoldedNameKey(regionCode, NameFolding.Fold(familyName), NameFolding.Fold(givenName), id);

    /// <summary><see cref="NameKey"/> from names already folded (by <see cref="NameFolding.Fold"/>).</summary>
    public static string FoldedNameKey(string regionCode, string foldedFamilyName, string foldedGivenName, string id) =>
        string.Concat([regionCode, SeparatorText, foldedFamilyName, SeparatorText, foldedGivenName, SeparatorText, id]);

    public static string PoliceIdKey(string regionCode, string nationalPoliceId) =>
        $"{regionCode}/{nationalPoliceId.Trim().ToUpperInvariant()}";

    /// <summary>The smallest name key of a State and the first key past it: the State's range.</summary>
    public static (string From, string To) StateRange(string regionCode) =>
        (regionCode + Separator, regionCode + (char)(Separator + 1));
}
