using Training.Service.Domain.Common;
using Training.Service.Domain.Recruitment;

namespace Training.Service.Storage;

/// <summary>Recruitment requests: written to the database, read from memory, listed in deadline order.</summary>
public sealed class RequestRepository(TrainingDatabase database) : IRequestRepository
{
    private readonly CommittedView<RecruitmentRequest> _requests = new(database, database.Requests, r => r.Id);

    public RecruitmentRequest? Get(string requestId) => _requests.Find(requestId) is { } request ? _requests.Copy(request) : null;

    public RecruitmentRequest? Find(string requestId) => _requests.Find(requestId);

    public void Insert(RecruitmentRequest request)
    {
        database.Requests.Insert(request);
        _requests.Stage(request.Id, _requests.Copy(request));
    }

    public void Update(RecruitmentRequest request)
    {
        database.Requests.Update(request);
        _requests.Stage(request.Id, _requests.Copy(request));
    }

    public void Delete(string requestId)
    {
        database.Requests.Delete(requestId);
        _requests.Stage(requestId, null);
    }

    public Page<RecruitmentRequest> List(IReadOnlyCollection<RequestState>? states, string? missionCode, PageRequest page) =>
        Keyset.Take(
            _requests.All()
                .Where(r => (states is null || states.Contains(r.State)) && (missionCode is null || r.MissionCode == missionCode)
                    && (page.AfterKey is null || string.CompareOrdinal(r.DeadlineKey, page.AfterKey) > 0))
                .OrderBy(r => r.DeadlineKey, StringComparer.Ordinal),
            r => r.DeadlineKey, page.Size);

    public IReadOnlyList<RecruitmentRequest> InStates(params RequestState[] states) =>
        _requests.All().Where(r => states.Contains(r.State)).ToList();
}
