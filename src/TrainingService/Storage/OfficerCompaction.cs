using System.Collections.Concurrent;
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
/// a shared record changed in place would change every officer holding it. Safe to call from several threads at once
/// (the roster image is read in parallel); the tables live as long as this object, one load.
/// </para>
/// </summary>
public sealed class OfficerCompaction
{
    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, CefrLevel, CefrLevel, CefrLevel, CefrLevel), LanguageProficiency> _languages = new();
    private readonly ConcurrentDictionary<(string, SkillLevel), SkillProficiency> _skills = new();
    private readonly ConcurrentDictionary<(string, DateOnly, DateOnly?), CompletedCourse> _courses = new();
    private readonly ConcurrentDictionary<(DateOnly, string?), AmsPass> _passes = new();
    private readonly ConcurrentDictionary<(VettingStatus, DateOnly?), VettingItem> _vettingItems = new();
    private readonly ConcurrentDictionary<List<LanguageProficiency>, List<LanguageProficiency>> _languageLists = new(SameItems<LanguageProficiency>.Instance);
    private readonly ConcurrentDictionary<List<SkillProficiency>, List<SkillProficiency>> _skillLists = new(SameItems<SkillProficiency>.Instance);
    private readonly ConcurrentDictionary<List<CompletedCourse>, List<CompletedCourse>> _courseLists = new(SameItems<CompletedCourse>.Instance);
    // Parts compared by reference: they are already shared when these are looked up.
    private readonly ConcurrentDictionary<(VettingItem, VettingItem, VettingItem, VettingItem), Vetting> _vettings = new();
    private readonly ConcurrentDictionary<(AmsPass?, DateOnly?, DateOnly?, List<CompletedCourse>), Certifications> _certifications = new();

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

    private string Word(string word) => _words.GetOrAdd(word, word);

    private LanguageProficiency Language(LanguageProficiency l) =>
        _languages.GetOrAdd((Word(l.LanguageCode), l.Reading, l.Listening, l.Writing, l.Speaking), static (key, language) =>
        {
            language.LanguageCode = key.Item1;
            return language;
        }, l);

    private SkillProficiency Skill(SkillProficiency s) =>
        _skills.GetOrAdd((Word(s.SkillCode), s.Level), static (key, skill) =>
        {
            skill.SkillCode = key.Item1;
            return skill;
        }, s);

    private CompletedCourse Course(CompletedCourse c) =>
        _courses.GetOrAdd((Word(c.CourseId), c.CompletionDate, c.ExpiryDate), static (key, course) =>
        {
            course.CourseId = key.Item1;
            return course;
        }, c);

    private Certifications Certifications(Certifications c)
    {
        var pass = c.AmsPass is { } ams
            ? _passes.GetOrAdd((ams.PassDate, ams.LanguageCode is null ? null : Word(ams.LanguageCode)), static (key, p) =>
            {
                p.LanguageCode = key.Item2;
                return p;
            }, ams)
            : null;
        var courses = SharedList(_courseLists, c.CompletedCourses, Course);
        return _certifications.GetOrAdd((pass, c.DrivingLicenceIssueDate, c.FirearmsQualificationDate, courses), static (key, held) =>
        {
            held.AmsPass = key.Item1;
            held.CompletedCourses = key.Item4;
            return held;
        }, c);
    }

    private Vetting Vetting(Vetting v) =>
        _vettings.GetOrAdd((Item(v.HumanRightsScreening), Item(v.SelfAttestation), Item(v.MisconductCheck), Item(v.MedicalClearance)),
            static (key, vetting) =>
            {
                (vetting.HumanRightsScreening, vetting.SelfAttestation, vetting.MisconductCheck, vetting.MedicalClearance) = key;
                return vetting;
            }, v);

    private VettingItem Item(VettingItem item) => _vettingItems.GetOrAdd((item.Status, item.Date), item);

    /// <summary>The list with each item replaced by its shared record, itself replaced by a list of the same records if one is held.</summary>
    private static List<T> SharedList<T>(ConcurrentDictionary<List<T>, List<T>> lists, List<T> list, Func<T, T> share) where T : class
    {
        for (var i = 0; i < list.Count; i++) list[i] = share(list[i]);
        return lists.GetOrAdd(list, static l =>
        {
            l.TrimExcess();
            return l;
        });
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
