using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public sealed class RequestLedger(TrainingDatabase database, TimeProvider clock) : IRequestLedger
{
    public string? Find(string key) => database.RequestLedger.FindById(key)?.ResourceName;

    public void Remember(string key, string resourceName) =>
        database.RequestLedger.Insert(new RequestLedgerEntry
        {
            Key = key,
            ResourceName = resourceName,
            CreateTime = clock.UtcNow(),
        });
}
