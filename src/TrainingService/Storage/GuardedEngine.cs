using LiteDB;
using LiteDB.Engine;

namespace Training.Service.Storage;

/// <summary>
/// LiteDB's engine as this service is allowed to use it. LiteDB binds a transaction and its read lock to the
/// OS thread that opened it, so two misuses corrupt its locking silently: a query cursor read (or disposed) on
/// another thread than the one that opened it — a lazily enumerated query kept across an <c>await</c> — leaks
/// a read lock on the first thread, which later faults with <see cref="LockRecursionException"/> and blocks
/// every checkpoint for good; and a change made outside the single writer's transaction escapes its
/// serialisation. Both are refused here, loudly, at the point of the mistake. The engine also counts the
/// changes it is asked to make, so the writer knows whether a failed change left anything to undo.
/// </summary>
internal sealed class GuardedEngine(ILiteEngine inner, Writer writer) : ILiteEngine
{
    /// <summary>Changes attempted so far (a change that throws half-way may still have written pages).</summary>
    public long ChangesAttempted { get; private set; }

    public IBsonDataReader Query(string collection, Query query) => new ThreadBoundReader(inner.Query(collection, query));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        Change();
        return inner.Insert(collection, docs, autoId);
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        Change();
        return inner.Update(collection, docs);
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        Change();
        return inner.UpdateMany(collection, transform, predicate);
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        Change();
        return inner.Upsert(collection, docs, autoId);
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        Change();
        return inner.Delete(collection, ids);
    }

    public int DeleteMany(string collection, BsonExpression predicate)
    {
        Change();
        return inner.DeleteMany(collection, predicate);
    }

    public bool DropCollection(string name)
    {
        Change();
        return inner.DropCollection(name);
    }

    public bool RenameCollection(string name, string newName)
    {
        Change();
        return inner.RenameCollection(name, newName);
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    {
        Change();
        return inner.EnsureIndex(collection, name, expression, unique);
    }

    public bool DropIndex(string collection, string name)
    {
        Change();
        return inner.DropIndex(collection, name);
    }

    public bool BeginTrans()
    {
        WriterThread();
        return inner.BeginTrans();
    }

    public bool Commit()
    {
        WriterThread();
        return inner.Commit();
    }

    public bool Rollback()
    {
        WriterThread();
        return inner.Rollback();
    }

    public int Checkpoint() => inner.Checkpoint();

    public long Rebuild(RebuildOptions options) => inner.Rebuild(options);

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);

    public void Dispose() => inner.Dispose();

    private void Change()
    {
        if (!writer.InChange)
            throw new InvalidOperationException(
                "A database change was made outside the single writer: run it inside TrainingDatabase.Write/WriteAsync.");
        ChangesAttempted++;
    }

    private void WriterThread()
    {
        if (!writer.OnThread) throw new InvalidOperationException("Only the single writer begins and ends transactions.");
    }

    /// <summary>A query cursor that may be read and closed only on the thread that opened it.</summary>
    private sealed class ThreadBoundReader(IBsonDataReader reader) : IBsonDataReader
    {
        private readonly int _thread = Environment.CurrentManagedThreadId;

        public BsonValue this[string field] => reader[field];
        public string Collection => reader.Collection;
        public BsonValue Current => reader.Current;
        public bool HasValues => reader.HasValues;

        public bool Read()
        {
            SameThread();
            return reader.Read();
        }

        public void Dispose()
        {
            SameThread();
            reader.Dispose();
        }

        private void SameThread()
        {
            if (Environment.CurrentManagedThreadId != _thread)
                throw new InvalidOperationException(
                    "A database query was read on another thread than the one that opened it (a lazy query kept across " +
                    "an await?). Materialise query results (ToList) before any await.");
        }
    }
}
