using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Bench;

/// <summary>
/// A large database for the benchmarks: officers spread over Member States (the largest holding a fifth), and
/// open sessions of a few dozen courses whose nomination windows are open now. Written straight through the
/// repositories in big transactions: seeding is not what is measured.
/// </summary>
public static class BenchData
{
    public static readonly string[] MemberStates =
    [
        "SN", "RW", "BD", "JO", "NE", "NP", "EG", "GH", "IN", "PK", "ID", "FR", "BF", "TG", "CM", "TN", "MA", "ET", "ZM", "MY",
    ];

    private static readonly string[] Family = ["Diop", "Ndiaye", "Fall", "Sow", "Sène", "Uwimana", "Habimana", "Rahman", "Hossain", "Haddad",
        "Issoufou", "Shrestha", "Mensah", "Kumar", "Khan", "Santoso", "Martin", "Ouédraogo", "Koffi", "Mbarga"];
    private static readonly string[] Given = ["Awa", "Moussa", "Fatou", "Ibrahima", "Aminata", "Jean", "Claire", "Aïssatou", "Omar", "Leila",
        "Sita", "Kwame", "Priya", "Ayesha", "Dewi", "Chantal", "Théodore", "Abebe", "Mwila", "Nurul"];
    private static readonly string[] Skills = ["forensics", "sgbv-investigation", "gender", "child-protection", "criminal-intelligence",
        "community-oriented-policing", "public-order-management", "training-and-mentoring", "logistics", "planning"];

    /// <summary>Officers per Member State: the first holds a fifth of all, the rest share the remainder.</summary>
    public static int OfficersIn(int stateIndex, int total) =>
        stateIndex == 0 ? total / 5 : (total - total / 5) / (MemberStates.Length - 1) + (stateIndex == MemberStates.Length - 1 ? (total - total / 5) % (MemberStates.Length - 1) : 0);

    public static void Seed(TrainingDatabase database, int officerCount, int sessionCount, DateTime now)
    {
        var random = new Random(2027);
        var today = DateOnly.FromDateTime(now);
        var officers = new OfficerRepository(database, new OfficerDirectory(database, new ReferenceDataStore(database)));
        var courses = new CourseRepository(database);
        var sessions = new SessionRepository(database);

        for (var s = 0; s < MemberStates.Length; s++)
        {
            var region = MemberStates[s];
            var count = OfficersIn(s, officerCount);
            for (var start = 0; start < count; start += 5000)
            {
                database.Write(() =>
                {
                    for (var i = start; i < Math.Min(count, start + 5000); i++)
                        officers.Insert(Officer(region, i, random, today, now));
                });
            }
        }

        const int courseCount = 40;
        database.Write(() =>
        {
            for (var c = 0; c < courseCount; c++)
                courses.Insert(new Course
                {
                    Id = $"course-{c:D2}", Code = $"C-{c:D2}", Title = $"Bench course {c}", Category = CourseCategory.Specialized,
                    LanguageCode = c % 3 == 0 ? "fr" : "en", CreateTime = now, UpdateTime = now, Revision = 1,
                    Requirements = new CourseRequirements
                    {
                        Languages = c % 4 == 0 ? [new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B1 }] : [],
                    },
                });
            for (var i = 0; i < sessionCount; i++)
            {
                var courseId = $"course-{i % courseCount:D2}";
                var id = $"s{i:D5}";
                var startDate = today.AddDays(45 + i % 300);
                sessions.Insert(new Session
                {
                    Key = Session.KeyOf(courseId, id), CourseId = courseId, Id = id, Venue = "Entebbe RSC",
                    StartDate = startDate, EndDate = startDate.AddDays(9), Seats = 40, State = SessionState.Open, LanguageCode = "en",
                    NominationOpenTime = now.AddDays(-1), NominationCloseTime = now.AddDays(30), CreateTime = now, UpdateTime = now, Revision = 1,
                });
            }
        });
    }

    private static Officer Officer(string region, int i, Random random, DateOnly today, DateTime now)
    {
        var id = $"o{i:D6}";
        var born = today.AddYears(-random.Next(30, 52)).AddDays(-random.Next(0, 365));
        return new Officer
        {
            RegionCode = region, Id = id, Key = OfficerKeys.Key(region, id),
            FamilyName = Family[random.Next(Family.Length)] + (i % 97 == 0 ? "-Ba" : ""),
            GivenName = Given[random.Next(Given.Length)],
            Gender = random.NextDouble() < 0.25 ? Gender.Female : Gender.Male,
            BirthDate = born,
            ServiceStartDate = born.AddYears(22 + random.Next(0, 4)),
            Rank = "Inspector",
            NationalPoliceId = $"{region}-{i:D7}",
            Availability = random.NextDouble() < 0.9 ? Availability.Available : Availability.Deployed,
            Languages =
            [
                new LanguageProficiency { LanguageCode = "en", Reading = Level(random), Listening = Level(random), Writing = Level(random), Speaking = Level(random) },
                .. random.NextDouble() < 0.4
                    ? new[] { new LanguageProficiency { LanguageCode = "fr", Reading = Level(random), Listening = Level(random), Writing = Level(random), Speaking = Level(random) } }
                    : [],
            ],
            Skills = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Skills[random.Next(Skills.Length)]).Distinct()
                .Select(code => new SkillProficiency { SkillCode = code, Level = (SkillLevel)random.Next(1, 5) }).ToList(),
            Certifications = new Certifications { AmsPass = random.NextDouble() < 0.6 ? new AmsPass { PassDate = today.AddDays(-random.Next(10, 900)) } : null },
            Vetting = new Vetting { HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = today.AddDays(-30) } },
            CreateTime = now, UpdateTime = now, Revision = 1,
        };
    }

    private static CefrLevel Level(Random random) => (CefrLevel)random.Next(3, 7);
}
