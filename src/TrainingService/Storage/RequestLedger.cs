using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>
/// The request ids already used (AIP-155), stored with what each created. Nearly every id asked about is new, and a
/// LiteDB lookup parses and plans a query each time, inside the single writer: so the ledger keeps the hash of every
/// key it holds and answers "never seen" from memory, reading the database only when the hash is known. A hash of a
/// key that was then rolled back, or two keys sharing a hash, only cost that read: the answer comes from the file.
/// </summary>
public sealed class RequestLedger : IRequestLedger
{
    private readonly TrainingDatabase _database;
    private readonly TimeProvider _clock;
    private readonly HashSet<int> _known = [];
    private readonly Lock _gate = new();

    public RequestLedger(TrainingDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        // Built before the host takes a call: no request id can be remembered meanwhile.
        foreach (var entry in database.ReadInChunks(database.RequestLedger)) _known.Add(Hash(entry.Key));
    }

    public RequestRecord? Find(string key)
    {
        lock (_gate)
            if (!_known.Contains(Hash(key))) return null;
        return _database.RequestLedger.FindById(key) is { } entry ? new RequestRecord(entry.ResourceName, entry.Fingerprint ?? "") : null;
    }

    public void Remember(RequestKey key, string resourceName)
    {
        _database.RequestLedger.Insert(new RequestLedgerEntry
        {
            Key = key.Key,
            ResourceName = resourceName,
            Fingerprint = key.Fingerprint,
            CreateTime = _clock.UtcNow(),
        });
        lock (_gate) _known.Add(Hash(key.Key));
    }

    private static int Hash(string key) => StringComparer.Ordinal.GetHashCode(key);
}
