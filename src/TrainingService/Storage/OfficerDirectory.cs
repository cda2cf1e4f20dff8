using System.Collections.Concurrent;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// An in-memory copy of each Member State's committed roster, loaded on first use and kept current by the
/// officer repository: every committed write marks the officer stale, and the next reader reloads just the
/// stale ones. Readers therefore never see an uncommitted change, and never a change older than the last commit
/// before their call.
/// </summary>
public sealed class OfficerDirectory(TrainingDatabase database) : IOfficerDirectory
{
    private readonly ConcurrentDictionary<string, StateRoster> _states = new();

    public IReadOnlyList<Officer> OfficersOf(string regionCode) =>
        _states.GetOrAdd(regionCode, _ => new StateRoster()).Snapshot(database, regionCode);

    /// <summary>Marks an officer stale once the current transaction commits.</summary>
    public void Changed(string regionCode, string officerKey) =>
        database.AfterCommit(() => _states.GetOrAdd(regionCode, _ => new StateRoster()).MarkStale(officerKey));

    private sealed class StateRoster
    {
        private readonly object _gate = new();
        private readonly ConcurrentQueue<string> _stale = new();
        private Dictionary<string, Officer>? _officers;
        private Officer[] _snapshot = [];

        public void MarkStale(string officerKey) => _stale.Enqueue(officerKey);

        public IReadOnlyList<Officer> Snapshot(TrainingDatabase database, string regionCode)
        {
            lock (_gate)
            {
                if (_officers is null)
                {
                    _stale.Clear();
                    var (from, to) = OfficerKeys.StateRange(regionCode);
                    _officers = database.Officers.Query()
                        .Where(Filters.Gte("NameKey", from)).Where(Filters.Lt("NameKey", to))
                        .ToEnumerable().ToDictionary(o => o.Key);
                    _snapshot = [.. _officers.Values];
                }
                if (_stale.IsEmpty) return _snapshot;
                while (_stale.TryDequeue(out var key))
                {
                    if (database.Officers.FindById(key) is { } officer) _officers[key] = officer;
                    else _officers.Remove(key);
                }
                _snapshot = [.. _officers.Values];
                return _snapshot;
            }
        }
    }
}
