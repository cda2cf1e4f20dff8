using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Makes loaded officers smaller in memory without changing what any of them says: what repeats across a roster is
/// held once and shared. Codes, ranks and names become one string each; a language at the same four levels, a skill
/// at the same level, a pass, a course completion or a vetting item on the same day become one record each; and a
/// list, vetting or certification record with the same parts becomes one. A roster of 100,000 has a few thousand
/// distinct languages-at-levels, not 140,000, and most officers have no course yet.
/// <para>
/// Two ways in: <see cref="Apply"/> shares the parts of an officer already built (read from its document), and the
/// roster image's reader (<see cref="OfficerCodec"/>) asks for each part by its values, so a part held already is
/// never built at all. For officers held in the directory only, which nobody changes (the repository hands out deep
/// copies to change): a shared record changed in place would change every officer holding it. One thread at a time
/// (plain dictionaries): a load on several threads gives each its own. The tables live as long as this object, one load.
/// </para>
/// </summary>
public sealed class OfficerCompaction
{
    private readonly VettingItem _notRecorded = new();
    private readonly Dictionary<string, string> _words;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpelling;
    private readonly Dictionary<(string, CefrLevel, CefrLevel, CefrLevel, CefrLevel), LanguageProficiency> _languages = new();
    private readonly Dictionary<(string, SkillLevel), SkillProficiency> _skills = new();
    private readonly Dictionary<(string, DateOnly, DateOnly?), CompletedCourse> _courses = new();
    private readonly Dictionary<(DateOnly, string?), AmsPass> _passes = new();
    private readonly Dictionary<(VettingStatus, DateOnly?), VettingItem> _vettingItems = new();
    private readonly Dictionary<List<LanguageProficiency>, List<LanguageProficiency>> _languageLists = new(SameItems<LanguageProficiency>.Instance);
    private readonly Dictionary<List<SkillProficiency>, List<SkillProficiency>> _skillLists = new(SameItems<SkillProficiency>.Instance);
    private readonly Dictionary<List<CompletedCourse>, List<CompletedCourse>> _courseLists = new(SameItems<CompletedCourse>.Instance);
    // Parts compared by reference: they are already shared when these are looked up.
    private readonly Dictionary<(VettingItem, VettingItem, VettingItem, VettingItem), Vetting> _vettings = new();
    private readonly Dictionary<(AmsPass?, DateOnly?, DateOnly?, List<CompletedCourse>), Certifications> _certifications = new();

    public OfficerCompaction()
    {
        _words = new(StringComparer.Ordinal);
        _wordsBySpelling = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Shares the parts of an officer already built.</summary>
    public void Apply(Officer officer)
    {
        officer.RegionCode = Word(officer.RegionCode);
        officer.Rank = Word(officer.Rank);
        officer.GivenName = Word(officer.GivenName);
        officer.FamilyName = Word(officer.FamilyName);
        officer.Languages = Languages(Each(officer.Languages, l => Language(l.LanguageCode, l.Reading, l.Listening, l.Writing, l.Speaking)));
        officer.Skills = Skills(Each(officer.Skills, s => Skill(s.SkillCode, s.Level)));
        var certifications = officer.Certifications;
        officer.Certifications = Certifications(
            certifications.AmsPass is { } ams ? Pass(ams.PassDate, ams.LanguageCode) : null,
            certifications.DrivingLicenceIssueDate,
            certifications.FirearmsQualificationDate,
            Courses(Each(certifications.CompletedCourses, c => Course(c.CourseId, c.CompletionDate, c.ExpiryDate))));
        var vetting = officer.Vetting;
        officer.Vetting = Vetting(Item(vetting.HumanRightsScreening.Status, vetting.HumanRightsScreening.Date),
            Item(vetting.SelfAttestation.Status, vetting.SelfAttestation.Date), Item(vetting.MisconductCheck.Status, vetting.MisconductCheck.Date),
            Item(vetting.MedicalClearance.Status, vetting.MedicalClearance.Date));
    }

    public string Word(string word)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out var exists);
        if (!exists) held = word;
        return held!;
    }

    /// <summary>The word these UTF-8 bytes spell: made into a string only the first time it is met.</summary>
    public string Word(ReadOnlySpan<byte> utf8)
    {
        const int OnStack = 256;
        if (utf8.Length > OnStack) return Word(Encoding.UTF8.GetString(utf8));
        Span<char> chars = stackalloc char[OnStack];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        if (_wordsBySpelling.TryGetValue(chars[..length], out var held)) return held;
        var word = new string(chars[..length]);
        _words.Add(word, word);
        return word;
    }

    public LanguageProficiency Language(string code, CefrLevel reading, CefrLevel listening, CefrLevel writing, CefrLevel speaking)
    {
        code = Word(code);
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_languages, (code, reading, listening, writing, speaking), out var exists);
        if (!exists)
            held = new LanguageProficiency { LanguageCode = code, Reading = reading, Listening = listening, Writing = writing, Speaking = speaking };
        return held!;
    }

    public SkillProficiency Skill(string code, SkillLevel level)
    {
        code = Word(code);
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_skills, (code, level), out var exists);
        if (!exists) held = new SkillProficiency { SkillCode = code, Level = level };
        return held!;
    }

    public CompletedCourse Course(string courseId, DateOnly completion, DateOnly? expiry)
    {
        courseId = Word(courseId);
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_courses, (courseId, completion, expiry), out var exists);
        if (!exists) held = new CompletedCourse { CourseId = courseId, CompletionDate = completion, ExpiryDate = expiry };
        return held!;
    }

    public AmsPass Pass(DateOnly date, string? languageCode)
    {
        if (languageCode is not null) languageCode = Word(languageCode);
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_passes, (date, languageCode), out var exists);
        if (!exists) held = new AmsPass { PassDate = date, LanguageCode = languageCode };
        return held!;
    }

    // Most items were never filled in: shared without a lookup.
    public VettingItem Item(VettingStatus status, DateOnly? date)
    {
        if (status == VettingStatus.Unspecified && date is null) return _notRecorded;
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_vettingItems, (status, date), out var exists);
        if (!exists) held = new VettingItem { Status = status, Date = date };
        return held!;
    }

    /// <summary>The vetting record of these items, which must be shared ones (<see cref="Item"/>).</summary>
    public Vetting Vetting(VettingItem humanRights, VettingItem selfAttestation, VettingItem misconduct, VettingItem medical)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_vettings, (humanRights, selfAttestation, misconduct, medical), out var exists);
        if (!exists)
            held = new Vetting { HumanRightsScreening = humanRights, SelfAttestation = selfAttestation, MisconductCheck = misconduct, MedicalClearance = medical };
        return held!;
    }

    /// <summary>The certifications record of these parts, which must be shared ones (<see cref="Pass"/>, <see cref="Courses"/>).</summary>
    public Certifications Certifications(AmsPass? pass, DateOnly? drivingLicence, DateOnly? firearms, List<CompletedCourse> courses)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_certifications, (pass, drivingLicence, firearms, courses), out var exists);
        if (!exists)
            held = new Certifications
            {
                AmsPass = pass, DrivingLicenceIssueDate = drivingLicence, FirearmsQualificationDate = firearms, CompletedCourses = courses,
            };
        return held!;
    }

    /// <summary>The list of these shared languages (<see cref="Language"/>): made only the first time these are met together.</summary>
    public List<LanguageProficiency> Languages(ReadOnlySpan<LanguageProficiency> items) => SharedList(_languageLists, items);

    public List<SkillProficiency> Skills(ReadOnlySpan<SkillProficiency> items) => SharedList(_skillLists, items);

    public List<CompletedCourse> Courses(ReadOnlySpan<CompletedCourse> items) => SharedList(_courseLists, items);

    private static List<T> SharedList<T>(Dictionary<List<T>, List<T>> lists, ReadOnlySpan<T> items) where T : class
    {
        if (lists.GetAlternateLookup<ReadOnlySpan<T>>().TryGetValue(items, out var held)) return held;
        var list = new List<T>(items.Length);
        list.AddRange(items);
        lists.Add(list, list);
        return list;
    }

    /// <summary>The items of a list read from a document, each replaced by its shared record (in place: the list is thrown away).</summary>
    private static ReadOnlySpan<T> Each<T>(List<T> list, Func<T, T> share)
    {
        var items = CollectionsMarshal.AsSpan(list);
        for (var i = 0; i < items.Length; i++) items[i] = share(items[i]);
        return items;
    }

    /// <summary>Two lists are the same when they hold the same records, by reference, in the same order; a list being read is looked up as a span.</summary>
    private sealed class SameItems<T> : IEqualityComparer<List<T>>, IAlternateEqualityComparer<ReadOnlySpan<T>, List<T>> where T : class
    {
        public static readonly SameItems<T> Instance = new();

        public bool Equals(List<T>? x, List<T>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && Equals(CollectionsMarshal.AsSpan(x), y));

        public int GetHashCode(List<T> list) => GetHashCode(CollectionsMarshal.AsSpan(list));

        public bool Equals(ReadOnlySpan<T> items, List<T> list)
        {
            if (items.Length != list.Count) return false;
            for (var i = 0; i < items.Length; i++)
                if (!ReferenceEquals(items[i], list[i])) return false;
            return true;
        }

        public int GetHashCode(ReadOnlySpan<T> items)
        {
            var hash = new HashCode();
            foreach (var item in items) hash.Add(RuntimeHelpers.GetHashCode(item));
            return hash.ToHashCode();
        }

        public List<T> Create(ReadOnlySpan<T> items) => [.. items];
    }
}
