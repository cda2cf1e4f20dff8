using Training.Service.Domain.Common;

namespace Training.Service.Domain.Catalog;

public interface ICourseRepository
{
    Course? Get(string courseId);

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
    Session? Get(string courseId, string sessionId);

    void Insert(Session session);

    void Update(Session session);

    void Delete(Session session);

    bool AnyForCourse(string courseId);

    /// <summary>Sessions of one course (null: all) in start-date order after the page's key.</summary>
    Page<Session> List(string? courseId, IReadOnlyCollection<SessionState>? states, DateOnly? startFrom, PageRequest page);
}
