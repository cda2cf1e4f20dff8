using System.Collections.Concurrent;
using LiteDB;

namespace Training.Service.Storage;

/// <summary>
/// Every committed document of a small collection (courses, sessions, requests) in memory, by key, so that the
/// reads on every submission and every listing never touch the database. Readers see only what has committed; the
/// single writer sees its own transaction's staged changes over it; the staging is published once the transaction
/// commits, or forgotten when it is undone. Documents returned by <see cref="Find"/> are shared: never change them
/// — <see cref="Copy"/> gives one that may be changed and staged back.
/// </summary>
public sealed class CommittedView<T> where T : class
{
    private readonly TrainingDatabase _database;
    private readonly ConcurrentDictionary<string, T> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T?> _staged = new(StringComparer.Ordinal);
    private long _stagedIn = -1;
    private long _version;

    public CommittedView(TrainingDatabase database, ILiteCollection<T> collection, Func<T, string> key)
    {
        _database = database;
        // The host builds this before it takes any call, so no change can commit while it loads.
        foreach (var document in database.ReadInChunks(collection)) _committed[key(document)] = document;
    }

    /// <summary>Moves on every publication: what a reader derived from <see cref="All"/> at one version still holds.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The document under <paramref name="key"/>, shared; on the writer's thread, as its transaction has it.</summary>
    public T? Find(string key)
    {
        if (_database.InWriter && CurrentStage().TryGetValue(key, out var staged)) return staged;
        return _committed.GetValueOrDefault(key);
    }

    /// <summary>Every document, shared; on the writer's thread, as its transaction has them.</summary>
    public IReadOnlyList<T> All()
    {
        if (!_database.InWriter || CurrentStage().Count == 0) return _committed.Values.ToList();
        var all = new Dictionary<string, T>(_committed, StringComparer.Ordinal);
        foreach (var (key, document) in CurrentStage())
        {
            if (document is null) all.Remove(key);
            else all[key] = document;
        }
        return all.Values.ToList();
    }

    /// <summary>A deep copy, free to change (made through the database's mapper, so no field is ever left behind).</summary>
    public T Copy(T document)
    {
        var mapper = _database.Lite.Mapper;
        return mapper.ToObject<T>(mapper.ToDocument(document));
    }

    /// <summary>Records what a change writes (null: deleted). The document given must not be changed afterwards.</summary>
    public void Stage(string key, T? document)
    {
        if (!_database.InWriter) throw new InvalidOperationException("Documents change only inside the single writer.");
        CurrentStage()[key] = document;
        _database.AfterCommit(() =>
        {
            if (document is null) _committed.TryRemove(key, out _);
            else _committed[key] = document;
            Interlocked.Increment(ref _version);
        });
    }

    private Dictionary<string, T?> CurrentStage()
    {
        var transaction = _database.WriterTransaction;
        if (_stagedIn != transaction)
        {
            _staged.Clear();
            _stagedIn = transaction;
        }
        return _staged;
    }
}
