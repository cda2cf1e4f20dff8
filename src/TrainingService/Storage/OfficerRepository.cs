using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Officers, keyed <c>{region}/{id}</c>: written to the database and staged in the in-memory
/// <see cref="OfficerDirectory"/>, which serves every read. Lists and searches go in name-key order (State, family
/// name, given name, id), so a page token is simply the last name key seen. Officers handed out are copies: the
/// caller may change them and write them back.
/// </summary>
public sealed class OfficerRepository(TrainingDatabase database, OfficerDirectory directory) : IOfficerRepository
{
    public Officer? Get(string regionCode, string officerId) => directory.Find(OfficerKeys.Key(regionCode, officerId))?.Copy();

    public Officer? FindByNationalPoliceId(string regionCode, string nationalPoliceId) =>
        directory.FindByPoliceId(regionCode, nationalPoliceId)?.Copy();

    public void Insert(Officer officer)
    {
        database.Officers.Insert(officer);
        directory.Stage(officer.Key, officer.Copy());
    }

    public void Update(Officer officer)
    {
        database.Officers.Update(officer);
        directory.Stage(officer.Key, officer.Copy());
    }

    public void Delete(Officer officer)
    {
        database.Officers.Delete(officer.Key);
        directory.Stage(officer.Key, null);
    }

    public int Count(string regionCode) => directory.Roster(regionCode).Officers.Count;

    public Page<Officer> List(IReadOnlyCollection<string>? regionCodes, PageRequest page) =>
        Keyset.Take(InNameOrder(regionCodes, page.AfterKey, (roster, after) => roster.After(after, page.Size + 1)), o => o.NameKey, page.Size);

    public Page<Officer> Search(OfficerQuery query, PageRequest page)
    {
        if (!string.IsNullOrWhiteSpace(query.NationalPoliceId))
        {
            var holders = (query.RegionCodes ?? directory.MemberStates)
                .Select(region => directory.FindByPoliceId(region, query.NationalPoliceId))
                .OfType<Officer>()
                .Where(query.Matches)
                .Where(o => page.AfterKey is null || string.CompareOrdinal(o.NameKey, page.AfterKey) > 0)
                .OrderBy(o => o.NameKey, StringComparer.Ordinal);
            return Keyset.Take(holders, o => o.NameKey, page.Size);
        }
        return Keyset.Take(InNameOrder(query.RegionCodes, page.AfterKey, (roster, after) => roster.Search(query, after, page.Size + 1)),
            o => o.NameKey, page.Size);
    }

    /// <summary>
    /// What <paramref name="read"/> gives of each State's roster (null: all States), States in code order — name keys
    /// start with the region code, so that is name-key order across States — resuming after <paramref name="afterKey"/>.
    /// </summary>
    private IEnumerable<Officer> InNameOrder(IReadOnlyCollection<string>? regionCodes, string? afterKey,
        Func<RosterSnapshot, string?, IEnumerable<Officer>> read)
    {
        var regions = (regionCodes ?? directory.MemberStates).Distinct().Order(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var (from, to) = OfficerKeys.StateRange(region);
            if (afterKey is not null && string.CompareOrdinal(afterKey, to) >= 0) continue;
            var after = afterKey is not null && string.CompareOrdinal(afterKey, from) >= 0 ? afterKey : null;
            foreach (var officer in read(directory.Roster(region), after)) yield return officer;
        }
    }
}
