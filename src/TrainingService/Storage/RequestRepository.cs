using Training.Service.Domain.Common;
using Training.Service.Domain.Recruitment;

namespace Training.Service.Storage;

/// <summary>Recruitment requests, listed in deadline order through the unique <c>DeadlineKey</c> index.</summary>
public sealed class RequestRepository(TrainingDatabase database) : IRequestRepository
{
    public RecruitmentRequest? Get(string requestId) => database.Requests.FindById(requestId);

    public void Insert(RecruitmentRequest request) => database.Requests.Insert(request);

    public void Update(RecruitmentRequest request) => database.Requests.Update(request);

    public void Delete(string requestId) => database.Requests.Delete(requestId);

    public Page<RecruitmentRequest> List(IReadOnlyCollection<RequestState>? states, string? missionCode, PageRequest page)
    {
        var query = database.Requests.Query();
        if (page.AfterKey is not null) query = query.Where(Filters.Gt("DeadlineKey", page.AfterKey));
        var ordered = query.OrderBy("DeadlineKey").ToEnumerable()
            .Where(r => (states is null || states.Contains(r.State)) && (missionCode is null || r.MissionCode == missionCode));
        return Keyset.Take(ordered, r => r.DeadlineKey, page.Size);
    }

    public IReadOnlyList<RecruitmentRequest> InStates(params RequestState[] states) =>
        database.Requests.FindAll().Where(r => states.Contains(r.State)).ToList();
}
