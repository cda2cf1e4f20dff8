using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Roster;

namespace Training.Service.Demo;

/// <summary>
/// The <c>--demo</c> start-up: seeds an empty database with demo data, then mints fresh demo credentials (revoking
/// the previous ones) and shows them. Runs before the server listens; tests call it on a built host.
/// </summary>
public static class DemoMode
{
    public const string Flag = "--demo";

    /// <summary>Seeds if the database is empty, mints fresh credentials and writes the start-up block to <paramref name="output"/>.</summary>
    public static (DemoSeedResult Seeded, DemoCredentials Credentials) Start(IServiceProvider services, TextWriter output)
    {
        var seeded = ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedIfEmpty();
        var address = services.GetRequiredService<IConfiguration>()["urls"]?.Split(';')[0];
        var credentials = ActivatorUtilities.CreateInstance<DemoCredentialIssuer>(services).IssueFresh(address);
        output.WriteLine(seeded.Seeded
            ? $"Demo mode: seeded {seeded.Officers} officers of {seeded.MemberStates} Member States, {seeded.Courses} courses, " +
              $"{seeded.Sessions} sessions and {seeded.Nominations} nominations in {seeded.Elapsed.TotalSeconds:0.00} s."
            : "Demo mode: the database already holds officers or courses, so no demo data was added.");
        credentials.Print(output);
        return (seeded, credentials);
    }
}

/// <summary>What one seeding wrote (all zero when the database was not empty).</summary>
public sealed record DemoSeedResult(bool Seeded, int Officers, int MemberStates, int Courses, int Sessions, int Nominations, TimeSpan Elapsed)
{
    public static readonly DemoSeedResult NotSeeded = new(false, 0, 0, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Fills an empty database with the demo: the rosters of <see cref="DemoRoster"/>, the courses and upcoming
/// sessions of <see cref="DemoCatalogue"/>, and nominations in every state. Rosters and catalogue are written in a
/// few large transactions (one audit event per resource); nominations go through <see cref="NominationWorkflow"/>
/// so they obey every rule a focal point's would. Draws come from one seeded <see cref="Random"/>: every demo
/// database holds the same people, with dates relative to the day of seeding.
/// </summary>
public sealed class DemoSeeder(
    ITrainingStore store,
    IOfficerRepository officers,
    ICourseRepository courses,
    ISessionRepository sessions,
    IAuditTrail audit,
    CatalogWorkflow catalog,
    NominationWorkflow nominations,
    EligibilityEngine engine,
    IRequestRepository requests,
    TimeProvider clock)
{
    /// <summary>Any fixed number: the same draw, hence the same demo, every time.</summary>
    private const int RandomSeed = 1948;

    /// <summary>Officers per transaction: large enough to be fast, small enough to keep a transaction's pages modest.</summary>
    private const int OfficersPerTransaction = 200;

    private static readonly Actor Seeder = Actor.System("Demo/Seed");

    /// <summary>One summary for the thousands of officers seeded: a phrase without arguments never changes.</summary>
    private static readonly Phrase DemoOfficerAdded = new("Audit_DemoOfficerAdded");

    private static readonly string[] RejectReasons =
    [
        "Seats in this session go to officers already selected for deployment; please renominate for a later session.",
        "The national human-rights screening certificate was not attached; resubmit once it is certified.",
    ];

    private const string WithdrawReason = "Retained at home for national election security duties.";

    /// <summary>
    /// Who is nominated where, and what the administrator decided. The UNPOL STM session in Entebbe ends full with a
    /// waitlist, and one of its confirmed officers withdraws so the oldest waitlisted one is promoted.
    /// </summary>
    private static readonly NominationPlan[] Plans =
    [
        new(DemoCatalogue.UnpolStm, "entebbe", ["RW", "BD", "JO", "NP"], Nominees: 21, Confirm: 16, Waitlist: 4, Reject: 1, Withdraw: 1),
        new(DemoCatalogue.UnpolStmFrench, "dakar", ["SN", "NE", "RW"], Nominees: 8, Confirm: 4),
        new(DemoCatalogue.Cptm, "dakar", ["SN", "NE"], Nominees: 6, Confirm: 4),
        new(DemoCatalogue.Cptm, "musanze", ["RW", "BD", "NP"], Nominees: 5, Confirm: 2, Reject: 1),
        new(DemoCatalogue.WomenCommand, "musanze", ["SN", "RW", "BD", "JO"], Nominees: 6, Confirm: 3),
        new(DemoCatalogue.FpuCommand, "dakar", ["SN", "NE"], Nominees: 8, Confirm: 7, Reject: 1),
        new(DemoCatalogue.Forensics, "brindisi", ["SN", "RW", "BD", "JO", "NE", "NP"], Nominees: 4, Confirm: 2),
        new(DemoCatalogue.Sgbv, "entebbe", ["SN", "RW", "BD", "JO", "NE", "NP"], Nominees: 4, Confirm: 2),
        new(DemoCatalogue.CounterIed, "amman", ["JO", "BD", "NP", "RW"], Nominees: 3, Confirm: 1),
        new(DemoCatalogue.FpuCommand, "amman", ["JO", "BD"], Nominees: 3, Confirm: 0),
    ];

    /// <summary>Seeds the demo when the database holds no officers and no courses; otherwise writes nothing.</summary>
    public DemoSeedResult SeedIfEmpty()
    {
        var started = clock.GetTimestamp();
        var random = new Random(RandomSeed);
        var now = clock.UtcNow();
        var today = DateOnly.FromDateTime(now);

        var catalogue = store.Write<SeededCatalogue?>(() =>
        {
            if (!IsEmpty()) return null;
            var seededCourses = DemoCatalogue.Courses();
            foreach (var course in seededCourses)
            {
                course.CreateTime = course.UpdateTime = now;
                course.Revision = 1;
                courses.Insert(course);
                audit.Record(Seeder, course.Name, new Phrase("Audit_DemoCourseCreated", course.Code, course.Title));
            }
            var seededSessions = DemoCatalogue.Sessions.Select(plan => (Plan: plan, Session: DemoCatalogue.Schedule(plan, today, now, random))).ToList();
            foreach (var (_, session) in seededSessions)
            {
                sessions.Insert(session);
                audit.Record(Seeder, session.Name, new Phrase("Audit_DemoSessionScheduled",
                    Phrase.Word($"SessionState_{session.State}", session.State.ToString().ToLowerInvariant()),
                    session.StartDate, session.EndDate, session.Venue));
            }
            return new SeededCatalogue(seededCourses, seededSessions);
        });
        if (catalogue is null) return DemoSeedResult.NotSeeded;

        var cptm = catalogue.Courses.Single(c => c.Id == DemoCatalogue.Cptm);
        var roster = DemoRoster.Generate(random, today, now, cptm);
        foreach (var chunk in roster.Chunk(OfficersPerTransaction))
        {
            store.Write(() =>
            {
                foreach (var officer in chunk)
                {
                    officers.Insert(officer);
                    // The trail is never rewritten, so it names no one: an officer deleted later is anonymised there too.
                    audit.Record(Seeder, officer.Name, DemoOfficerAdded);
                }
            });
        }

        var sessionOf = catalogue.Sessions.ToDictionary(s => (s.Plan.CourseId, s.Plan.Place), s => s.Session);
        var courseOf = catalogue.Courses.ToDictionary(c => c.Id);
        var nominated = new HashSet<string>();
        var nominationCount = Plans.Sum(plan =>
            Nominate(plan, courseOf[plan.CourseId], sessionOf[(plan.CourseId, plan.Place)], roster, nominated, random, courseOf));

        foreach (var (_, session) in catalogue.Sessions.Where(s => s.Plan.State == SessionState.Closed))
            Done(catalog.CloseSessionAsync(Seeder, session.CourseId, session.Id, etag: null));
        nominationCount += SeedRequests(roster, today, now);

        return new DemoSeedResult(true, roster.Count, DemoRoster.States.Count, catalogue.Courses.Count, catalogue.Sessions.Count,
            nominationCount, clock.GetElapsedTime(started));
    }

    /// <summary>Publishes the open requests and answers each with a few eligible officers, the first shortlisted.</summary>
    private int SeedRequests(List<Officer> roster, DateOnly today, DateTime now)
    {
        var published = DemoRequests.Open(today, now);
        store.Write(() =>
        {
            foreach (var request in published)
            {
                request.CreateTime = request.UpdateTime = now;
                request.Revision = 1;
                requests.Insert(request);
                audit.Record(Seeder, request.Name, new Phrase("Audit_DemoRequestPublished", request.OfficerCount, request.MissionCode));
            }
        });
        var made = 0;
        foreach (var request in published)
        {
            var answered = roster
                .Where(o => o.RegionCode is "SN" or "RW" or "NE")
                .Where(o => nominations.CheckRequest(o.RegionCode, o.Id, request.Id).Eligible)
                .Take(3)
                .ToList();
            foreach (var officer in answered)
            {
                var (nomination, _) = Done(nominations.SubmitToRequestAsync(Seeder, officer.RegionCode, officer.Id, request.Id, idempotencyKey: null));
                if (made++ % 3 == 0) Done(nominations.ShortlistAsync(Seeder, nomination.RegionCode, nomination.Id, etag: null));
            }
        }
        return made;
    }

    /// <summary>Seeding runs once at start-up, before the service answers anyone: it may wait for each change.</summary>
    private static T Done<T>(Task<T> change) => change.GetAwaiter().GetResult();

    private bool IsEmpty() =>
        officers.List(null, new PageRequest(1, null)).Items.Count == 0
        && courses.List(null, new PageRequest(1, null)).Items.Count == 0;

    /// <summary>
    /// Nominates officers of the plan's States who pass every rule (the engine decides: those it refuses are
    /// skipped), aiming at the parity target's share of women, then records the plan's decisions. Returns how many
    /// nominations were made.
    /// </summary>
    private int Nominate(NominationPlan plan, Course course, Session session, List<Officer> roster, HashSet<string> nominated, Random random,
        IReadOnlyDictionary<string, Course> courseOf)
    {
        var candidates = roster
            .Where(o => plan.States.Contains(o.RegionCode) && !nominated.Contains(o.Key)
                && !o.Certifications.CompletedCourses.Any(c => c.CourseId == course.Id && c.IsValidOn(session.StartDate)))
            .ToArray();
        random.Shuffle(candidates);

        var womenWanted = course.Requirements.WomenOnly ? plan.Nominees : (int)Math.Ceiling(plan.Nominees * engine.Policy.ParityTarget);
        var submitted = new List<Nomination>();
        bool Wanted(Officer o, bool anyGender) =>
            anyGender || (o.Gender == Gender.Female
                ? submitted.Count(n => n.OfficerGender == Gender.Female) < womenWanted
                : submitted.Count(n => n.OfficerGender != Gender.Female) < plan.Nominees - womenWanted);

        foreach (var anyGender in new[] { false, true })
        {
            foreach (var officer in candidates)
            {
                if (submitted.Count == plan.Nominees) break;
                if (nominated.Contains(officer.Key) || !Wanted(officer, anyGender)) continue;
                if (!PassesInMemory(officer, course, session, submitted, courseOf)) continue;
                try
                {
                    submitted.Add(Done(nominations.SubmitAsync(Seeder, officer.RegionCode, officer.Id, course.Id, session.Id, requestId: null)).Nomination);
                    nominated.Add(officer.Key);
                }
                catch (RuleViolationException)
                {
                    // A rule the dry run could not see (a cap reached meanwhile): this officer is simply not nominated.
                }
            }
        }

        var pending = new List<Nomination>(submitted);
        var confirmed = Decide(pending, plan.Confirm, n => Done(nominations.ConfirmAsync(Seeder, n.RegionCode, n.Id, etag: null)));
        Decide(pending, plan.Waitlist, n => Done(nominations.WaitlistAsync(Seeder, n.RegionCode, n.Id, etag: null)));
        var rejected = 0;
        Decide(pending, plan.Reject, n => Done(nominations.RejectAsync(Seeder, n.RegionCode, n.Id, etag: null, RejectReasons[rejected++ % RejectReasons.Length])));
        foreach (var nomination in confirmed.Take(plan.Withdraw))
            Done(nominations.WithdrawAsync(Seeder, nomination.RegionCode, nomination.Id, etag: null, WithdrawReason));
        return submitted.Count;
    }

    /// <summary>
    /// The engine's verdict from what is already in memory: an officer not yet nominated anywhere has no
    /// nominations of their own, and the session's are the ones just submitted. It only spares a database round trip
    /// per candidate; <see cref="NominationWorkflow.SubmitAsync"/> then checks again against the store.
    /// </summary>
    private bool PassesInMemory(Officer officer, Course course, Session session, List<Nomination> submitted,
        IReadOnlyDictionary<string, Course> courseOf) =>
        engine.Check(new SessionCheck(officer, course, session, [], submitted.Select(NominationSummary.Of).ToList(), _ => null, courseOf.GetValueOrDefault,
            CheckStage.Submission, clock.UtcNow())).Eligible;

    /// <summary>
    /// Applies <paramref name="decision"/> to up to <paramref name="count"/> pending nominations in submission order;
    /// one the workflow refuses (a quota reached) stays pending. Returns those decided.
    /// </summary>
    private static List<Nomination> Decide(List<Nomination> pending, int count, Func<Nomination, Nomination> decision)
    {
        var decided = new List<Nomination>();
        foreach (var nomination in pending.ToList())
        {
            if (decided.Count == count) break;
            try
            {
                decided.Add(decision(nomination));
                pending.Remove(nomination);
            }
            catch (RuleViolationException)
            {
                // Refused by the seat rules: left SUBMITTED, as an administrator would find it.
            }
        }
        return decided;
    }

    private sealed record SeededCatalogue(List<Course> Courses, List<(DemoSession Plan, Session Session)> Sessions);

    private sealed record NominationPlan(
        string CourseId, string Place, string[] States, int Nominees, int Confirm, int Waitlist = 0, int Reject = 0, int Withdraw = 0);
}
