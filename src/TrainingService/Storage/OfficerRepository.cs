using LiteDB;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Officers, keyed <c>{region}/{id}</c>. Lists and searches read the unique <c>NameKey</c> index in order
/// (State, family name, given name, id), so a page token is simply the last name key seen. A name-prefix
/// search narrows through the multikey <c>NameTokens</c> index; an ID search through <c>PoliceIdKey</c>.
/// </summary>
public sealed class OfficerRepository(TrainingDatabase database, OfficerDirectory directory) : IOfficerRepository
{
    private ILiteCollection<Officer> Officers => database.Officers;

    public Officer? Get(string regionCode, string officerId) => Officers.FindById(OfficerKeys.Key(regionCode, officerId));

    public Officer? FindByNationalPoliceId(string regionCode, string nationalPoliceId)
    {
        var key = OfficerKeys.PoliceIdKey(regionCode, nationalPoliceId);
        return Officers.FindOne(Filters.Eq("PoliceIdKey", key));
    }

    public void Insert(Officer officer)
    {
        Officers.Insert(officer);
        directory.Changed(officer.RegionCode, officer.Key);
    }

    public void Update(Officer officer)
    {
        Officers.Update(officer);
        directory.Changed(officer.RegionCode, officer.Key);
    }

    public void Delete(Officer officer)
    {
        Officers.Delete(officer.Key);
        directory.Changed(officer.RegionCode, officer.Key);
    }

    public int Count(string regionCode)
    {
        var (from, to) = OfficerKeys.StateRange(regionCode);
        return Officers.Query().Where(Filters.Gte("NameKey", from)).Where(Filters.Lt("NameKey", to)).Count();
    }

    public Page<Officer> List(IReadOnlyCollection<string>? regionCodes, PageRequest page) =>
        Keyset.Take(InNameOrder(regionCodes, page.AfterKey), o => o.NameKey, page.Size);

    public Page<Officer> Search(OfficerQuery query, PageRequest page)
    {
        IEnumerable<Officer> candidates;
        if (!string.IsNullOrWhiteSpace(query.NationalPoliceId))
        {
            var keys = (query.RegionCodes ?? AllRegionsWithOfficers())
                .Select(r => OfficerKeys.PoliceIdKey(r, query.NationalPoliceId))
                .Select(k => new BsonValue(k));
            candidates = Officers.Find(Filters.In("PoliceIdKey", keys))
                .OrderBy(o => o.NameKey, StringComparer.Ordinal)
                .Where(o => After(o, page.AfterKey));
        }
        else if (query.FoldedNamePrefix is { } prefix && !prefix.Contains('%') && !prefix.Contains('_'))
        {
            // The token index holds every folded word of both names; officers whose several words share
            // the prefix appear once per word, hence the distinct. (LIKE wildcards in a prefix fall back to the
            // ordered scan below, where Matches compares literally.)
            candidates = Officers.Find(BsonExpression.Create("$.NameTokens[*] ANY LIKE @0", prefix + "%"))
                .DistinctBy(o => o.Key)
                .Where(o => After(o, page.AfterKey))
                .OrderBy(o => o.NameKey, StringComparer.Ordinal);
        }
        else
        {
            candidates = InNameOrder(query.RegionCodes, page.AfterKey);
        }
        return Keyset.Take(candidates.Where(query.Matches), o => o.NameKey, page.Size);
    }

    /// <summary>Officers of the States (null: all) in name-key order, lazily, after a key.</summary>
    private IEnumerable<Officer> InNameOrder(IReadOnlyCollection<string>? regionCodes, string? afterKey)
    {
        if (regionCodes is null) return Range(afterKey, null);
        return regionCodes.Distinct().Order(StringComparer.Ordinal).SelectMany(region =>
        {
            var (from, to) = OfficerKeys.StateRange(region);
            if (afterKey is not null && string.CompareOrdinal(afterKey, to) >= 0) return [];
            var start = afterKey is not null && string.CompareOrdinal(afterKey, from) >= 0 ? afterKey : null;
            return Range(start ?? from, to, inclusiveFrom: start is null);
        });
    }

    private IEnumerable<Officer> Range(string? from, string? to, bool inclusiveFrom = false)
    {
        var query = Officers.Query();
        if (from is not null) query = query.Where(inclusiveFrom ? Filters.Gte("NameKey", from) : Filters.Gt("NameKey", from));
        if (to is not null) query = query.Where(Filters.Lt("NameKey", to));
        return query.OrderBy("NameKey").ToEnumerable();
    }

    private IEnumerable<string> AllRegionsWithOfficers() =>
        database.Lite.GetCollection<Domain.Reference.MemberState>("member_states").FindAll().Select(m => m.RegionCode);

    private static bool After(Officer officer, string? afterKey) =>
        afterKey is null || string.CompareOrdinal(officer.NameKey, afterKey) > 0;
}
