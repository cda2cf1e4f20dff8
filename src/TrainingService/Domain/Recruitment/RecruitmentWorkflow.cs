using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;

namespace Training.Service.Domain.Recruitment;

/// <summary>Recruitment requests' changes: each one transaction with exactly one audit event.</summary>
public sealed class RecruitmentWorkflow(
    ITrainingStore store,
    IRequestRepository requests,
    IAuditTrail audit,
    IRequestLedger ledger,
    NominationWorkflow nominations,
    TimeProvider clock)
{
    public RecruitmentRequest Create(Actor actor, string? requestId, RecruitmentRequest draft, string? idempotencyKey) => store.Write(() =>
    {
        var ledgerKey = idempotencyKey is null ? null : $"CreateRequest|{idempotencyKey}";
        if (ledgerKey is not null && ledger.Find(ledgerKey) is { } earlier)
            return requests.Get(earlier["requests/".Length..]) ?? throw new NotFoundException(earlier);

        draft.Id = requestId ?? IdGenerator.New();
        if (requests.Get(draft.Id) is not null) throw new AlreadyExistsException(draft.Name);
        draft.State = RequestState.Draft;
        draft.CancelReason = "";
        draft.CreateTime = draft.UpdateTime = clock.UtcNow();
        draft.Revision = 1;
        requests.Insert(draft);
        if (ledgerKey is not null) ledger.Remember(ledgerKey, draft.Name);
        audit.Record(actor, draft.Name, $"published a request for {draft.OfficerCount} officer(s) for missions/{draft.MissionCode}");
        return draft;
    });

    /// <summary>Applies <paramref name="apply"/> (the masked fields) to the stored request; never its state.</summary>
    public RecruitmentRequest Update(Actor actor, string requestId, string? etag, IReadOnlyCollection<string> fields,
        Action<RecruitmentRequest> apply) => store.Write(() =>
    {
        var request = Load(requestId);
        Etag.Check(etag, request.Revision, request.Name);
        if (request.State == RequestState.Cancelled)
            throw new RuleViolationException("REQUEST_FINISHED", request.Name, "The request is CANCELLED; it can no longer be changed.");
        apply(request);
        request.Revision++;
        request.UpdateTime = clock.UtcNow();
        requests.Update(request);
        audit.Record(actor, request.Name, "updated " + string.Join(", ", fields));
        return request;
    });

    public void Delete(Actor actor, string requestId, string? etag) => store.Write(() =>
    {
        var request = Load(requestId);
        Etag.Check(etag, request.Revision, request.Name);
        if (request.State != RequestState.Draft)
            throw new RuleViolationException("REQUEST_NOT_DRAFT", request.Name,
                $"Only a DRAFT request can be deleted; this one is {request.State.ToString().ToUpperInvariant()}. Cancel it instead.");
        requests.Delete(requestId);
        audit.Record(actor, request.Name, "deleted the request");
    });

    public RecruitmentRequest Open(Actor actor, string requestId, string? etag) =>
        Transition(actor, requestId, etag, r =>
        {
            if (r.Deadline <= clock.UtcNow())
                throw new RuleViolationException("DEADLINE_PASSED", r.Name, "The deadline has passed; move it before opening the request.");
            r.Open();
        }, "opened the request");

    public RecruitmentRequest Close(Actor actor, string requestId, string? etag) =>
        Transition(actor, requestId, etag, r => r.Close(), "closed the request");

    /// <summary>Cancels the request and, in the same transaction, its live nominations, with the reason.</summary>
    public RecruitmentRequest Cancel(Actor actor, string requestId, string? etag, string reason) =>
        Transition(actor, requestId, etag, r =>
        {
            r.Cancel(reason);
            nominations.CancelAllForRequest(actor, r, reason);
        }, $"cancelled the request: {reason}");

    private RecruitmentRequest Transition(Actor actor, string requestId, string? etag, Action<RecruitmentRequest> move, string summary) =>
        store.Write(() =>
        {
            var request = Load(requestId);
            Etag.Check(etag, request.Revision, request.Name);
            move(request);
            request.Revision++;
            request.UpdateTime = clock.UtcNow();
            requests.Update(request);
            audit.Record(actor, request.Name, summary);
            return request;
        });

    private RecruitmentRequest Load(string requestId) =>
        requests.Get(requestId) ?? throw new NotFoundException(ResourceNames.Request(requestId));
}
