using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Service.Domain.Common;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>The single writer's promises, one by one, on an in-memory database.</summary>
public sealed class WriterTests : IDisposable
{
    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();

    private ILiteCollection<BsonDocument> Things => _database.Lite.GetCollection("things");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ARefusalThatWroteNothing_FailsAlone_AndTheRestOfItsBatchCommits()
    {
        var (release, held) = HoldTheWriter();
        var first = _database.WriteAsync(() => Things.Insert(Thing("first")));
        var refused = _database.WriteAsync<int>(() => throw new RuleViolationException("SESSION_FULL", "s", "Full."));
        var last = _database.WriteAsync(() => Things.Insert(Thing("last")));
        release();
        await held;

        await first;
        await last;
        await Assert.ThrowsAsync<RuleViolationException>(() => refused);
        Assert.Equal(["first", "last"], Names());
    }

    [Fact]
    public async Task AChangeThatFailsAfterWriting_IsUndone_AndOnlyIt()
    {
        var (release, held) = HoldTheWriter();
        var before = _database.WriteAsync(() => Things.Insert(Thing("before")));
        var broken = _database.WriteAsync<int>(() =>
        {
            Things.Insert(Thing("half"));
            throw new InvalidOperationException("failed half-way");
        });
        var after = _database.WriteAsync(() => Things.Insert(Thing("after")));
        release();
        await held;

        await before;
        await after;
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken);
        Assert.Equal(["after", "before"], Names());
    }

    [Fact]
    public async Task AChangeWhoseCallerGaveUpBeforeItsTurn_IsNeverRun()
    {
        var (release, held) = HoldTheWriter();
        using var giveUp = new CancellationTokenSource();
        var ran = false;
        var abandoned = _database.WriteAsync(() =>
        {
            ran = true;
            return Things.Insert(Thing("abandoned"));
        }, giveUp.Token);
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        release();
        await held;
        await _database.WriteAsync(() => Things.Insert(Thing("next")));
        Assert.False(ran);
        Assert.Equal(["next"], Names());
    }

    [Fact]
    public async Task ThousandsOfConcurrentChanges_AllCommit_InGroups()
    {
        var changes = Enumerable.Range(0, 2000).Select(i => Task.Run(() => _database.WriteAsync(() => Things.Insert(Thing($"t{i:D4}"))))).ToArray();
        await Task.WhenAll(changes);
        Assert.Equal(2000, Things.Count());
    }

    [Fact]
    public void AChangeOutsideTheWriter_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Things.Insert(Thing("sneaky")));
        Assert.Contains("outside the single writer", error.Message);
    }

    [Fact]
    public async Task AQueryReadOnAnotherThreadThanItsOwn_IsRefused_InsteadOfLeakingItsLock()
    {
        await _database.WriteAsync(() => Things.InsertBulk(Enumerable.Range(0, 10).Select(i => Thing($"t{i}"))));
        using var cursor = Things.Query().ToEnumerable().GetEnumerator();
        Assert.True(cursor.MoveNext());

        var error = await Task.Run(() => Assert.Throws<InvalidOperationException>(() => cursor.MoveNext()));

        Assert.Contains("another thread", error.Message);
        while (cursor.MoveNext()) { }
    }

    [Fact]
    public async Task WhenBeginningATransactionFails_EveryQueuedCallerGetsTheFailure_AndTheWriterGoesOn()
    {
        var writer = new Writer(NullLogger.Instance, new WriterMetrics());
        var flaky = new FlakyEngine(new LiteEngine(new EngineSettings { DataStream = new MemoryStream() }));
        var guarded = new GuardedEngine(flaky, writer);
        using var lite = new LiteDatabase(guarded);
        writer.Start(lite, guarded, () => { });
        var things = lite.GetCollection("things");
        var (started, gate) = (new ManualResetEventSlim(), new ManualResetEventSlim());
        var held = writer.RunAsync(() =>
        {
            started.Set();
            return gate.Wait(TimeSpan.FromSeconds(30));
        });
        started.Wait(TimeSpan.FromSeconds(30));
        flaky.FailNextBegin = true;
        var queued = Enumerable.Range(0, 5).Select(i => writer.RunAsync(() => things.Insert(Thing($"q{i}")))).ToList();
        gate.Set();
        await held;

        foreach (var change in queued) await Assert.ThrowsAsync<LiteException>(() => change);
        await writer.RunAsync(() => things.Insert(Thing("after")));
        Assert.Equal(1, things.Count());
        writer.Dispose();
    }

    /// <summary>Holds the writer's thread in a change until released, so what is queued meanwhile forms one batch.</summary>
    private (Action Release, Task Held) HoldTheWriter()
    {
        var (started, gate) = (new ManualResetEventSlim(), new ManualResetEventSlim());
        var held = _database.WriteAsync(() =>
        {
            started.Set();
            return gate.Wait(TimeSpan.FromSeconds(30));
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        return (gate.Set, held);
    }

    private List<string> Names() => Things.FindAll().Select(d => d["name"].AsString).Order(StringComparer.Ordinal).ToList();

    private static BsonDocument Thing(string name) => new() { ["_id"] = name, ["name"] = name };

    /// <summary>An engine whose next BeginTrans fails, as when LiteDB refuses a transaction.</summary>
    private sealed class FlakyEngine(ILiteEngine inner) : ILiteEngine
    {
        public bool FailNextBegin { get; set; }

        public bool BeginTrans()
        {
            if (!FailNextBegin) return inner.BeginTrans();
            FailNextBegin = false;
            throw new LiteException(0, "Maximum number of transactions reached");
        }

        public int Checkpoint() => inner.Checkpoint();
        public long Rebuild(RebuildOptions options) => inner.Rebuild(options);
        public bool Commit() => inner.Commit();
        public bool Rollback() => inner.Rollback();
        public IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);
        public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => inner.Insert(collection, docs, autoId);
        public int Update(string collection, IEnumerable<BsonDocument> docs) => inner.Update(collection, docs);
        public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => inner.UpdateMany(collection, transform, predicate);
        public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => inner.Upsert(collection, docs, autoId);
        public int Delete(string collection, IEnumerable<BsonValue> ids) => inner.Delete(collection, ids);
        public int DeleteMany(string collection, BsonExpression predicate) => inner.DeleteMany(collection, predicate);
        public bool DropCollection(string name) => inner.DropCollection(name);
        public bool RenameCollection(string name, string newName) => inner.RenameCollection(name, newName);
        public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => inner.EnsureIndex(collection, name, expression, unique);
        public bool DropIndex(string collection, string name) => inner.DropIndex(collection, name);
        public BsonValue Pragma(string name) => inner.Pragma(name);
        public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);
        public void Dispose() => inner.Dispose();
    }
}
