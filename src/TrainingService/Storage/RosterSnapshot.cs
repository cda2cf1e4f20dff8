using Training.Service.Domain.Catalog;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// One Member State's committed roster at a moment: its officers in name-key order, and postings — for each
/// language at each CEFR level (held in all four skills), each specialist skill at each level, each gender and each
/// availability, the officers who qualify, also in name-key order. A search walks the shortest posting among its
/// criteria and checks the rest officer by officer, so a rare criterion costs less than a broad one.
/// Immutable once built: readers share it.
/// </summary>
public sealed class RosterSnapshot
{
    public static readonly RosterSnapshot Empty = new([], [], new Dictionary<string, int[]>(StringComparer.Ordinal));

    private readonly string[] _nameKeys;
    private readonly Dictionary<string, int[]> _postings;

    private RosterSnapshot(Officer[] officers, string[] nameKeys, Dictionary<string, int[]> postings)
    {
        Officers = officers;
        _nameKeys = nameKeys;
        _postings = postings;
    }

    /// <summary>Every officer of the State, anonymised ones included, in name-key order.</summary>
    public IReadOnlyList<Officer> Officers { get; }

    public static RosterSnapshot Of(IEnumerable<Officer> officers)
    {
        var keyed = officers.Select(o => (NameKey: o.NameKey, Officer: o)).ToArray();
        Array.Sort(keyed, (a, b) => string.CompareOrdinal(a.NameKey, b.NameKey));
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Post(string term, int position)
        {
            if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
            list.Add(position);
        }
        for (var i = 0; i < keyed.Length; i++)
        {
            var officer = keyed[i].Officer;
            if (officer.Anonymized) continue;
            Post(GenderTerm(officer.Gender), i);
            Post(AvailabilityTerm(officer.Availability), i);
            foreach (var language in officer.Languages)
            {
                var floor = (int)new[] { language.Reading, language.Listening, language.Writing, language.Speaking }.Min();
                Post(LanguageTerm(language.LanguageCode, 0), i);
                for (var level = 1; level <= floor; level++) Post(LanguageTerm(language.LanguageCode, level), i);
            }
            foreach (var skill in officer.Skills)
                for (var level = 0; level <= (int)skill.Level; level++) Post(SkillTerm(skill.SkillCode, level), i);
        }
        return new RosterSnapshot(
            keyed.Select(k => k.Officer).ToArray(),
            keyed.Select(k => k.NameKey).ToArray(),
            postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The officers matching <paramref name="query"/> after <paramref name="afterKey"/> in name-key order, walking
    /// the narrowest posting the query allows; stops once <paramref name="take"/> are found.
    /// </summary>
    public IEnumerable<Officer> Search(OfficerQuery query, string? afterKey, int take)
    {
        var start = afterKey is null ? 0 : FirstAfter(afterKey);
        var posting = Narrowest(query);
        var found = 0;
        if (posting is null)
        {
            for (var i = start; i < Officers.Count && found < take; i++)
            {
                if (!query.Matches(Officers[i])) continue;
                found++;
                yield return Officers[i];
            }
            yield break;
        }
        var from = Array.BinarySearch(posting, start);
        for (var p = from < 0 ? ~from : from; p < posting.Length && found < take; p++)
        {
            var officer = Officers[posting[p]];
            if (!query.Matches(officer)) continue;
            found++;
            yield return officer;
        }
    }

    /// <summary>
    /// The officers who hold every language (at the level, in the skills required) and every skill (at the level)
    /// required, in name-key order; anonymised ones never.
    /// </summary>
    public IReadOnlyList<Officer> Holding(IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills)
    {
        var posting = Narrowest(languages, skills, null, null);
        var query = new OfficerQuery(null, null, null, skills, languages, null, null, null, default);
        var holding = new List<Officer>(posting?.Length ?? Officers.Count);
        if (posting is null)
        {
            foreach (var officer in Officers)
                if (query.Matches(officer)) holding.Add(officer);
        }
        else
        {
            foreach (var position in posting)
                if (query.Matches(Officers[position])) holding.Add(Officers[position]);
        }
        return holding;
    }

    /// <summary>Officers after <paramref name="afterKey"/> in name-key order, up to <paramref name="take"/>.</summary>
    public IEnumerable<Officer> After(string? afterKey, int take)
    {
        var start = afterKey is null ? 0 : FirstAfter(afterKey);
        for (var i = start; i < Officers.Count && i < start + take; i++) yield return Officers[i];
    }

    /// <summary>The shortest posting among the query's criteria (null: none applies, walk every officer).</summary>
    private int[]? Narrowest(OfficerQuery query) => Narrowest(query.Languages, query.Skills, query.Gender, query.Availability);

    private int[]? Narrowest(IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills, Gender? gender,
        Availability? availability)
    {
        var candidates = new List<string>();
        foreach (var language in languages)
        {
            var allFour = language.EffectiveSkills.Count >= 4;
            candidates.Add(LanguageTerm(language.LanguageCode, allFour ? (int)language.MinimumLevel : 0));
        }
        foreach (var skill in skills) candidates.Add(SkillTerm(skill.SkillCode, (int)skill.MinimumLevel));
        if (gender is { } g) candidates.Add(GenderTerm(g));
        if (availability is { } a) candidates.Add(AvailabilityTerm(a));
        int[]? narrowest = null;
        foreach (var term in candidates)
        {
            var posting = _postings.GetValueOrDefault(term, []);
            if (narrowest is null || posting.Length < narrowest.Length) narrowest = posting;
        }
        return narrowest;
    }

    /// <summary>The position of the first officer whose name key sorts after <paramref name="afterKey"/>.</summary>
    private int FirstAfter(string afterKey)
    {
        int low = 0, high = _nameKeys.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_nameKeys[middle], afterKey) <= 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static string LanguageTerm(string code, int level) => $"l:{code.ToLowerInvariant()}:{level}";

    private static string SkillTerm(string code, int level) => $"s:{code.ToLowerInvariant()}:{level}";

    private static string GenderTerm(Gender gender) => $"g:{(int)gender}";

    private static string AvailabilityTerm(Availability availability) => $"a:{(int)availability}";
}
