using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Makes loaded officers smaller in memory without changing what any of them says: what repeats across a roster is
/// held once and shared. Codes, ranks and names become one string each; a language at the same four levels, a skill
/// at the same level, a pass, a course completion or a vetting item on the same day become one record each; and a
/// list, vetting or certification record with the same parts becomes one. A roster of 100,000 has a few thousand
/// distinct languages-at-levels, not 140,000, and most officers have no course yet.
/// <para>
/// For officers held in the directory only, which nobody changes (the repository hands out deep copies to change):
/// a shared record changed in place would change every officer holding it. One thread at a time (plain dictionaries):
/// a load on several threads gives each its own. The tables live as long as this object, one load. Sharing costs the
/// roster image's load of 100,000 officers 150-350 ms (docs/benchmarks.md, "Reads at scale").
/// </para>
/// </summary>
public sealed class OfficerCompaction
{
    private readonly VettingItem _notRecorded = new();
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
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

    public void Apply(Officer officer)
    {
        officer.RegionCode = Word(officer.RegionCode);
        officer.Rank = Word(officer.Rank);
        officer.GivenName = Word(officer.GivenName);
        officer.FamilyName = Word(officer.FamilyName);
        officer.Languages = SharedList(_languageLists, officer.Languages, Language);
        officer.Skills = SharedList(_skillLists, officer.Skills, Skill);
        officer.Certifications = Certifications(officer.Certifications);
        officer.Vetting = Vetting(officer.Vetting);
    }

    /// <summary>The record held under <paramref name="key"/>, or <paramref name="value"/> now held under it.</summary>
    private static TValue Shared<TKey, TValue>(Dictionary<TKey, TValue> table, TKey key, TValue value) where TKey : notnull
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out var exists);
        if (!exists) held = value;
        return held!;
    }

    private string Word(string word) => Shared(_words, word, word);

    private LanguageProficiency Language(LanguageProficiency l)
    {
        l.LanguageCode = Word(l.LanguageCode);
        return Shared(_languages, (l.LanguageCode, l.Reading, l.Listening, l.Writing, l.Speaking), l);
    }

    private SkillProficiency Skill(SkillProficiency s)
    {
        s.SkillCode = Word(s.SkillCode);
        return Shared(_skills, (s.SkillCode, s.Level), s);
    }

    private CompletedCourse Course(CompletedCourse c)
    {
        c.CourseId = Word(c.CourseId);
        return Shared(_courses, (c.CourseId, c.CompletionDate, c.ExpiryDate), c);
    }

    private Certifications Certifications(Certifications c)
    {
        if (c.AmsPass is { } ams)
        {
            if (ams.LanguageCode is { } code) ams.LanguageCode = Word(code);
            c.AmsPass = Shared(_passes, (ams.PassDate, ams.LanguageCode), ams);
        }
        c.CompletedCourses = SharedList(_courseLists, c.CompletedCourses, Course);
        return Shared(_certifications, (c.AmsPass, c.DrivingLicenceIssueDate, c.FirearmsQualificationDate, c.CompletedCourses), c);
    }

    private Vetting Vetting(Vetting v)
    {
        v.HumanRightsScreening = Item(v.HumanRightsScreening);
        v.SelfAttestation = Item(v.SelfAttestation);
        v.MisconductCheck = Item(v.MisconductCheck);
        v.MedicalClearance = Item(v.MedicalClearance);
        return Shared(_vettings, (v.HumanRightsScreening, v.SelfAttestation, v.MisconductCheck, v.MedicalClearance), v);
    }

    // Most items were never filled in: shared without a lookup.
    private VettingItem Item(VettingItem item) =>
        item.Status == VettingStatus.Unspecified && item.Date is null ? _notRecorded : Shared(_vettingItems, (item.Status, item.Date), item);

    /// <summary>The list with each item replaced by its shared record, itself replaced by a list of the same records if one is held.</summary>
    private static List<T> SharedList<T>(Dictionary<List<T>, List<T>> lists, List<T> list, Func<T, T> share) where T : class
    {
        for (var i = 0; i < list.Count; i++) list[i] = share(list[i]);
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, list, out var exists);
        if (!exists)
        {
            list.TrimExcess();
            held = list;
        }
        return held!;
    }

    /// <summary>Two lists are the same when they hold the same records, by reference, in the same order.</summary>
    private sealed class SameItems<T> : IEqualityComparer<List<T>> where T : class
    {
        public static readonly SameItems<T> Instance = new();

        public bool Equals(List<T>? x, List<T>? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.Count != y.Count) return false;
            for (var i = 0; i < x.Count; i++)
                if (!ReferenceEquals(x[i], y[i])) return false;
            return true;
        }

        public int GetHashCode(List<T> list)
        {
            var hash = new HashCode();
            foreach (var item in list) hash.Add(RuntimeHelpers.GetHashCode(item));
            return hash.ToHashCode();
        }
    }
}
