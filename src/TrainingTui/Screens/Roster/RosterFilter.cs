using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// What the roster asks the service for: one Member State's officers, optionally narrowed by skills, languages
/// at a minimum level, gender and availability. These criteria run on the service (SearchOfficers); the '/'
/// filter then narrows the rows already on screen.
/// </summary>
public sealed record RosterFilter(
    string RegionCode,
    IReadOnlyList<SkillRequirement> Skills,
    IReadOnlyList<LanguageRequirement> Languages,
    Gender Gender,
    Availability Availability)
{
    public static RosterFilter For(string regionCode) => new(regionCode, [], [], Gender.Unspecified, Availability.Unspecified);

    public bool Narrowed => Skills.Count > 0 || Languages.Count > 0 || Gender != Gender.Unspecified || Availability != Availability.Unspecified;

    public RosterFilter Cleared() => For(RegionCode);

    /// <summary>Any gender → women → men → any.</summary>
    public RosterFilter NextGender() => this with
    {
        Gender = Gender switch { Gender.Unspecified => Gender.Female, Gender.Female => Gender.Male, _ => Gender.Unspecified },
    };

    /// <summary>Any → available → deployed → unavailable → any.</summary>
    public RosterFilter NextAvailability() => this with
    {
        Availability = Availability == Availability.Unavailable ? Availability.Unspecified : Availability + 1,
    };

    public SearchOfficersRequest Request(int pageSize, string pageToken) =>
        Narrow(new SearchOfficersRequest { RegionCodes = { RegionCode }, PageSize = pageSize, PageToken = pageToken });

    /// <summary>Adds the criteria, not the Member State, to <paramref name="request"/>: the nominate screen searches the caller's own States.</summary>
    public SearchOfficersRequest Narrow(SearchOfficersRequest request)
    {
        request.Skills.AddRange(Skills.Select(s => s.Clone()));
        request.Languages.AddRange(Languages.Select(l => l.Clone()));
        request.Gender = Gender;
        request.Availability = Availability;
        return request;
    }

    /// <summary>"forensics ≥ advanced · fr ≥ B2 · women · available", or "" when not narrowed.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.AddRange(Skills.Select(s => s.MinimumLevel == SkillLevel.Unspecified
            ? s.SkillCode
            : $"{s.SkillCode} ≥ {OfficerText.SkillLevel(s.MinimumLevel)}"));
        parts.AddRange(Languages.Select(l => $"{l.LanguageCode} ≥ {OfficerText.Cefr(l.MinimumLevel)}"));
        if (Gender != Gender.Unspecified) parts.Add(Gender == Gender.Female ? Strings.Get("Roster_OnlyWomen") : Strings.Get("Roster_OnlyMen"));
        if (Availability != Availability.Unspecified) parts.Add(OfficerText.Availability(Availability));
        return string.Join(" · ", parts);
    }

    public static string Count(int n) => n.ToString("N0", UiLanguage.Formatting);
}
