using LiteDB;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public sealed class CourseRepository(TrainingDatabase database) : ICourseRepository
{
    public Course? Get(string courseId) => database.Courses.FindById(courseId);

    public void Insert(Course course) => database.Courses.Insert(course);

    public void Update(Course course) => database.Courses.Update(course);

    public void Delete(string courseId) => database.Courses.Delete(courseId);

    /// <summary>The catalogue is small (tens of courses): a scan is cheaper than another index.</summary>
    public IReadOnlyList<Course> RequiringPrerequisite(string courseId) =>
        database.Courses.FindAll().Where(c => c.Requirements.PrerequisiteCourseIds.Contains(courseId)).ToList();

    /// <summary>Courses in id order; a category filter is applied while reading (the catalogue is small).</summary>
    public Page<Course> List(CourseCategory? category, PageRequest page)
    {
        var query = database.Courses.Query();
        if (page.AfterKey is not null) query = query.Where(Filters.Gt("_id", page.AfterKey));
        var ordered = query.OrderBy("_id").ToEnumerable().Where(c => category is null || c.Category == category);
        return Keyset.Take(ordered, c => c.Id, page.Size);
    }
}
