using Google.Protobuf.WellKnownTypes;
using Unpol.Training.V1;

namespace Training.Service.Tests.Support;

/// <summary>Valid catalogue requests to start from, and shortcuts to create them; tests change what they are about.</summary>
public static class CatalogSamples
{
    /// <summary>When every sample session's nominations open: the day the test clock starts on.</summary>
    public static readonly DateTime WindowOpens = new(2027, 1, 11, 0, 0, 0, DateTimeKind.Utc);

    public static Google.Type.Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static DateOnly Day(Google.Type.Date day) => new(day.Year, day.Month, day.Day);

    public static Timestamp Instant(DateTime utc) => Timestamp.FromDateTime(utc);

    public static Course Course(string code = "UNPOL-STM", CourseCategory category = CourseCategory.Stm) => new()
    {
        Code = code,
        Title = "UNPOL Specialized Training Materials",
        Description = "Specialized training for individual police officers.",
        Category = category,
        LanguageCode = "en",
        CertificateValidityMonths = 48,
        Requirements = new CourseRequirements { MinAge = 25, MaxAge = 62 },
    };

    /// <summary>A session of <paramref name="days"/> days from <paramref name="start"/>; nominations close two weeks before.</summary>
    public static Session Session(DateOnly start, int days = 10, int seats = 30) => new()
    {
        Venue = "Entebbe, Regional Service Centre",
        StartDate = Day(start),
        EndDate = Day(start.AddDays(days - 1)),
        Seats = seats,
        MinimumSeats = 10,
        NominationOpenTime = Instant(WindowOpens),
        NominationCloseTime = Instant(start.AddDays(-14).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        Allocations = { new MemberStateAllocation { RegionCode = "SN", Quota = 4, Cap = 8 } },
    };

    public static async Task<Course> CreateCourseAsync(this CatalogService.CatalogServiceClient client,
        string code = "UNPOL-STM", string courseId = "", CourseCategory category = CourseCategory.Stm) =>
        await client.CreateCourseAsync(new CreateCourseRequest { CourseId = courseId, Course = Course(code, category) });

    public static async Task<Session> CreateSessionAsync(this CatalogService.CatalogServiceClient client,
        string parent, DateOnly start, string sessionId = "") =>
        await client.CreateSessionAsync(new CreateSessionRequest { Parent = parent, SessionId = sessionId, Session = Session(start) });
}
