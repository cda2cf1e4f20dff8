using Training.Service.Domain.Common;

namespace Training.Service.Domain.Roster;

/// <summary>The roster's changes: each one a single transaction with exactly one audit event.</summary>
public sealed class RosterWorkflow(
    ITrainingStore store,
    IOfficerRepository officers,
    IAuditTrail audit,
    IRequestLedger ledger,
    IOfficerNominationHistory history,
    TimeProvider clock)
{
    /// <summary>One summary for every officer added: an import adds thousands, and a phrase without arguments never changes.</summary>
    private static readonly Phrase OfficerAdded = new("Audit_OfficerAdded");

    public Task<Officer> CreateAsync(Actor actor, string regionCode, string? officerId, Officer draft, RequestIdentity? requestId, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var ledgerKey = requestId?.In($"CreateOfficer|{regionCode}");
        if (ledger.Earlier(ledgerKey) is { } created)
            return officers.Get(regionCode, created.Split('/')[^1])
                ?? throw new RuleViolationException("REQUEST_ID_REUSED", created,
                    "This request id created an officer that has since been deleted; send a new request id.");

        var id = officerId ?? NewOfficerId(regionCode);
        if (officers.Get(regionCode, id) is not null) throw new AlreadyExistsException(ResourceNames.Officer(regionCode, id));
        EnsurePoliceIdFree(regionCode, draft.NationalPoliceId, exceptOfficerId: null);

        var now = clock.UtcNow();
        draft.RegionCode = regionCode;
        draft.Id = id;
        draft.Key = OfficerKeys.Key(regionCode, id);
        draft.CreateTime = now;
        draft.UpdateTime = now;
        draft.Revision = 1;
        officers.Insert(draft);
        if (ledgerKey is not null) ledger.Remember(ledgerKey, draft.Name);
        audit.Record(actor, draft.Name, OfficerAdded);
        return draft;
    }, cancellation);

    /// <summary>Applies <paramref name="apply"/> (the masked fields) to the stored officer.</summary>
    public Task<Officer> UpdateAsync(Actor actor, string regionCode, string officerId, string? etag,
        IReadOnlyCollection<string> changedFields, Action<Officer> apply, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        Etag.Check(etag, officer.Revision, officer.Name);
        if (officer.Anonymized)
            throw new RuleViolationException("OFFICER_ANONYMIZED", officer.Name, "This officer was deleted and anonymised; it cannot be changed.");
        apply(officer);
        EnsurePoliceIdFree(regionCode, officer.NationalPoliceId, exceptOfficerId: officer.Id);
        officer.UpdateTime = clock.UtcNow();
        officer.Revision++;
        officers.Update(officer);
        audit.Record(actor, officer.Name, new Phrase("Audit_Updated", string.Join(", ", changedFields)));
        return officer;
    }, cancellation);

    /// <summary>
    /// Upserts a batch of imported officers by national police ID in one transaction: an ID new to the roster adds
    /// the officer, a known one takes the draft's values. <paramref name="merge"/> copies onto the stored officer the
    /// fields that differ and names them; when it names none the officer is left as it is, unwritten and unaudited.
    /// Each officer created or changed gets one audit event. An anonymised officer is reported in the outcomes rather
    /// than thrown, so one row never undoes the rest of the batch.
    /// </summary>
    public Task<IReadOnlyList<ImportOutcome>> ImportAsync(Actor actor, string regionCode, IReadOnlyList<Officer> drafts,
        Func<Officer, Officer, IReadOnlyList<string>> merge, CancellationToken cancellation = default) => store.WriteAsync<IReadOnlyList<ImportOutcome>>(() =>
    {
        var now = clock.UtcNow();
        var outcomes = new List<ImportOutcome>(drafts.Count);
        foreach (var draft in drafts)
        {
            var stored = officers.FindByNationalPoliceId(regionCode, draft.NationalPoliceId);
            if (stored is null)
            {
                // Everything is (re)assigned here: the single writer may run this change again after a rollback.
                var id = NewOfficerId(regionCode);
                draft.RegionCode = regionCode;
                draft.Id = id;
                draft.Key = OfficerKeys.Key(regionCode, id);
                draft.CreateTime = now;
                draft.UpdateTime = now;
                draft.Revision = 1;
                officers.Insert(draft);
                audit.Record(actor, draft.Name, OfficerAdded);
                outcomes.Add(ImportOutcome.Created);
                continue;
            }
            if (stored.Anonymized)
            {
                outcomes.Add(ImportOutcome.Anonymized);
                continue;
            }
            var changed = merge(stored, draft);
            if (changed.Count == 0)
            {
                outcomes.Add(ImportOutcome.Unchanged);
                continue;
            }
            stored.UpdateTime = now;
            stored.Revision++;
            officers.Update(stored);
            audit.Record(actor, stored.Name, new Phrase("Audit_Updated", string.Join(", ", changed)));
            outcomes.Add(ImportOutcome.Updated);
        }
        return outcomes;
    }, cancellation);

    /// <summary>
    /// Deletes an officer. While nominations are live the officer stays; once any nomination history
    /// exists the personal fields are erased and the record kept, so figures stay true.
    /// </summary>
    public Task DeleteAsync(Actor actor, string regionCode, string officerId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        Etag.Check(etag, officer.Revision, officer.Name);
        var (live, any) = history.NominationsOf(regionCode, officerId);
        if (live > 0)
            throw new RuleViolationException("OFFICER_HAS_LIVE_NOMINATIONS", officer.Name,
                $"This officer has {live} live nomination(s); withdraw them before deleting the officer.");
        if (any > 0)
        {
            if (officer.Anonymized) return;
            officer.Anonymize();
            history.EraseOfficerName(regionCode, officerId);
            officer.UpdateTime = clock.UtcNow();
            officer.Revision++;
            officers.Update(officer);
            audit.Record(actor, officer.Name, new Phrase("Audit_OfficerAnonymised"));
        }
        else
        {
            officers.Delete(officer);
            audit.Record(actor, officer.Name, new Phrase("Audit_OfficerDeleted"));
        }
    }, cancellation);

    private void EnsurePoliceIdFree(string regionCode, string nationalPoliceId, string? exceptOfficerId)
    {
        var holder = officers.FindByNationalPoliceId(regionCode, nationalPoliceId);
        if (holder is not null && holder.Id != exceptOfficerId)
            throw new AlreadyExistsException(holder.Name, "NATIONAL_POLICE_ID_TAKEN",
                $"National police ID {nationalPoliceId} already belongs to {holder.Name}.");
    }

    private string NewOfficerId(string regionCode)
    {
        while (true)
        {
            var id = IdGenerator.New();
            if (officers.Get(regionCode, id) is null) return id;
        }
    }
}

/// <summary>What the roster needs to know of an officer's nominations before deleting them.</summary>
public interface IOfficerNominationHistory
{
    /// <summary>How many of the officer's nominations are live, and how many exist at all.</summary>
    (int Live, int Any) NominationsOf(string regionCode, string officerId);

    /// <summary>Removes the officer's name wherever nominations copied it.</summary>
    void EraseOfficerName(string regionCode, string officerId);
}
