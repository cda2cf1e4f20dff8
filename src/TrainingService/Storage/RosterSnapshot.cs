using System.Runtime.InteropServices;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// One Member State's committed roster at a moment: its officers in name-key order, and postings — for each
/// language at each CEFR level (held in all four skills), each specialist skill at each level, each gender and each
/// availability, the officers who qualify, also in name-key order. A search intersects the postings of its criteria,
/// led by the shortest, and checks what postings cannot say officer by officer: a rare criterion costs less than a
/// broad one, and several together cost what they share.
/// Immutable once built: readers share it.
/// </summary>
public sealed class RosterSnapshot
{
    public static readonly RosterSnapshot Empty = new([], new Dictionary<string, int[]>(StringComparer.Ordinal));

    private readonly Officer[] _officers;
    private readonly Dictionary<string, int[]> _postings;

    private RosterSnapshot(Officer[] officers, Dictionary<string, int[]> postings)
    {
        _officers = officers;
        _postings = postings;
    }

    /// <summary>Every officer of the State, anonymised ones included, in name-key order.</summary>
    public IReadOnlyList<Officer> Officers => _officers;

    public static RosterSnapshot Of(IEnumerable<Officer> officers)
    {
        var sorted = officers.ToArray();
        // Names repeat across a roster (and loaded ones are one string each): each is folded once, not once an officer.
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        string Fold(string name)
        {
            ref var fold = ref CollectionsMarshal.GetValueRefOrAddDefault(folded, name, out var exists);
            if (!exists) fold = NameFolding.Fold(name);
            return fold!;
        }
        var keys = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var officer = sorted[i];
            keys[i] = OfficerKeys.FoldedNameKey(officer.RegionCode, Fold(officer.FamilyName), Fold(officer.GivenName), officer.Id);
        }
        Array.Sort(keys, sorted, StringComparer.Ordinal);
        // Counted first, then filled: each posting is one array of its exact length, none grown and copied.
        var postings = new PostingsBuilder();
        for (var i = 0; i < sorted.Length; i++) postings.Visit(sorted[i], i, counting: true);
        postings.MakeRoom();
        for (var i = 0; i < sorted.Length; i++) postings.Visit(sorted[i], i, counting: false);
        return new RosterSnapshot(sorted, postings.Build());
    }

    /// <summary>The postings of a roster being built: one per term, found once per code rather than once per level.</summary>
    private sealed class PostingsBuilder
    {
        private readonly Dictionary<string, Posting> _byTerm = new(StringComparer.Ordinal);
        // Terms lower-case their code: codes differing only in case share postings, as their terms do.
        private readonly Dictionary<string, Posting[]> _languages = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Posting[]> _skills = new(StringComparer.OrdinalIgnoreCase);
        private readonly Posting?[] _genders = new Posting?[GenderTerms.Length];
        private readonly Posting?[] _availabilities = new Posting?[AvailabilityTerms.Length];

        public void Visit(Officer officer, int position, bool counting)
        {
            if (officer.Anonymized) return;
            ForEnum(_genders, (int)officer.Gender, GenderTerm(officer.Gender)).Post(position, counting);
            ForEnum(_availabilities, (int)officer.Availability, AvailabilityTerm(officer.Availability)).Post(position, counting);
            foreach (var language in officer.Languages)
            {
                var levels = ForCode(_languages, language.LanguageCode, (int)CefrLevel.C2 + 1, LanguageTerm);
                var floor = Math.Min(Math.Min((int)language.Reading, (int)language.Listening), Math.Min((int)language.Writing, (int)language.Speaking));
                for (var level = 0; level <= Math.Clamp(floor, 0, levels.Length - 1); level++) levels[level].Post(position, counting);
            }
            foreach (var skill in officer.Skills)
            {
                var levels = ForCode(_skills, skill.SkillCode, (int)SkillLevel.Expert + 1, SkillTerm);
                for (var level = 0; level <= Math.Min((int)skill.Level, levels.Length - 1); level++) levels[level].Post(position, counting);
            }
        }

        public void MakeRoom()
        {
            foreach (var posting in _byTerm.Values) posting.Positions = new int[posting.Count];
        }

        public Dictionary<string, int[]> Build() => _byTerm.ToDictionary(p => p.Key, p => p.Value.Positions, StringComparer.Ordinal);

        private Posting ForTerm(string term)
        {
            ref var posting = ref CollectionsMarshal.GetValueRefOrAddDefault(_byTerm, term, out var exists);
            if (!exists) posting = new Posting();
            return posting!;
        }

        private Posting ForEnum(Posting?[] byValue, int value, string term) =>
            value >= 0 && value < byValue.Length ? byValue[value] ??= ForTerm(term) : ForTerm(term);

        private Posting[] ForCode(Dictionary<string, Posting[]> byCode, string code, int levels, Func<string, int, string> term)
        {
            ref var postings = ref CollectionsMarshal.GetValueRefOrAddDefault(byCode, code, out var exists);
            if (!exists)
            {
                postings = new Posting[levels];
                for (var level = 0; level < levels; level++) postings[level] = ForTerm(term(code, level));
            }
            return postings!;
        }
    }

    /// <summary>One term's officers: counted in a first pass, written in a second.</summary>
    private sealed class Posting
    {
        public int Count;
        public int[] Positions = [];
        private int _filled;

        public void Post(int position, bool counting)
        {
            if (counting) Count++;
            else Positions[_filled++] = position;
        }
    }

    /// <summary>
    /// The officers matching <paramref name="query"/> after <paramref name="afterKey"/> in name-key order, walking
    /// the narrowest posting the query allows; stops once <paramref name="take"/> are found.
    /// </summary>
    public IEnumerable<Officer> Search(OfficerQuery query, string? afterKey, int take)
    {
        var start = afterKey is null ? 0 : FirstAfter(afterKey);
        var found = 0;
        foreach (var position in Positions(Postings(query.Languages, query.Skills, query.Gender, query.Availability), start))
        {
            if (found >= take) yield break;
            var officer = _officers[position];
            if (!query.Matches(officer)) continue;
            found++;
            yield return officer;
        }
    }

    /// <summary>
    /// The officers who hold every language (at the level, in the skills required) and every skill (at the level)
    /// required, in name-key order; anonymised ones never.
    /// </summary>
    public IEnumerable<Officer> Holding(IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills)
    {
        var positions = Positions(Postings(languages, skills, null, null), 0);
        if (languages.Count + skills.Count > 0 && PostingsAreExact(languages))
        {
            // The postings say it all: no officer need be read to be ruled out (reading 20,000 scattered officers
            // is most of what this would cost).
            foreach (var position in positions) yield return _officers[position];
            yield break;
        }
        var query = new OfficerQuery(null, null, null, skills, languages, null, null, null, default);
        foreach (var position in positions)
            if (query.Matches(_officers[position])) yield return _officers[position];
    }

    /// <summary>
    /// True when the postings of these requirements hold exactly the officers who meet them: every language is asked
    /// in all four skills (its posting is "this level in all four"); skill postings are exact at every level. (With no
    /// requirement there is no posting: every officer is walked and anonymised ones must be read to be left out.)
    /// </summary>
    private static bool PostingsAreExact(IReadOnlyList<LanguageRequirement> languages)
    {
        for (var i = 0; i < languages.Count; i++)
        {
            var skills = languages[i].EffectiveSkills;
            if (skills.Count < 4 || !(skills.Contains(LanguageSkill.Reading) && skills.Contains(LanguageSkill.Listening)
                    && skills.Contains(LanguageSkill.Writing) && skills.Contains(LanguageSkill.Speaking)))
                return false;
        }
        return true;
    }

    /// <summary>Officers after <paramref name="afterKey"/> in name-key order, up to <paramref name="take"/>.</summary>
    public IEnumerable<Officer> After(string? afterKey, int take)
    {
        var start = afterKey is null ? 0 : FirstAfter(afterKey);
        for (var i = start; i < _officers.Length && i < start + take; i++) yield return _officers[i];
    }

    /// <summary>The postings of the query's criteria, shortest first (none: no criterion has one, walk every officer).</summary>
    private List<int[]> Postings(IReadOnlyList<LanguageRequirement> languages, IReadOnlyList<SkillRequirement> skills, Gender? gender,
        Availability? availability)
    {
        var postings = new List<int[]>();
        void Add(string term) => postings.Add(_postings.GetValueOrDefault(term, []));
        foreach (var language in languages)
            Add(LanguageTerm(language.LanguageCode, language.EffectiveSkills.Count >= 4 ? (int)language.MinimumLevel : 0));
        foreach (var skill in skills) Add(SkillTerm(skill.SkillCode, (int)skill.MinimumLevel));
        if (gender is { } g) Add(GenderTerm(g));
        if (availability is { } a) Add(AvailabilityTerm(a));
        postings.Sort((x, y) => x.Length.CompareTo(y.Length));
        return postings;
    }

    /// <summary>
    /// The positions from <paramref name="start"/> on that are in every posting, in order: the shortest posting
    /// proposes, the others are searched forward from where they were (galloping), so the work follows the rarest
    /// criterion and what all of them share, not the longest list. No posting: every position.
    /// </summary>
    private IEnumerable<int> Positions(List<int[]> postings, int start)
    {
        if (postings.Count == 0)
        {
            for (var i = start; i < _officers.Length; i++) yield return i;
            yield break;
        }
        var at = new int[postings.Count];
        var candidate = start;
        while (true)
        {
            var agreed = true;
            for (var j = 0; j < postings.Count; j++)
            {
                at[j] = Seek(postings[j], at[j], candidate);
                if (at[j] >= postings[j].Length) yield break;
                if (postings[j][at[j]] == candidate) continue;
                candidate = postings[j][at[j]];
                agreed = false;
                break;
            }
            if (!agreed) continue;
            yield return candidate;
            candidate++;
        }
    }

    /// <summary>The first index at or after <paramref name="from"/> whose value is at least <paramref name="value"/>.</summary>
    private static int Seek(int[] posting, int from, int value)
    {
        if (from >= posting.Length || posting[from] >= value) return from;
        var step = 1;
        var low = from;
        var high = from + step;
        while (high < posting.Length && posting[high] < value)
        {
            low = high;
            step *= 2;
            high = from + step;
        }
        var found = Array.BinarySearch(posting, low, Math.Min(high, posting.Length - 1) - low + 1, value);
        return found >= 0 ? found : ~found;
    }

    /// <summary>
    /// The position of the first officer whose name key sorts after <paramref name="afterKey"/>. The keys are made
    /// again for the few officers the search visits (17 for 100,000), not held for every officer (8 MB a roster of
    /// that size).
    /// </summary>
    private int FirstAfter(string afterKey)
    {
        int low = 0, high = _officers.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_officers[middle].NameKey, afterKey) <= 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static string LanguageTerm(string code, int level) => $"l:{code.ToLowerInvariant()}:{level}";

    private static string SkillTerm(string code, int level) => $"s:{code.ToLowerInvariant()}:{level}";

    // The terms of the few values an enum has, made once.
    private static readonly string[] GenderTerms = Enumerable.Range(0, 8).Select(g => $"g:{g}").ToArray();

    private static string GenderTerm(Gender gender) => (int)gender >= 0 && (int)gender < GenderTerms.Length ? GenderTerms[(int)gender] : $"g:{(int)gender}";

    private static readonly string[] AvailabilityTerms = Enumerable.Range(0, 8).Select(a => $"a:{a}").ToArray();

    private static string AvailabilityTerm(Availability availability) =>
        (int)availability >= 0 && (int)availability < AvailabilityTerms.Length ? AvailabilityTerms[(int)availability] : $"a:{(int)availability}";
}
