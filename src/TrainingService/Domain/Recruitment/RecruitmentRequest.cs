using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;

namespace Training.Service.Domain.Recruitment;

public enum PersonnelCategory { Unspecified = 0, Ipo = 1, Fpu = 2, Spt = 3, ProfessionalPost = 4 }

public enum RequestState { Unspecified = 0, Draft = 1, Open = 2, Closed = 3, Cancelled = 4 }

/// <summary>A mission's or the Police Division's call for officers.</summary>
public sealed class RecruitmentRequest
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The mission code, e.g. "minusca".</summary>
    public string MissionCode { get; set; } = "";
    public PersonnelCategory Category { get; set; }
    public string ExpertProfile { get; set; } = "";
    public SkillStream Stream { get; set; }
    public int OfficerCount { get; set; }
    public DateOnly DeploymentDate { get; set; }
    public List<LanguageRequirement> Languages { get; set; } = [];
    public List<SkillRequirement> Skills { get; set; } = [];
    public int? MinServiceYears { get; set; }
    public bool AmsRequired { get; set; }
    public bool DrivingRequired { get; set; }
    public bool MedicalRequired { get; set; }
    public DateTime Deadline { get; set; }
    public double TargetWomenShare { get; set; }
    public RequestState State { get; set; }
    public string CancelReason { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public long Revision { get; set; }

    public string Name => ResourceNames.Request(Id);

    /// <summary>Deadline then id: the order requests are listed in.</summary>
    public string DeadlineKey => $"{Deadline.Ticks:D19}/{Id}";

    public bool IsAcceptingNominations(DateTime now) => State == RequestState.Open && now < Deadline;

    public void Open() => Move(RequestState.Open, RequestState.Draft);

    public void Close() => Move(RequestState.Closed, RequestState.Open);

    public void Cancel(string reason)
    {
        Move(RequestState.Cancelled, RequestState.Draft, RequestState.Open, RequestState.Closed);
        CancelReason = reason;
    }

    private void Move(RequestState to, params RequestState[] from)
    {
        if (!from.Contains(State))
            throw new RuleViolationException("ILLEGAL_TRANSITION", Name,
                $"A request that is {State.ToString().ToUpperInvariant()} cannot become {to.ToString().ToUpperInvariant()}.");
        State = to;
    }
}

public interface IRequestRepository
{
    /// <summary>The request, as a copy the caller may change and write back.</summary>
    RecruitmentRequest? Get(string requestId);

    /// <summary>The request as committed, shared: read it, never change it.</summary>
    RecruitmentRequest? Find(string requestId);

    void Insert(RecruitmentRequest request);

    void Update(RecruitmentRequest request);

    void Delete(string requestId);

    /// <summary>Requests in deadline order after the page's key, filtered by states and mission.</summary>
    Page<RecruitmentRequest> List(IReadOnlyCollection<RequestState>? states, string? missionCode, PageRequest page);

    /// <summary>Every request in the given states (for reports; requests number in the hundreds).</summary>
    IReadOnlyList<RecruitmentRequest> InStates(params RequestState[] states);
}
