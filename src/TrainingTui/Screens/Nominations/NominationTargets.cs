using Training.Tui.Client;
using Training.Tui.Screens.Recruitment;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>
/// What a nomination is to, in the words a reader knows: "UNPOL-STM 1–12 Mar 2027" for a course session, the title for a
/// recruitment request, never the resource name. The catalogue, the requests and each session not yet seen are read
/// once; until they arrive a target reads "…", and one the service no longer knows keeps its short id.
/// </summary>
public sealed class NominationTargets(ITrainingClient client)
{
    private readonly Dictionary<string, Course> _courses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecruitmentRequest> _requests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reading = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private Task<bool>? _catalogue;

    /// <summary>"UNPOL-STM 1–12 Mar 2027", a request's title, or "…" while it is being read.</summary>
    public string Describe(Nomination nomination)
    {
        if (nomination.Session.Length > 0)
        {
            if (!_sessions.TryGetValue(nomination.Session, out var session))
                return _unknown.Contains(nomination.Session) ? ShortId(nomination.Session) : "…";
            var course = Format.CourseOf(nomination.Session);
            return $"{_courses.GetValueOrDefault(course)?.Code ?? ShortId(course).ToUpperInvariant()} {Format.Dates(session.StartDate, session.EndDate)}";
        }
        if (nomination.Request.Length > 0)
            return _requests.TryGetValue(nomination.Request, out var request) ? request.Title
                : _unknown.Contains(nomination.Request) ? ShortId(nomination.Request) : "…";
        return "";
    }

    /// <summary>The nomination's target for its details: the venue and course title too, or the request's mission.</summary>
    public string DescribeInFull(Nomination nomination)
    {
        if (_sessions.TryGetValue(nomination.Session, out var session))
        {
            var title = _courses.GetValueOrDefault(Format.CourseOf(nomination.Session))?.Title;
            return $"{Describe(nomination)}, {session.Venue}{(title is null ? "" : $" — {title}")}";
        }
        if (_requests.TryGetValue(nomination.Request, out var request))
            return $"{request.Title} ({RequestText.Mission(request.Mission)})";
        return Describe(nomination);
    }

    /// <summary>Sessions by their first day, then requests by title.</summary>
    public IComparable SortKey(Nomination nomination) =>
        _sessions.TryGetValue(nomination.Session, out var session) && Format.Day(session.StartDate) is { } day
            ? $"0 {day:yyyy-MM-dd} {Describe(nomination)}"
            : $"1 {Describe(nomination)}";

    /// <summary>
    /// Reads what is not yet known about the targets of <paramref name="nominations"/>, then calls <paramref name="changed"/>
    /// (on the UI thread, as the caller awaits there). A read that fails for want of the server is tried again next time.
    /// </summary>
    public async Task ResolveAsync(IEnumerable<Nomination> nominations, Action changed)
    {
        var cancellation = _closed.Token;
        var list = nominations.ToList();
        _catalogue ??= ReadCatalogueAsync(cancellation);
        if (!await _catalogue) _catalogue = null;
        else
            foreach (var request in list.Select(n => n.Request).Where(r => r.Length > 0 && !_requests.ContainsKey(r)))
                _unknown.Add(request);
        // One read per session not yet seen: a Member State's nominations span a few dozen sessions, and a past session
        // is not in the list of upcoming ones.
        var missing = list.Select(n => n.Session).Where(s => s.Length > 0 && !_sessions.ContainsKey(s) && !_unknown.Contains(s) && _reading.Add(s)).ToList();
        foreach (var name in missing)
        {
            try
            {
                _sessions[name] = await client.GetSessionAsync(name, cancellation);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                // A session deleted since keeps its short id; one not read for want of the server is asked again later.
                if (!ClientError.From(e).ServerUnreachable) _unknown.Add(name);
            }
            finally
            {
                _reading.Remove(name);
            }
        }
        if (!cancellation.IsCancellationRequested) changed();
    }

    private async Task<bool> ReadCatalogueAsync(CancellationToken cancellation)
    {
        try
        {
            foreach (var course in await client.ListCoursesAsync(cancellation)) _courses[course.Name] = course;
            foreach (var request in await client.ListRequestsAsync([], cancellation)) _requests[request.Name] = request;
            return true;
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The screen closed: reads still on their way are dropped.</summary>
    public void Cancel() => _closed.Cancel();

    /// <summary>"brindisi-2027-02" of "courses/forensics-po/sessions/brindisi-2027-02".</summary>
    private static string ShortId(string name) => name.Split('/')[^1];
}
