using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public sealed class RequestLedger(TrainingDatabase database, TimeProvider clock) : IRequestLedger
{
    public RequestRecord? Find(string key) =>
        database.RequestLedger.FindById(key) is { } entry ? new RequestRecord(entry.ResourceName, entry.Fingerprint ?? "") : null;

    public void Remember(RequestKey key, string resourceName) =>
        database.RequestLedger.Insert(new RequestLedgerEntry
        {
            Key = key.Key,
            ResourceName = resourceName,
            Fingerprint = key.Fingerprint,
            CreateTime = clock.UtcNow(),
        });
}
