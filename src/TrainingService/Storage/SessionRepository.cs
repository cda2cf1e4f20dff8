using LiteDB;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>Sessions, listed in start-date order through the unique <c>StartKey</c> index.</summary>
public sealed class SessionRepository(TrainingDatabase database) : ISessionRepository
{
    public Session? Get(string courseId, string sessionId) => database.Sessions.FindById(Session.KeyOf(courseId, sessionId));

    public void Insert(Session session) => database.Sessions.Insert(session);

    public void Update(Session session) => database.Sessions.Update(session);

    public void Delete(Session session) => database.Sessions.Delete(session.Key);

    public bool AnyForCourse(string courseId) => database.Sessions.Exists(Filters.Eq("CourseId", courseId));

    public Page<Session> List(string? courseId, IReadOnlyCollection<SessionState>? states, DateOnly? startFrom, PageRequest page)
    {
        var query = database.Sessions.Query();
        var from = startFrom is { } day ? $"{day.DayNumber:D7}/" : null;
        if (page.AfterKey is not null && (from is null || string.CompareOrdinal(page.AfterKey, from) >= 0))
            query = query.Where(Filters.Gt("StartKey", page.AfterKey));
        else if (from is not null)
            query = query.Where(Filters.Gte("StartKey", from));
        var ordered = query.OrderBy("StartKey").ToEnumerable()
            .Where(s => (courseId is null || s.CourseId == courseId) && (states is null || states.Contains(s.State)));
        return Keyset.Take(ordered, s => s.StartKey, page.Size);
    }
}
