using Training.Service.Domain.Common;

namespace Training.Service.Domain.Catalog;

public interface ICourseRepository
{
    /// <summary>The course, as a copy the caller may change and write back.</summary>
    Course? Get(string courseId);

    /// <summary>The course as committed, shared: read it, never change it.</summary>
    Course? Find(string courseId);

    void Insert(Course course);

    void Update(Course course);

    void Delete(string courseId);

    /// <summary>Courses listing <paramref name="courseId"/> among their prerequisites.</summary>
    IReadOnlyList<Course> RequiringPrerequisite(string courseId);

    /// <summary>Courses in id order after the page's key, optionally of one category.</summary>
    Page<Course> List(CourseCategory? category, PageRequest page);
}

public interface ISessionRepository
{
    /// <summary>The session, as a copy the caller may change and write back.</summary>
    Session? Get(string courseId, string sessionId);

    /// <summary>The session as committed, shared: read it, never change it.</summary>
    Session? Find(string courseId, string sessionId);

    void Insert(Session session);

    void Update(Session session);

    void Delete(Session session);

    bool AnyForCourse(string courseId);

    /// <summary>Sessions of one course (null: all) in start-date order after the page's key.</summary>
    Page<Session> List(string? courseId, IReadOnlyCollection<SessionState>? states, DateOnly? startFrom, PageRequest page);
}
