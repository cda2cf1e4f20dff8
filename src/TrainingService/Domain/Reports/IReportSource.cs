using Training.Service.Domain.Catalog;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Reports;

/// <summary>
/// What the reports read. Officers and nominations are streamed (a roster holds up to 100,000 officers); the
/// catalogue, open sessions and requests are small and returned whole.
/// </summary>
public interface IReportSource
{
    /// <summary>Officers of the given Member States (null: all), anonymised ones included.</summary>
    IEnumerable<Officer> Officers(IReadOnlyCollection<string>? regionCodes);

    /// <summary>Nominations of the given Member States (null: all), in every state.</summary>
    IEnumerable<Nomination> Nominations(IReadOnlyCollection<string>? regionCodes);

    /// <summary>Every course, by id.</summary>
    IReadOnlyDictionary<string, Course> Courses();

    /// <summary>Sessions accepting nominations (state OPEN).</summary>
    IReadOnlyList<Session> OpenSessions();

    /// <summary>Requests accepting nominations (state OPEN).</summary>
    IReadOnlyList<RecruitmentRequest> OpenRequests();

    /// <summary>The personnel category of every request, by id, whatever its state.</summary>
    IReadOnlyDictionary<string, PersonnelCategory> RequestCategories();
}
