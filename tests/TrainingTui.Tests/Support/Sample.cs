using Google.Protobuf.WellKnownTypes;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Support;

/// <summary>Catalogue, roster and nominations to fill a fake client with.</summary>
public static class Sample
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Course Course(string id, string code, string title) => new()
    {
        Name = $"courses/{id}", Code = code, Title = title, Category = CourseCategory.Stm, LanguageCode = "en",
        Requirements = new CourseRequirements { Languages = { new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B2 } } },
    };

    public static Session Session(string courseId, string id, int month, int seats = 20, string venue = "Entebbe RSC", string language = "en") => new()
    {
        Name = $"courses/{courseId}/sessions/{id}",
        Venue = venue,
        StartDate = Date(2027, month, 1),
        EndDate = Date(2027, month, 12),
        Seats = seats,
        LanguageCode = language,
        State = Unpol.Training.V1.Session.Types.State.Open,
        NominationOpenTime = Timestamp.FromDateTime(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        NominationCloseTime = Timestamp.FromDateTime(new DateTime(2027, month - 1, 15, 0, 0, 0, DateTimeKind.Utc)),
        Etag = "\"1\"",
    };

    public static Officer Officer(string region, string id, string family, string given, Gender gender = Gender.Female) => new()
    {
        Name = $"memberStates/{region}/officers/{id}",
        FamilyName = family,
        GivenName = given,
        Gender = gender,
        Rank = "Inspector",
        BirthDate = Date(1985, 4, 2),
        ServiceStartDate = Date(2010, 1, 1),
        NationalPoliceId = $"{region}-{id}",
        Availability = Availability.Available,
        Languages = { new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.C1, Listening = CefrLevel.C1, Writing = CefrLevel.B2, Speaking = CefrLevel.C1 } },
        Skills = { new SkillProficiency { SkillCode = "forensics", Level = SkillLevel.Advanced } },
        Etag = "\"1\"",
    };

    public static Nomination Nomination(string region, string id, Officer officer, Session session, Nomination.Types.State state) => new()
    {
        Name = $"memberStates/{region}/nominations/{id}",
        Officer = officer.Name,
        Session = session.Name,
        State = state,
        OfficerDisplayName = $"{officer.FamilyName}, {officer.GivenName}",
        OfficerGender = officer.Gender,
        Etag = "\"1\"",
        UpdateTime = Timestamp.FromDateTime(new DateTime(2027, 1, 15, 10, 0, 0, DateTimeKind.Utc)),
    };

    /// <summary>A fake client with two courses, three sessions, five Senegalese officers and one French.</summary>
    public static FakeTrainingClient Client()
    {
        var client = new FakeTrainingClient();
        var stm = Course("unpol-stm", "UNPOL-STM", "UNPOL Specialized Training Materials");
        var cptm = Course("cptm", "CPTM", "Core Pre-deployment Training Materials");
        client.Courses.AddRange([stm, cptm]);
        client.Sessions.AddRange([
            Session("cptm", "feb-dakar", 2, 30, "Dakar, École nationale de police", "fr"),
            Session("unpol-stm", "mar-entebbe", 3, 24),
            Session("unpol-stm", "apr-brindisi", 4, 16, "Brindisi, UNLB"),
        ]);
        client.Officers.AddRange([
            Officer("SN", "awa", "Diop", "Awa"),
            Officer("SN", "moussa", "Fall", "Moussa", Gender.Male),
            Officer("SN", "fatou", "Ndiaye", "Fatou"),
            Officer("SN", "ibrahima", "Sène", "Ibrahima", Gender.Male),
            Officer("SN", "aminata", "Sow", "Aminata"),
            Officer("FR", "claire", "Martin", "Claire"),
        ]);
        client.Skills.Add(new Skill { Name = "skills/forensics", SkillCode = "forensics", DisplayName = "Forensics", Stream = SkillStream.PoliceOperations, Specialist = true });
        client.Languages.AddRange([
            new Language { Name = "languages/en", LanguageCode = "en", DisplayName = "English", UnOfficial = true },
            new Language { Name = "languages/fr", LanguageCode = "fr", DisplayName = "French", UnOfficial = true },
        ]);
        return client;
    }
}
