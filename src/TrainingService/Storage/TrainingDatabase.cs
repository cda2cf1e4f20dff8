using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Service.Domain.Audit;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Roster;
using Training.Service.Security;

namespace Training.Service.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process, its mapping and indexes, and the single writer.
/// </summary>
public sealed class TrainingDatabase : ITrainingStore, IDisposable
{
    /// <summary>LiteDB's page size: files are whole pages.</summary>
    private const int PageSize = 8192;

    /// <summary>
    /// LiteDB checkpoints its log into the data file after a commit only when no reader is active at that instant,
    /// which a busy service rarely offers; past this size the writer checkpoints anyway, waiting for the readers
    /// of the moment (they are short), so the log stays bounded.
    /// </summary>
    private const long LogCheckpointBytes = 16L * 1024 * 1024;

    private readonly DatabaseLock? _lock;
    private readonly Writer _writer;
    private readonly string? _logPath;
    private readonly ILogger _log;
    private readonly WriterMetrics _metrics;
    private RosterImage? _rosterImage;

    private TrainingDatabase(ILiteEngine engine, DatabaseLock? fileLock, string? logPath, ILogger log, WriterMetrics? metrics)
    {
        _log = log;
        _metrics = metrics ?? new WriterMetrics();
        _writer = new Writer(log, _metrics);
        var guarded = new GuardedEngine(engine, _writer);
        Lite = new LiteDatabase(guarded, CreateMapper());
        // Dates come back as UTC (the default turns them into local time, which protobuf timestamps refuse).
        Lite.UtcDate = true;
        _lock = fileLock;
        _logPath = logPath;
        _writer.Start(Lite, guarded, AfterCommit);
        Officers = Lite.GetCollection<Officer>("officers");
        Courses = Lite.GetCollection<Course>("courses");
        Sessions = Lite.GetCollection<Session>("sessions");
        AuditEvents = Lite.GetCollection<AuditEvent>("audit_events");
        AccessTokens = Lite.GetCollection<AccessToken>("access_tokens");
        RequestLedger = Lite.GetCollection<RequestLedgerEntry>("request_ledger");
        Nominations = Lite.GetCollection<Nomination>("nominations");
        NominationEvents = Lite.GetCollection<NominationEventRecord>("nomination_events");
        FeedMarks = Lite.GetCollection<FeedMark>("feed_marks");
        Requests = Lite.GetCollection<Domain.Recruitment.RecruitmentRequest>("requests");
    }

    /// <summary>Brings the file to this release's shape (refusing one from a newer release), then its indexes.</summary>
    private TrainingDatabase Prepare(string name)
    {
        try
        {
            SchemaVersion.Migrate(this, name, _log);
            Write(EnsureIndexes);
            _rosterImage = RosterImage.Claim(this);
            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public LiteDatabase Lite { get; }
    public ILiteCollection<Officer> Officers { get; }
    public ILiteCollection<Course> Courses { get; }
    public ILiteCollection<Session> Sessions { get; }
    public ILiteCollection<AuditEvent> AuditEvents { get; }
    public ILiteCollection<AccessToken> AccessTokens { get; }
    public ILiteCollection<RequestLedgerEntry> RequestLedger { get; }
    public ILiteCollection<Nomination> Nominations { get; }
    public ILiteCollection<NominationEventRecord> NominationEvents { get; }
    public ILiteCollection<FeedMark> FeedMarks { get; }
    public ILiteCollection<Domain.Recruitment.RecruitmentRequest> Requests { get; }

    /// <summary>
    /// Opens (creating if needed) the database file, holding the file's lock for the life of this object. With a
    /// <paramref name="password"/> the file is encrypted (AES, LiteDB's own): a new file is created so, an existing one
    /// must have been. Its files are owner-only (see <see cref="OwnerOnlyFiles"/>).
    /// </summary>
    public static TrainingDatabase OpenFile(string path, ILogger? log = null, string? password = null, WriterMetrics? metrics = null)
    {
        log ??= NullLogger.Instance;
        OwnerOnlyFiles.ForThisProcess();
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        try
        {
            if (OwnerOnlyFiles.PrepareFolder(folder) is { } open) log.LogWarning("{Warning}", open);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderNotWritableException(fullPath, e);
        }
        var fileLock = DatabaseLock.Acquire(fullPath);
        try
        {
            fileLock.CropTornPage(PageSize);
            var logPath = System.IO.Path.Combine(folder,
                $"{System.IO.Path.GetFileNameWithoutExtension(fullPath)}-log{System.IO.Path.GetExtension(fullPath)}");
            foreach (var file in new[] { fullPath, logPath, fullPath + PageTokenKey.FileSuffix })
                if (OwnerOnlyFiles.Restrict(file) is { } warning) log.LogWarning("{Warning}", warning);
            DataFolderProbe.Check(fullPath);
            LiteEngine engine;
            try
            {
                engine = new LiteEngine(new EngineSettings { Filename = fullPath, Password = password, Collation = OrdinalCollation });
            }
            // LiteDB says "encrypted, needs a password" with error code 0.
            catch (LiteException e) when (e.ErrorCode is LiteException.NOT_ENCRYPTED or LiteException.INVALID_PASSWORD or LiteException.INVALID_DATABASE
                                          || (e.ErrorCode == 0 && password is null && e.Message.Contains("encrypted", StringComparison.Ordinal)))
            {
                throw DatabaseUnreadableException.For(fullPath, e, encrypted: password is not null);
            }
            return new TrainingDatabase(engine, fileLock, logPath, log, metrics).Prepare(fullPath);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database, for unit tests.</summary>
    public static TrainingDatabase OpenInMemory() =>
        new TrainingDatabase(new LiteEngine(new EngineSettings { DataStream = new MemoryStream(), Collation = OrdinalCollation }), null, null,
            NullLogger.Instance, null).Prepare("(in memory)");

    /// <summary>
    /// Keys compare byte for byte (LiteDB's default collation ignores case and culture-weights separators),
    /// so index order is the order keyset paging and unique keys assume.
    /// </summary>
    private static readonly Collation OrdinalCollation = new("en-US/Ordinal");

    public long Version => _writer.Commits;

    /// <summary>True for a database held in memory only (tests): nothing of it outlives the process.</summary>
    public bool InMemory => _lock is null;

    /// <summary>The roster image the file held when it opened, if it could be trusted (see <see cref="RosterImage"/>); given once.</summary>
    public RosterImage? TakeRosterImage() => Interlocked.Exchange(ref _rosterImage, null);

    /// <summary>
    /// Every document of a collection whose key lies in [<paramref name="from"/>, <paramref name="to"/>) (null: no
    /// bound), read in chunks of <paramref name="chunk"/> by key, each chunk a query of its own. LiteDB keeps every page
    /// a query reads in its cache until the query ends, and never gives cache memory back: one query over 100,000
    /// officers grew it by 150 MB for good; chunks reuse the same few pages. Meant for loading what is kept in memory,
    /// at start-up (there is no snapshot across chunks: nothing else may write meanwhile).
    /// </summary>
    public IEnumerable<T> ReadInChunks<T>(ILiteCollection<T> collection, string? from = null, string? to = null, int chunk = 2000)
    {
        // One BETWEEN, not ">= from" and "< to": given two ranges LiteDB walks the index by one and filters by the
        // other, and when it chose "< to" every chunk read every document before it again (18 CPU-s for a roster that
        // reads in 5). BETWEEN is inclusive at both ends, so the last document of the previous chunk comes back first
        // and is skipped, and a document whose key is exactly "to" is dropped.
        BsonValue low = from is null ? BsonValue.MinValue : new BsonValue(from);
        BsonValue high = to is null ? BsonValue.MaxValue : new BsonValue(to);
        var skipLow = false;
        while (true)
        {
            var page = collection.Query().Where(BsonExpression.Create("_id BETWEEN @0 AND @1", low, high)).Limit(chunk + 1).ToList();
            var start = skipLow && page.Count > 0 && IdOf(page[0]) == low ? 1 : 0;
            var end = to is not null && page.Count > start && IdOf(page[^1]) == high ? page.Count - 1 : page.Count;
            for (var i = start; i < end; i++) yield return page[i];
            if (page.Count <= chunk) yield break;
            low = IdOf(page[^1]);
            skipLow = true;
        }
    }

    private BsonValue IdOf<T>(T document) => Lite.Mapper.ToDocument(document)["_id"];

    /// <summary>Queues a change for the single writer and completes once it has committed durably (see <see cref="Writer"/>).</summary>
    public Task<T> WriteAsync<T>(Func<T> change, CancellationToken cancellation = default) => _writer.RunAsync(change, cancellation);

    /// <summary>
    /// Runs a change in the single writer's transaction: inside a change it joins it; elsewhere it blocks until
    /// committed, which only start-up and maintenance code may afford (requests use <see cref="WriteAsync{T}"/>).
    /// </summary>
    public T Write<T>(Func<T> change) => _writer.Run(change);

    /// <summary>A change with no result.</summary>
    public void Write(Action change) => _writer.Run(() =>
    {
        change();
        return true;
    });

    /// <summary>
    /// Runs <paramref name="action"/> once the current change has committed (e.g. telling live watchers);
    /// never if it is undone. Outside a change it runs at once.
    /// </summary>
    public void AfterCommit(Action action) => _writer.AfterCommit(action);

    /// <summary>Changes waiting for the single writer (for health figures and tests).</summary>
    internal int QueuedChanges => _writer.Queued;

    /// <summary>Changes dropped unrun because their caller gave up while they waited.</summary>
    internal long AbandonedChanges => _writer.Abandoned;

    /// <summary>The single writer's current transaction (see <see cref="Writer.Transaction"/>).</summary>
    internal long WriterTransaction => _writer.Transaction;

    /// <summary>True while the current thread runs a change for the single writer.</summary>
    public bool InWriter => _writer.InChange;

    /// <summary>
    /// Makes a commit durable: LiteDB writes its log with plain writes and syncs only at checkpoints, so the log
    /// file is synced to disk after every (group) commit. A sync on any handle of a file flushes all of it. Then
    /// keeps the log bounded (see <see cref="LogCheckpointBytes"/>).
    /// </summary>
    private void AfterCommit()
    {
        if (_logPath is null) return;
        try
        {
            using var log = new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            var syncing = System.Diagnostics.Stopwatch.GetTimestamp();
            log.Flush(flushToDisk: true);
            _metrics.SyncDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(syncing).TotalMilliseconds);
            if (log.Length > LogCheckpointBytes) Lite.Checkpoint();
        }
        catch (FileNotFoundException)
        {
            // No log yet or just checkpointed into the data file, which LiteDB syncs itself.
        }
    }

    /// <summary>
    /// The indexes LiteDB keeps. Officers and nominations are read from memory (see <see cref="OfficerDirectory"/>,
    /// <see cref="NominationIndex"/>), so their lookup indexes are gone — every index costs each write — and only
    /// what guards uniqueness or serves paging stays (files of schema 0 lose the old ones in <see cref="SchemaVersion"/>).
    /// </summary>
    private void EnsureIndexes()
    {
        Officers.EnsureIndex("PoliceIdKey", "$.PoliceIdKey", unique: true);
        Courses.EnsureIndex(c => c.Category);
        Sessions.EnsureIndex("StartKey", "$.StartKey", unique: true);
        Sessions.EnsureIndex(s => s.CourseId);
        AuditEvents.EnsureIndex("ActorKey", "$.ActorKey", unique: false);
        AccessTokens.EnsureIndex(t => t.SecretHash, unique: true);
        AccessTokens.EnsureIndex(t => t.CreateKey);
        Requests.EnsureIndex("DeadlineKey", "$.DeadlineKey", unique: true);
        Nominations.EnsureIndex(n => n.Ordinal, unique: true);
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        mapper.RegisterType(day => new BsonValue(day.DayNumber), bson => DateOnly.FromDayNumber(bson.AsInt32));

        // Computed fields are stored only where an index needs them (PoliceIdKey): every stored field costs each read.
        mapper.Entity<Officer>().Id(o => o.Key, autoId: false)
            .Ignore(o => o.Name).Ignore(o => o.DisplayName).Ignore(o => o.NameKey).Ignore(o => o.NameTokens);
        mapper.Entity<Course>().Id(c => c.Id, autoId: false).Ignore(c => c.Name);
        mapper.Entity<Session>().Id(s => s.Key, autoId: false).Ignore(s => s.Name);
        mapper.Entity<AuditEvent>().Id(e => e.Sequence, autoId: false);
        mapper.Entity<AccessToken>().Id(t => t.Id, autoId: false).Ignore(t => t.Name);
        mapper.Entity<RequestLedgerEntry>().Id(e => e.Key, autoId: false);
        mapper.Entity<Nomination>().Id(n => n.Key, autoId: false)
            .Ignore(n => n.Name).Ignore(n => n.OfficerName).Ignore(n => n.TargetName).Ignore(n => n.CreateKey).Ignore(n => n.IsLive);
        mapper.Entity<NominationEventRecord>().Id(e => e.Sequence, autoId: false);
        mapper.Entity<FeedMark>().Id(m => m.Id, autoId: false);
        mapper.Entity<Domain.Recruitment.RecruitmentRequest>().Id(r => r.Id, autoId: false).Ignore(r => r.Name);
        mapper.Entity<Domain.Reference.MemberState>().Id(m => m.RegionCode, autoId: false);
        mapper.Entity<Domain.Reference.Language>().Id(l => l.LanguageCode, autoId: false);
        mapper.Entity<Domain.Reference.Skill>().Id(s => s.SkillCode, autoId: false);
        mapper.Entity<Domain.Reference.Mission>().Id(m => m.MissionCode, autoId: false);
        MapperWarmUp.BuildAll(mapper, typeof(Officer), typeof(Course), typeof(Session), typeof(AuditEvent), typeof(AccessToken),
            typeof(RequestLedgerEntry), typeof(Nomination), typeof(NominationEventRecord), typeof(FeedMark),
            typeof(Domain.Recruitment.RecruitmentRequest), typeof(Domain.Reference.MemberState), typeof(Domain.Reference.Language),
            typeof(Domain.Reference.Skill), typeof(Domain.Reference.Mission));
        return mapper;
    }

    /// <summary>The schema version the file records (LiteDB's <c>UserVersion</c>).</summary>
    public int StoredSchemaVersion => Lite.UserVersion;

    /// <summary>Runs <paramref name="work"/> on the writer's thread between transactions, alone (see <see cref="Writer.RunExclusiveAsync{T}"/>).</summary>
    internal Task<T> RunExclusiveAsync<T>(Func<T> work, CancellationToken cancellation = default) => _writer.RunExclusiveAsync(work, cancellation);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destination"/> while the service keeps serving:
    /// inside the single writer, between two transactions, the log is folded into the data file and the data file is
    /// copied, so the copy holds every change committed before and none of any change after (changes queued meanwhile
    /// wait for the copy). An encrypted database's copy is encrypted with the same key. Returns the bytes copied.
    /// </summary>
    public Task<long> BackupToAsync(Stream destination, CancellationToken cancellation = default)
    {
        var fileLock = _lock ?? throw new InvalidOperationException("An in-memory database has no file to back up.");
        return _writer.RunExclusiveAsync(() =>
        {
            Lite.Checkpoint();
            var before = destination.Position;
            fileLock.CopyTo(destination);
            destination.Flush();
            return destination.Position - before;
        }, cancellation);
    }

    /// <summary>
    /// Whether the database can take changes: the last commit did not fail, and the data folder takes a small synced
    /// write (a full disk or a read-only mount refuses it). The reason when it cannot.
    /// </summary>
    public string? CannotWrite()
    {
        if (_writer.LastCommitFailed) return "The last commit failed.";
        if (_lock is null) return null;
        try
        {
            DataFolderProbe.Check(_lock.Path);
            return null;
        }
        catch (DataFolderNotWritableException e)
        {
            return e.Message;
        }
    }

    /// <summary>Lets queued changes finish, checkpoints the log into the data file and releases the file.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        Lite.Dispose();
        _lock?.Dispose();
    }
}

/// <summary>A request id already served, and what it created.</summary>
public sealed class RequestLedgerEntry
{
    public string Key { get; set; } = "";
    public string ResourceName { get; set; } = "";

    /// <summary>A hash of what the request asked, to tell a retry from a reuse of its id; null in older records.</summary>
    public string? Fingerprint { get; set; }

    public DateTime CreateTime { get; set; }
}
