namespace Training.Service.Domain.Common;

/// <summary>
/// The unit of work over the database. Every change runs inside <see cref="Write{T}"/>: one writer at a
/// time, one transaction, so a multi-document change (a confirmation and its seat count, a change and its
/// audit event) commits whole or not at all. Repositories called inside the callback join the transaction.
/// The callback must be synchronous: the transaction is bound to the calling thread.
/// </summary>
public interface ITrainingStore
{
    T Write<T>(Func<T> change);
}

public static class TrainingStoreExtensions
{
    /// <summary>A change with no result.</summary>
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
