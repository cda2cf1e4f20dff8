using System.Collections.Concurrent;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Every committed officer in memory, by key, by national police ID and, per Member State, in name order with
/// search postings (<see cref="RosterSnapshot"/>). Reads (a single officer, a search, a page of the roster, the
/// whole State for matching) never touch the database; the database stays the durable copy, loaded once at start.
/// <para>
/// The officers held are shared: read them, never change them (the repository hands out copies to change). Readers
/// see only committed officers; the single writer sees its own transaction's staged changes over them, and the
/// staging is published once the transaction commits, or forgotten when it is undone.
/// </para>
/// </summary>
public sealed class OfficerDirectory : IOfficerDirectory
{
    private readonly TrainingDatabase _database;
    private readonly ILogger<OfficerDirectory>? _log;
    private readonly ConcurrentDictionary<string, Officer> _byKey;
    private readonly ConcurrentDictionary<PoliceId, Officer> _byPoliceId;
    private readonly ConcurrentDictionary<string, StateRoster> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Officer?> _staged = new(StringComparer.Ordinal);
    private long _stagedIn = -1;
    /// <summary>True once a roster image was left for the next start: written and read on the writer's thread only.</summary>
    private bool _imageLeft;

    /// <summary>
    /// Loads every officer and builds every State's snapshot, so no caller ever waits for one. The host builds this
    /// before it takes any call, so no change can commit while it loads. Officers come from the roster image the
    /// service left at its last clean stop when the file holds one it can trust (<see cref="RosterImage"/>), else from
    /// their documents, Member State by Member State, in chunks (see <see cref="TrainingDatabase.ReadInChunks{T}"/>).
    /// LiteDB is read on this one thread: its mapper builds the mapping of a type on first use without a lock, and two
    /// threads reading officers at once failed at start-up with "Collection was modified". Each State's snapshot is
    /// built on the pool while the next State is read (or, from the image, while the officers are indexed).
    /// </summary>
    public OfficerDirectory(TrainingDatabase database, IReferenceData reference, ILogger<OfficerDirectory>? log = null)
    {
        _database = database;
        _log = log;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var image = database.TakeRosterImage();
        var expected = (image?.Officers ?? 0) + 1000;
        _byKey = new(Environment.ProcessorCount, expected, StringComparer.Ordinal);
        _byPoliceId = new(Environment.ProcessorCount, expected, PoliceId.Comparer);
        if (image is not null)
        {
            // Reading allocates about four and a half times the image's plain bytes (88 MiB for 100,000 officers):
            // officers, their few unshared parts, the snapshots and the index entries. The image is read on every
            // core; then each State's snapshot is built on the pool while this thread indexes every officer (indexing
            // from several threads at once, the indexes' locks took 29 % of the load's CPU).
            using (StartUpAllocations.Hold(image.PlainBytes * 5))
            {
                var parts = image.Read();
                var snapshots = parts.SelectMany(part => part).GroupBy(officer => officer.RegionCode, StringComparer.Ordinal)
                    .Select(state => Load(state.Key, state.ToArray())).ToList();
                foreach (var part in parts)
                    foreach (var officer in part) Index(officer);
                Task.WaitAll(snapshots);
            }
            log?.LogInformation("Read {Officers} officers from the roster image of the last clean stop in {Milliseconds:0} ms",
                _byKey.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
        var regions = reference.MemberStates(new PageRequest(reference.MemberStateCount + 1, null)).Items.Select(m => m.RegionCode);
        var loading = new List<Task>();
        var compact = new OfficerCompaction();
        foreach (var region in regions)
        {
            var (from, to) = ($"{region}/", $"{region}0");
            var officers = new List<Officer>();
            foreach (var officer in database.ReadInChunks(database.Officers, from, to))
            {
                compact.Apply(officer);
                Index(officer);
                officers.Add(officer);
            }
            foreach (var state in officers.GroupBy(officer => officer.RegionCode, StringComparer.Ordinal))
                loading.Add(Load(state.Key, state.ToArray()));
        }
        Task.WaitAll(loading);
        if (_byKey.Count > 0)
            log?.LogInformation("Read {Officers} officers from their documents in {Milliseconds:0} ms (no roster image: first start, or the last stop was not clean)",
                _byKey.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Index(Officer officer)
    {
        _byKey[officer.Key] = officer;
        _byPoliceId[PoliceId.Of(officer)] = officer;
    }

    /// <summary>Builds the snapshot of a State's officers, as loaded, on the pool.</summary>
    private Task Load(string regionCode, Officer[] officers)
    {
        var state = _states.GetOrAdd(regionCode, _ => new StateRoster());
        return Task.Run(() => state.Load(officers));
    }

    /// <summary>
    /// At a clean stop (the host has stopped taking calls, the database is still open): leaves the roster image for the
    /// next start, in the single writer, where what is held here is exactly what the file holds. A change to an
    /// officer committed after it (a call that outlived the stop) takes the image back in its own transaction (see
    /// <see cref="Stage"/>). If it cannot be written the next start reads the documents instead: nothing is lost.
    /// </summary>
    public void LeaveRosterImage()
    {
        if (_database.InMemory) return;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var officers = _database.Write(() =>
            {
                var held = _byKey.Values.ToList();
                RosterImage.Store(_database, held);
                _imageLeft = true;
                return held.Count;
            });
            _log?.LogInformation("Left a roster image of {Officers} officers for the next start in {Milliseconds:0} ms",
                officers, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException or InvalidOperationException or ObjectDisposedException or ServiceStoppingException)
        {
            _log?.LogWarning("No roster image left for the next start, which will read every officer's document instead: {Reason}", e.Message);
        }
    }

    /// <summary>The officer under <c>{region}/{id}</c>, shared; on the writer's thread, as its transaction has it.</summary>
    public Officer? Find(string key)
    {
        if (_database.InWriter && CurrentStage().TryGetValue(key, out var staged)) return staged;
        return _byKey.GetValueOrDefault(key);
    }

    /// <summary>The officer of a State holding a national police ID (compared as <see cref="OfficerKeys.PoliceIdKey"/> does), shared.</summary>
    public Officer? FindByPoliceId(string regionCode, string nationalPoliceId)
    {
        var id = new PoliceId(regionCode, nationalPoliceId);
        if (_database.InWriter)
        {
            var stage = CurrentStage();
            foreach (var staged in stage.Values)
                if (staged is not null && PoliceId.Comparer.Equals(PoliceId.Of(staged), id)) return staged;
            return _byPoliceId.TryGetValue(id, out var holder) && !stage.ContainsKey(holder.Key) ? holder : null;
        }
        return _byPoliceId.GetValueOrDefault(id);
    }

    /// <summary>One State's committed roster in name order, with its search postings.</summary>
    public RosterSnapshot Roster(string regionCode) =>
        _states.TryGetValue(regionCode, out var state) ? state.Snapshot() : RosterSnapshot.Empty;

    public IReadOnlyList<Officer> OfficersOf(string regionCode) => Roster(regionCode).Officers;

    public IEnumerable<Officer> Holding(string regionCode, IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills) =>
        Roster(regionCode).Holding(languages, skills);

    /// <summary>The Member States with at least one officer, in code order.</summary>
    public IReadOnlyList<string> MemberStates => _states.Where(s => s.Value.Count > 0).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Called by the repository with what a change writes (null: deleted): seen by the writer at once, by everyone
    /// once committed. The officer given must not be changed afterwards.
    /// </summary>
    public void Stage(string key, Officer? officer)
    {
        if (!_database.InWriter) throw new InvalidOperationException("Officers change only inside the single writer.");
        if (_imageLeft)
        {
            RosterImage.Forget(_database);
            _imageLeft = false;
        }
        CurrentStage()[key] = officer;
        _database.AfterCommit(() => Publish(key, officer));
    }

    private Dictionary<string, Officer?> CurrentStage()
    {
        var transaction = _database.WriterTransaction;
        if (_stagedIn != transaction)
        {
            _staged.Clear();
            _stagedIn = transaction;
        }
        return _staged;
    }

    /// <summary>Runs on the writer's thread (after commit, or while loading): the single publisher.</summary>
    private void Publish(string key, Officer? officer)
    {
        if (_byKey.TryGetValue(key, out var before))
        {
            var id = PoliceId.Of(before);
            if (_byPoliceId.TryGetValue(id, out var holder) && holder.Key == key) _byPoliceId.TryRemove(id, out _);
            _states.GetOrAdd(before.RegionCode, _ => new StateRoster()).Remove(key);
        }
        if (officer is null)
        {
            _byKey.TryRemove(key, out _);
            return;
        }
        _byKey[key] = officer;
        _byPoliceId[PoliceId.Of(officer)] = officer;
        _states.GetOrAdd(officer.RegionCode, _ => new StateRoster()).Put(key, officer);
    }

    /// <summary>
    /// A national police ID within its State, keyed on the officer's own strings: the same officers as
    /// <see cref="OfficerKeys.PoliceIdKey"/> (region exact, the ID trimmed and compared without case) without making a
    /// key string for each of them.
    /// </summary>
    private readonly record struct PoliceId(string RegionCode, string Number)
    {
        public static readonly IEqualityComparer<PoliceId> Comparer = new SameId();

        public static PoliceId Of(Officer officer) => new(officer.RegionCode, officer.NationalPoliceId);

        private sealed class SameId : IEqualityComparer<PoliceId>
        {
            public bool Equals(PoliceId x, PoliceId y) =>
                string.Equals(x.RegionCode, y.RegionCode, StringComparison.Ordinal)
                && x.Number.AsSpan().Trim().Equals(y.Number.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

            public int GetHashCode(PoliceId id) =>
                HashCode.Combine(string.GetHashCode(id.RegionCode), string.GetHashCode(id.Number.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// One State's officers: the snapshot last built, and the changes published since, folded into a new snapshot by
    /// the first reader after them. The officers are held by the snapshot alone (a second map of them per State was
    /// 4 MB for 100,000).
    /// </summary>
    private sealed class StateRoster
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, Officer?> _changes = new(StringComparer.Ordinal);
        private RosterSnapshot _snapshot = RosterSnapshot.Empty;

        public int Count => Snapshot().Officers.Count;

        public void Put(string key, Officer officer)
        {
            lock (_gate) _changes[key] = officer;
        }

        public void Remove(string key)
        {
            lock (_gate) _changes[key] = null;
        }

        /// <summary>Takes the State's officers as loaded at start, before any change can commit.</summary>
        public void Load(Officer[] officers)
        {
            var snapshot = RosterSnapshot.Of(officers);
            lock (_gate) _snapshot = snapshot;
        }

        public RosterSnapshot Snapshot()
        {
            lock (_gate)
            {
                if (_changes.Count == 0) return _snapshot;
                var kept = _snapshot.Officers.Where(o => !_changes.ContainsKey(o.Key));
                var changed = _changes.Values.OfType<Officer>();
                _snapshot = RosterSnapshot.Of(kept.Concat(changed));
                _changes.Clear();
                _changes.TrimExcess();
                return _snapshot;
            }
        }
    }
}
