using System.Text.Json;
using System.Text.Json.Serialization;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;

namespace Training.Service.Storage;

/// <summary>
/// Reference data: upserted from the embedded seed files at every start (so a new release's corrections
/// reach old databases), then served from memory — it is small and read on every validation.
/// </summary>
public sealed class ReferenceDataStore : IReferenceData
{
    private readonly IReadOnlyList<MemberState> _memberStates;
    private readonly IReadOnlyList<Language> _languages;
    private readonly IReadOnlyList<Skill> _skills;
    private readonly IReadOnlyList<Mission> _missions;
    private readonly Dictionary<string, MemberState> _memberStateByCode;
    private readonly Dictionary<string, Language> _languageByCode;
    private readonly Dictionary<string, Skill> _skillByCode;
    private readonly Dictionary<string, Mission> _missionByCode;

    public ReferenceDataStore(TrainingDatabase database)
    {
        var memberStates = database.Lite.GetCollection<MemberState>("member_states");
        var languages = database.Lite.GetCollection<Language>("languages");
        var skills = database.Lite.GetCollection<Skill>("skills");
        var missions = database.Lite.GetCollection<Mission>("missions");
        database.Write(() =>
        {
            memberStates.Upsert(Seed<MemberState>("member-states.json"));
            languages.Upsert(Seed<Language>("languages.json").Select((l, i) => Ordered(l, i)));
            skills.Upsert(Seed<Skill>("skills.json"));
            missions.Upsert(Seed<Mission>("missions.json"));
            return 0;
        });

        _memberStates = memberStates.FindAll().OrderBy(m => m.RegionCode, StringComparer.Ordinal).ToList();
        _languages = languages.FindAll().OrderBy(l => l.SortKey, StringComparer.Ordinal).ToList();
        _skills = skills.FindAll().OrderBy(s => s.SortKey, StringComparer.Ordinal).ToList();
        _missions = missions.FindAll().OrderBy(m => m.MissionCode, StringComparer.Ordinal).ToList();
        _memberStateByCode = _memberStates.ToDictionary(m => m.RegionCode);
        _languageByCode = _languages.ToDictionary(l => l.LanguageCode);
        _skillByCode = _skills.ToDictionary(s => s.SkillCode);
        _missionByCode = _missions.ToDictionary(m => m.MissionCode);
    }

    public MemberState? MemberState(string regionCode) => _memberStateByCode.GetValueOrDefault(regionCode.ToUpperInvariant());

    public Language? Language(string languageCode) => _languageByCode.GetValueOrDefault(languageCode.ToLowerInvariant());

    public Skill? Skill(string skillCode) => _skillByCode.GetValueOrDefault(skillCode.ToLowerInvariant());

    public Mission? Mission(string missionCode) => _missionByCode.GetValueOrDefault(missionCode.ToLowerInvariant());

    public Page<MemberState> MemberStates(PageRequest page) => Slice(_memberStates, m => m.RegionCode, page);

    public Page<Language> Languages(bool unOfficialOnly, PageRequest page) =>
        Slice(unOfficialOnly ? _languages.Where(l => l.UnOfficial).ToList() : _languages, l => l.SortKey, page);

    public Page<Skill> Skills(SkillStream? stream, PageRequest page) =>
        Slice(stream is null ? _skills : _skills.Where(s => s.Stream == stream).ToList(), s => s.SortKey, page);

    public Page<Mission> Missions(PageRequest page) => Slice(_missions, m => m.MissionCode, page);

    public int MemberStateCount => _memberStates.Count;

    /// <summary>Keyset paging over a list sorted by <paramref name="key"/>.</summary>
    private static Page<T> Slice<T>(IReadOnlyList<T> sorted, Func<T, string> key, PageRequest page)
    {
        var items = sorted
            .Where(item => page.AfterKey is null || string.CompareOrdinal(key(item), page.AfterKey) > 0)
            .Take(page.Size + 1)
            .ToList();
        if (items.Count <= page.Size) return new Page<T>(items, null);
        items.RemoveAt(page.Size);
        return new Page<T>(items, key(items[^1]));
    }

    private static Language Ordered(Language language, int seedPosition)
    {
        // The six official languages keep their seed order (ar, zh, en, fr, ru, es); the rest follow by code.
        language.SortKey = language.UnOfficial ? $"0/{seedPosition:D3}" : $"1/{language.LanguageCode}";
        return language;
    }

    private static IEnumerable<T> Seed<T>(string file)
    {
        using var stream = typeof(ReferenceDataStore).Assembly.GetManifestResourceStream($"Seed.{file}")
            ?? throw new InvalidOperationException($"The seed file {file} is not embedded in the service.");
        return JsonSerializer.Deserialize<List<T>>(stream, SeedJson)
            ?? throw new InvalidOperationException($"The seed file {file} is empty.");
    }

    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(new UpperSnakeNamingPolicy()) },
    };

    /// <summary>Reads "POLICE_OPERATIONS" as <see cref="SkillStream.PoliceOperations"/>.</summary>
    private sealed class UpperSnakeNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
    }
}
