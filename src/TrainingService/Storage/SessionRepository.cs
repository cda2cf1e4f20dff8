using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>
/// Sessions: written to the database, read from memory, listed in start-date order (<see cref="Session.StartKey"/>)
/// from a sorted snapshot that is rebuilt only after a change.
/// </summary>
public sealed class SessionRepository(TrainingDatabase database) : ISessionRepository
{
    private readonly CommittedView<Session> _sessions = new(database, database.Sessions, s => s.Key);
    private StartOrder _byStart = new(-1, [], []);

    public Session? Get(string courseId, string sessionId) =>
        _sessions.Find(Session.KeyOf(courseId, sessionId)) is { } session ? _sessions.Copy(session) : null;

    public Session? Find(string courseId, string sessionId) => _sessions.Find(Session.KeyOf(courseId, sessionId));

    public void Insert(Session session)
    {
        database.Sessions.Insert(session);
        _sessions.Stage(session.Key, _sessions.Copy(session));
    }

    public void Update(Session session)
    {
        database.Sessions.Update(session);
        _sessions.Stage(session.Key, _sessions.Copy(session));
    }

    public void Delete(Session session)
    {
        database.Sessions.Delete(session.Key);
        _sessions.Stage(session.Key, null);
    }

    public bool AnyForCourse(string courseId) => _sessions.All().Any(s => s.CourseId == courseId);

    public Page<Session> List(string? courseId, IReadOnlyCollection<SessionState>? states, DateOnly? startFrom, PageRequest page)
    {
        var (sessions, keys) = ByStart();
        var from = startFrom is { } day ? $"{day.DayNumber:D7}/" : null;
        var start = 0;
        if (page.AfterKey is not null && (from is null || string.CompareOrdinal(page.AfterKey, from) >= 0)) start = FirstAfter(keys, page.AfterKey, inclusive: false);
        else if (from is not null) start = FirstAfter(keys, from, inclusive: true);
        return Keyset.Take(Matching(sessions, start, courseId, states), s => s.StartKey, page.Size);
    }

    private static IEnumerable<Session> Matching(Session[] sessions, int start, string? courseId, IReadOnlyCollection<SessionState>? states)
    {
        for (var i = start; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if ((courseId is null || session.CourseId == courseId) && (states is null || states.Contains(session.State))) yield return session;
        }
    }

    /// <summary>The committed sessions in start-key order (on the writer's thread: as its transaction has them).</summary>
    private (Session[] Sessions, string[] Keys) ByStart()
    {
        if (database.InWriter) return Sorted(_sessions.All());
        var cached = Volatile.Read(ref _byStart);
        var version = _sessions.Version;
        if (cached.Version == version) return (cached.Sessions, cached.Keys);
        var (sessions, keys) = Sorted(_sessions.All());
        Volatile.Write(ref _byStart, new StartOrder(version, sessions, keys));
        return (sessions, keys);
    }

    private static (Session[] Sessions, string[] Keys) Sorted(IReadOnlyList<Session> all)
    {
        var keyed = all.Select(s => (Key: s.StartKey, Session: s)).ToArray();
        Array.Sort(keyed, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (keyed.Select(k => k.Session).ToArray(), keyed.Select(k => k.Key).ToArray());
    }

    /// <summary>The first position whose key sorts after <paramref name="key"/> (or at it, when inclusive).</summary>
    private static int FirstAfter(string[] keys, string key, bool inclusive)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(keys[middle], key);
            if (order < 0 || (order == 0 && !inclusive)) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The sessions in start-key order as of one version of the view.</summary>
    private sealed record StartOrder(long Version, Session[] Sessions, string[] Keys);
}
