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
    public Task<RecruitmentRequest> CreateAsync(Actor actor, string? requestId, RecruitmentRequest draft, RequestIdentity? idempotencyKey, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var ledgerKey = idempotencyKey?.In("CreateRequest");
        if (ledger.Earlier(ledgerKey) is { } earlier)
            return requests.Find(earlier["requests/".Length..]) ?? throw new NotFoundException(earlier);

        draft.Id = requestId ?? IdGenerator.New();
        if (requests.Find(draft.Id) is not null) throw new AlreadyExistsException(draft.Name);
        draft.State = RequestState.Draft;
        draft.CancelReason = "";
        draft.CreateTime = draft.UpdateTime = clock.UtcNow();
        draft.Revision = 1;
        requests.Insert(draft);
        if (ledgerKey is not null) ledger.Remember(ledgerKey, draft.Name);
        audit.Record(actor, draft.Name, new Phrase("Audit_RequestPublished", draft.OfficerCount, draft.MissionCode));
        return draft;
    }, cancellation);

    /// <summary>Applies <paramref name="apply"/> (the masked fields) to the stored request; never its state.</summary>
    public Task<RecruitmentRequest> UpdateAsync(Actor actor, string requestId, string? etag, IReadOnlyCollection<string> fields,
        Action<RecruitmentRequest> apply, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var request = Load(requestId);
        Etag.Check(etag, request.Revision, request.Name);
        if (request.State == RequestState.Cancelled)
            throw new RuleViolationException("REQUEST_FINISHED", request.Name, "The request is CANCELLED; it can no longer be changed.");
        apply(request);
        request.Revision++;
        request.UpdateTime = clock.UtcNow();
        requests.Update(request);
        audit.Record(actor, request.Name, new Phrase("Audit_Updated", string.Join(", ", fields)));
        return request;
    }, cancellation);

    public Task DeleteAsync(Actor actor, string requestId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var request = Load(requestId);
        Etag.Check(etag, request.Revision, request.Name);
        if (request.State != RequestState.Draft)
            throw new RuleViolationException("REQUEST_NOT_DRAFT", request.Name,
                $"Only a DRAFT request can be deleted; this one is {request.State.ToString().ToUpperInvariant()}. Cancel it instead.");
        requests.Delete(requestId);
        audit.Record(actor, request.Name, new Phrase("Audit_RequestDeleted"));
    }, cancellation);

    public Task<RecruitmentRequest> OpenAsync(Actor actor, string requestId, string? etag, CancellationToken cancellation = default) =>
        TransitionAsync(actor, requestId, etag, cancellation, r =>
        {
            if (r.Deadline <= clock.UtcNow())
                throw new RuleViolationException("DEADLINE_PASSED", r.Name, "The deadline has passed; move it before opening the request.");
            r.Open();
        }, new Phrase("Audit_RequestOpened"));

    public Task<RecruitmentRequest> CloseAsync(Actor actor, string requestId, string? etag, CancellationToken cancellation = default) =>
        TransitionAsync(actor, requestId, etag, cancellation, r => r.Close(), new Phrase("Audit_RequestClosed"));

    /// <summary>Cancels the request and, in the same transaction, its live nominations, with the reason.</summary>
    public Task<RecruitmentRequest> CancelAsync(Actor actor, string requestId, string? etag, string reason, CancellationToken cancellation = default) =>
        TransitionAsync(actor, requestId, etag, cancellation, r =>
        {
            r.Cancel(reason);
            nominations.CancelAllForRequest(actor, r, reason);
        }, new Phrase("Audit_RequestCancelled", reason));

    private Task<RecruitmentRequest> TransitionAsync(Actor actor, string requestId, string? etag, CancellationToken cancellation,
        Action<RecruitmentRequest> move, Phrase summary) =>
        store.WriteAsync(() =>
        {
            var request = Load(requestId);
            Etag.Check(etag, request.Revision, request.Name);
            move(request);
            request.Revision++;
            request.UpdateTime = clock.UtcNow();
            requests.Update(request);
            audit.Record(actor, request.Name, summary);
            return request;
        }, cancellation);

    private RecruitmentRequest Load(string requestId) =>
        requests.Get(requestId) ?? throw new NotFoundException(ResourceNames.Request(requestId));
}
