using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>The catalogue's courses: written to the database, read from memory (there are tens of them).</summary>
public sealed class CourseRepository(TrainingDatabase database) : ICourseRepository
{
    private readonly CommittedView<Course> _courses = new(database, database.Courses, c => c.Id);

    public Course? Get(string courseId) => _courses.Find(courseId) is { } course ? _courses.Copy(course) : null;

    public Course? Find(string courseId) => _courses.Find(courseId);

    public void Insert(Course course)
    {
        database.Courses.Insert(course);
        _courses.Stage(course.Id, _courses.Copy(course));
    }

    public void Update(Course course)
    {
        database.Courses.Update(course);
        _courses.Stage(course.Id, _courses.Copy(course));
    }

    public void Delete(string courseId)
    {
        database.Courses.Delete(courseId);
        _courses.Stage(courseId, null);
    }

    public IReadOnlyList<Course> RequiringPrerequisite(string courseId) =>
        _courses.All().Where(c => c.Requirements.PrerequisiteCourseIds.Contains(courseId)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>Courses in id order; a category filter is applied while reading.</summary>
    public Page<Course> List(CourseCategory? category, PageRequest page) =>
        Keyset.Take(
            _courses.All()
                .Where(c => (category is null || c.Category == category) && (page.AfterKey is null || string.CompareOrdinal(c.Id, page.AfterKey) > 0))
                .OrderBy(c => c.Id, StringComparer.Ordinal),
            c => c.Id, page.Size);
}
