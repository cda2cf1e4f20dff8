using Google.Protobuf.WellKnownTypes;
using Unpol.Training.V1;

namespace Training.Service.Tests.Support;

/// <summary>Valid requests to start from; tests change the one thing they are about.</summary>
public static class Samples
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A 40-year-old Senegalese inspector with 15 years of service, French C1 and English B2, fully vetted.</summary>
    public static Officer Officer(string familyName = "Diop", string givenName = "Awa", Gender gender = Gender.Female,
        string? policeId = null) => new()
    {
        GivenName = givenName,
        FamilyName = familyName,
        Gender = gender,
        BirthDate = Date(1986, 5, 14),
        Rank = "Inspecteur de police",
        ServiceStartDate = Date(2011, 9, 1),
        NationalPoliceId = policeId ?? $"SN-{Guid.NewGuid():N}"[..14],
        Languages =
        {
            new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.C1, Listening = CefrLevel.C1, Writing = CefrLevel.C1, Speaking = CefrLevel.C1 },
            new LanguageProficiency { LanguageCode = "en", Reading = CefrLevel.B2, Listening = CefrLevel.B2, Writing = CefrLevel.B1, Speaking = CefrLevel.B2 },
        },
        Skills = { new SkillProficiency { SkillCode = "forensics", Level = SkillLevel.Advanced } },
        Certifications = new Certifications
        {
            AmsPass = new AmsPass { PassDate = Date(2026, 3, 2), LanguageCode = "fr" },
            DrivingLicence = new DrivingLicence { IssueDate = Date(2008, 6, 1) },
        },
        Vetting = new Vetting
        {
            HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = Date(2026, 1, 10) },
            SelfAttestation = new VettingItem { Status = VettingStatus.Cleared, Date = Date(2026, 1, 10) },
            MisconductCheck = new VettingItem { Status = VettingStatus.Cleared, Date = Date(2026, 1, 10) },
            MedicalClearance = new VettingItem { Status = VettingStatus.Cleared, Date = Date(2026, 1, 10) },
        },
        Availability = Availability.Available,
    };

    public static Course Course(string code = "UNPOL-STM", string title = "UNPOL Specialized Training Materials") => new()
    {
        Code = code,
        Title = title,
        Description = "Specialized training for individual police officers.",
        Category = CourseCategory.Stm,
        LanguageCode = "en",
        CertificateValidityMonths = 48,
        Requirements = new CourseRequirements(),
    };

    /// <summary>A session from 2027-03-01 to 2027-03-12 with <paramref name="seats"/> seats; nominations open until 2027-02-15.</summary>
    public static Session Session(int seats = 20, int startMonth = 3) => new()
    {
        Venue = "Entebbe, Regional Service Centre",
        StartDate = Date(2027, startMonth, 1),
        EndDate = Date(2027, startMonth, 12),
        Seats = seats,
        NominationOpenTime = Timestamp.FromDateTime(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        NominationCloseTime = Timestamp.FromDateTime(new DateTime(2027, startMonth - 1, 15, 0, 0, 0, DateTimeKind.Utc)),
    };
}
