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
    void Record(Actor actor, string resource, string summary);
}

/// <summary>Remembers the result of requests sent with a client-chosen request id (AIP-155).</summary>
public interface IRequestLedger
{
    /// <summary>The resource created by an earlier request with this key, if any.</summary>
    string? Find(string key);

    void Remember(string key, string resourceName);
}
