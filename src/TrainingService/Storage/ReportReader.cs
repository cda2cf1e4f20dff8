using LiteDB;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reports;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Reads whole sets for reports. Officers come from the in-memory roster, State by State; a Member State's
/// nominations from its range of the primary key (<c>{region}/…</c>), so a focal point's report never reads another
/// State's documents; "all" is a plain scan. Nominations are streamed: consume them on the calling thread, without
/// awaiting in between (a LiteDB cursor is bound to its thread).
/// </summary>
public sealed class ReportReader(TrainingDatabase database, OfficerDirectory directory) : IReportSource
{
    public IEnumerable<Officer> Officers(IReadOnlyCollection<string>? regionCodes) =>
        Sorted(regionCodes ?? directory.MemberStates).SelectMany(directory.OfficersOf);

    public IEnumerable<Nomination> Nominations(IReadOnlyCollection<string>? regionCodes) =>
        regionCodes is null
            ? database.Nominations.FindAll()
            // Keys are "{region}/{id}": every key of a State lies between "SN/" and "SN0" ('0' follows '/').
            : Sorted(regionCodes).SelectMany(region =>
                database.Nominations.Find(Between("_id", region + "/", region + "0")));

    public IReadOnlyDictionary<string, Course> Courses() => database.Courses.FindAll().ToDictionary(c => c.Id);

    // The mapper stores enums by name, so the state is compared with its name.
    public IReadOnlyList<Session> OpenSessions() =>
        database.Sessions.Find(Filters.Eq(nameof(Session.State), nameof(SessionState.Open))).ToList();

    public IReadOnlyList<RecruitmentRequest> OpenRequests() =>
        database.Requests.Find(Filters.Eq(nameof(RecruitmentRequest.State), nameof(RequestState.Open))).ToList();

    public IReadOnlyDictionary<string, PersonnelCategory> RequestCategories() =>
        database.Requests.FindAll().ToDictionary(r => r.Id, r => r.Category);

    /// <summary>
    /// One index range, parameterised as <see cref="Filters"/> are: LiteDB turns BETWEEN into a single seek and
    /// scan, where two conditions (<c>&gt;=</c> and <c>&lt;</c>) would scan the index from the first to its end.
    /// Both bounds are past-the-end markers no key equals, so inclusive bounds are safe.
    /// </summary>
    private static BsonExpression Between(string field, string from, string to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    private static IEnumerable<string> Sorted(IReadOnlyCollection<string> regionCodes) =>
        regionCodes.Distinct().Order(StringComparer.Ordinal);
}
