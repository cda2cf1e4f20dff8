namespace Training.Service.Domain.Common;

/// <summary>
/// The unit of work over the database. Every change runs inside <see cref="WriteAsync{T}"/>: one writer at a
/// time, one transaction, so a multi-document change (a confirmation and its seat count, a change and its
/// audit event) commits whole or not at all. Repositories called inside the callback join the transaction.
/// The callback must be synchronous (the transaction is bound to the writer's thread), must read what it needs
/// inside itself and must refuse before it writes where it can: a refusal that wrote nothing costs no one else.
/// </summary>
public interface ITrainingStore
{
    /// <summary>Queues a change; completes once it has committed durably. A change whose caller gives up before its turn is not run.</summary>
    Task<T> WriteAsync<T>(Func<T> change, CancellationToken cancellation = default);

    /// <summary>Runs a change and waits: inside a change it joins it; elsewhere only start-up and maintenance code may block so.</summary>
    T Write<T>(Func<T> change);

    /// <summary>Moves with every commit: what was read at one version still holds while it has not moved.</summary>
    long Version { get; }
}

public static class TrainingStoreExtensions
{
    /// <summary>A change with no result.</summary>
    public static Task WriteAsync(this ITrainingStore store, Action change, CancellationToken cancellation = default) =>
        store.WriteAsync(() =>
        {
            change();
            return true;
        }, cancellation);

    /// <summary>A change with no result, joined or waited for as <see cref="ITrainingStore.Write{T}"/>.</summary>
    public static void Write(this ITrainingStore store, Action change) => store.Write(() =>
    {
        change();
        return true;
    });
}

/// <summary>Appends audit events; called inside <see cref="ITrainingStore.Write{T}"/> so they commit with the change.</summary>
public interface IAuditTrail
{
    /// <summary>Records what <paramref name="actor"/> changed in <paramref name="resource"/>, the summary kept in English and in French.</summary>
    void Record(Actor actor, string resource, Phrase summary);
}

/// <summary>Remembers the result of requests sent with a client-chosen request id (AIP-155).</summary>
public interface IRequestLedger
{
    /// <summary>What an earlier request under this key created, if any.</summary>
    RequestRecord? Find(string key);

    void Remember(RequestKey key, string resourceName);
}

/// <summary>An earlier request: what it created, and the fingerprint of what it asked (empty for old records).</summary>
public sealed record RequestRecord(string ResourceName, string Fingerprint);

/// <summary>A client-chosen request id (AIP-155) and a fingerprint of everything else its request asked.</summary>
public sealed record RequestIdentity(string Id, string Fingerprint)
{
    /// <summary>The ledger key of this id for one method (and parent): ids are the caller's, so they are scoped.</summary>
    public RequestKey In(string scope) => new($"{scope}|{Id}", Id, Fingerprint);
}

public sealed record RequestKey(string Key, string Id, string Fingerprint);

public static class RequestLedgerExtensions
{
    /// <summary>
    /// The resource the first request with this id created, to be returned again; null for a new id. The same id
    /// with a different request is refused (<c>REQUEST_ID_REUSED</c>): answering it with the first result would
    /// tell the caller that something it did not ask for was done.
    /// </summary>
    public static string? Earlier(this IRequestLedger ledger, RequestKey? key)
    {
        if (key is null || ledger.Find(key.Key) is not { } earlier) return null;
        if (earlier.Fingerprint.Length > 0 && earlier.Fingerprint != key.Fingerprint)
            throw new RuleViolationException("REQUEST_ID_REUSED", "request_id",
                $"The request id {key.Id} was already used for a different request (which made {earlier.ResourceName}); " +
                "send a new request id for a new request, or the same request to retry it.");
        return earlier.ResourceName;
    }
}
