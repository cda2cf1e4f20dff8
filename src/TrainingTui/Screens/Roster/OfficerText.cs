using System.Globalization;
using System.Text.RegularExpressions;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// The compact text forms in which the roster screens show and take an officer's fields: dates as YYYY-MM-DD,
/// languages as "fr C1/C1/B2/C1, en B2" (reading/listening/writing/speaking, one level for all four),
/// skills as "forensics advanced, gender basic", vetting as "cleared 2024-01-05". Reading is forgiving about
/// case, accents and spacing and strict about meaning; every problem is a short phrase that fits beside a field.
/// The words (levels, availability, vetting, gender) are the client's language's: what the form shows is what it
/// reads back ("forensics avancé, gender élémentaire" in French). Codes and dates are the same in every language.
/// </summary>
public static partial class OfficerText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] CefrNames = ["A1", "A2", "B1", "B2", "C1", "C2"];

    // In the order of the enums from 1; read on each use, as the language is the caller's thread's.
    private static string[] SkillLevelNames =>
    [
        Strings.Get("Officer_LevelBasic"), Strings.Get("Officer_LevelIntermediate"),
        Strings.Get("Officer_LevelAdvanced"), Strings.Get("Officer_LevelExpert"),
    ];

    private static string[] AvailabilityNames =>
        [Strings.Get("Officer_Available"), Strings.Get("Officer_Deployed"), Strings.Get("Officer_Unavailable")];

    private static string[] VettingNames =>
        [Strings.Get("Officer_VettingPending"), Strings.Get("Officer_VettingCleared"), Strings.Get("Officer_VettingFlagged")];

    /// <summary>"YYYY-MM-DD" ("AAAA-MM-JJ" in French): the shape of a day as typed.</summary>
    public static string DateHint => Strings.Get("Officer_DateShape");

    public static string LanguagesHint => Strings.Get("Officer_LanguagesHelp");
    public static string SkillsHint => Strings.Get("Officer_SkillsHelp");
    public static string VettingHint => Strings.Get("Officer_VettingHelp");

    /// <summary>"fr: …", "cptm: …": a problem of one entry of a list field.</summary>
    private static string Of(string entry, string problem) => Strings.Format("Officer_ProblemOf", entry, problem);

    public static Parsed<DateOnly?> Date(string text, bool required)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return required ? Parsed<DateOnly?>.Fail(Strings.Get("Officer_DateRequired")) : new(null, null);
        if (!IsoDay().IsMatch(trimmed)) return Parsed<DateOnly?>.Fail(Strings.Get("Officer_DateMalformed"));
        if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
            return Parsed<DateOnly?>.Fail(Strings.Format("Officer_DateNotADay", trimmed));
        if (day.Year is < 1900 or > 2200) return Parsed<DateOnly?>.Fail(Strings.Get("Officer_DateYearRange"));
        return new(day, null);
    }

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant) ?? "";

    public static Google.Type.Date? ToProto(DateOnly? day) =>
        day is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (an age, years of service).</summary>
    public static int FullYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return years;
    }

    /// <summary>
    /// "F" or "M" (also "female", "woman", "male", "man" or their start); in French "F" or "H" ("femme", "homme",
    /// "féminin", "masculin"). Empty gives Unspecified.
    /// </summary>
    public static Parsed<Gender> Gender(string text)
    {
        var t = Folding.Fold(text.Trim());
        if (t.Length == 0) return new(Unpol.Training.V1.Gender.Unspecified, null);
        if (Names(Strings.Get("Officer_FemaleWords")).Any(w => w.StartsWith(t, StringComparison.Ordinal)))
            return new(Unpol.Training.V1.Gender.Female, null);
        if (Names(Strings.Get("Officer_MaleWords")).Any(w => w.StartsWith(t, StringComparison.Ordinal)))
            return new(Unpol.Training.V1.Gender.Male, null);
        return Parsed<Gender>.Fail(Strings.Get("Officer_GenderChoice"));
    }

    /// <summary>The words of a resource that lists them with spaces between, folded.</summary>
    private static IEnumerable<string> Names(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Folding.Fold);

    /// <summary>The first of <paramref name="names"/> that starts with what was typed, ignoring case and accents; -1 when none does.</summary>
    private static int Choice(string[] names, string typed)
    {
        var t = Folding.Fold(typed.Trim());
        return t.Length == 0 ? -1 : Array.FindIndex(names, n => Folding.Fold(n).StartsWith(t, StringComparison.Ordinal));
    }

    public static string Gender(Gender gender) => gender switch
    {
        Unpol.Training.V1.Gender.Female => Strings.Get("Gender_Female"),
        Unpol.Training.V1.Gender.Male => Strings.Get("Gender_Male"),
        _ => "",
    };

    /// <summary>"available", "deployed" or "unavailable", or the start of one ("a", "dep", "u").</summary>
    public static Parsed<Availability> Availability(string text)
    {
        if (text.Trim().Length == 0) return new(Unpol.Training.V1.Availability.Unspecified, null);
        var index = Choice(AvailabilityNames, text);
        return index < 0 ? Parsed<Availability>.Fail(Strings.Get("Officer_AvailabilityChoice")) : new((Availability)(index + 1), null);
    }

    public static string Availability(Availability availability) =>
        availability == Unpol.Training.V1.Availability.Unspecified ? "" : AvailabilityNames[(int)availability - 1];

    public static Parsed<CefrLevel> Cefr(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t is "-" or "–") return new(CefrLevel.Unspecified, null);
        var index = Array.IndexOf(CefrNames, t);
        return index < 0 ? Parsed<CefrLevel>.Fail(Strings.Format("Officer_NotCefr", text.Trim())) : new((CefrLevel)(index + 1), null);
    }

    public static string Cefr(CefrLevel level) => level == CefrLevel.Unspecified ? "-" : CefrNames[(int)level - 1];

    public static Parsed<SkillLevel> SkillLevel(string text)
    {
        var index = Choice(SkillLevelNames, text);
        return index < 0 ? Parsed<SkillLevel>.Fail(Strings.Format("Officer_NotALevel", text.Trim())) : new((SkillLevel)(index + 1), null);
    }

    public static string SkillLevel(SkillLevel level) => level == Unpol.Training.V1.SkillLevel.Unspecified ? "" : SkillLevelNames[(int)level - 1];

    /// <summary>"fr C1/C1/B2/C1, en B2": a CEFR level per skill (reading/listening/writing/speaking) or one for all four.</summary>
    public static Parsed<IReadOnlyList<LanguageProficiency>> Languages(string text, IReadOnlySet<string>? knownCodes)
    {
        var result = new List<LanguageProficiency>();
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = parts[0].ToLowerInvariant();
            if (LanguageCodeProblem(code, knownCodes) is { } bad) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(bad);
            if (parts.Length == 1) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Strings.Format("Officer_LanguageAddLevel", code));
            if (parts.Length > 2) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Strings.Format("Officer_LanguageLevelsShape", code));
            var levels = parts[1].Split('/');
            if (levels.Length is not (1 or 4)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Strings.Format("Officer_LanguageOneOrFour", code));
            var parsed = new CefrLevel[levels.Length];
            for (var i = 0; i < levels.Length; i++)
            {
                var level = Cefr(levels[i]);
                if (!level.Ok) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Of(code, level.Problem!));
                parsed[i] = level.Value;
            }
            if (parsed.All(l => l == CefrLevel.Unspecified)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Strings.Format("Officer_LanguageAtLeastOne", code));
            if (result.Any(l => l.LanguageCode == code)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail(Strings.Format("Officer_ListedTwice", code));
            result.Add(parsed.Length == 1
                ? new LanguageProficiency { LanguageCode = code, Reading = parsed[0], Listening = parsed[0], Writing = parsed[0], Speaking = parsed[0] }
                : new LanguageProficiency { LanguageCode = code, Reading = parsed[0], Listening = parsed[1], Writing = parsed[2], Speaking = parsed[3] });
        }
        return new(result, null);
    }

    /// <summary>The inverse of <see cref="Languages(string, IReadOnlySet{string}?)"/>: one level where all four agree.</summary>
    public static string Languages(IEnumerable<LanguageProficiency> languages) => string.Join(", ", languages.Select(l =>
        l.Reading == l.Listening && l.Listening == l.Writing && l.Writing == l.Speaking
            ? $"{l.LanguageCode} {Cefr(l.Reading)}"
            : $"{l.LanguageCode} {Cefr(l.Reading)}/{Cefr(l.Listening)}/{Cefr(l.Writing)}/{Cefr(l.Speaking)}"));

    /// <summary>"fr B2, en": languages an officer must command at a minimum level in all four skills (A1 when no level is given).</summary>
    public static Parsed<IReadOnlyList<LanguageRequirement>> LanguageRequirements(string text, IReadOnlySet<string>? knownCodes)
    {
        var result = new List<LanguageRequirement>();
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = parts[0].ToLowerInvariant();
            if (LanguageCodeProblem(code, knownCodes) is { } bad) return Parsed<IReadOnlyList<LanguageRequirement>>.Fail(bad);
            if (parts.Length > 2) return Parsed<IReadOnlyList<LanguageRequirement>>.Fail(Strings.Format("Officer_LanguageOneMinimum", code));
            var level = parts.Length == 2 ? Cefr(parts[1]) : new Parsed<CefrLevel>(CefrLevel.A1, null);
            if (!level.Ok || level.Value == CefrLevel.Unspecified)
                return Parsed<IReadOnlyList<LanguageRequirement>>.Fail(Of(code, level.Problem ?? Strings.Get("Officer_ALevelCefr")));
            if (result.Any(l => l.LanguageCode == code)) return Parsed<IReadOnlyList<LanguageRequirement>>.Fail(Strings.Format("Officer_ListedTwice", code));
            result.Add(new LanguageRequirement { LanguageCode = code, MinimumLevel = level.Value });
        }
        return new(result, null);
    }

    public static string LanguageRequirements(IEnumerable<LanguageRequirement> languages) =>
        string.Join(", ", languages.Select(l => l.MinimumLevel <= CefrLevel.A1 ? l.LanguageCode : $"{l.LanguageCode} {Cefr(l.MinimumLevel)}"));

    private static string? LanguageCodeProblem(string code, IReadOnlySet<string>? knownCodes)
    {
        if (!LanguageCodeShape().IsMatch(code)) return Strings.Format("Officer_LanguageCodeShape", code);
        if (knownCodes is not null && !knownCodes.Contains(code)) return Strings.Format("Officer_LanguageUnknown", code);
        return null;
    }

    /// <summary>"forensics advanced, gender basic": skills from the vocabulary, each with a level.</summary>
    public static Parsed<IReadOnlyList<SkillProficiency>> Skills(string text, IReadOnlySet<string>? knownCodes)
    {
        var result = new List<SkillProficiency>();
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = parts[0].ToLowerInvariant();
            if (SkillCodeProblem(code, knownCodes) is { } bad) return Parsed<IReadOnlyList<SkillProficiency>>.Fail(bad);
            if (parts.Length == 1) return Parsed<IReadOnlyList<SkillProficiency>>.Fail(Strings.Format("Officer_SkillAddLevel", code, SkillLevel(Unpol.Training.V1.SkillLevel.Basic)));
            if (parts.Length > 2) return Parsed<IReadOnlyList<SkillProficiency>>.Fail(Strings.Format("Officer_SkillOneLevel", code));
            var level = SkillLevel(parts[1]);
            if (!level.Ok) return Parsed<IReadOnlyList<SkillProficiency>>.Fail(Of(code, level.Problem!));
            if (result.Any(s => s.SkillCode == code)) return Parsed<IReadOnlyList<SkillProficiency>>.Fail(Strings.Format("Officer_ListedTwice", code));
            result.Add(new SkillProficiency { SkillCode = code, Level = level.Value });
        }
        return new(result, null);
    }

    public static string Skills(IEnumerable<SkillProficiency> skills) =>
        string.Join(", ", skills.Select(s => s.Level == Unpol.Training.V1.SkillLevel.Unspecified ? s.SkillCode : $"{s.SkillCode} {SkillLevel(s.Level)}"));

    /// <summary>"forensics advanced, gender": skills an officer must hold, with an optional minimum level.</summary>
    public static Parsed<IReadOnlyList<SkillRequirement>> SkillRequirements(string text, IReadOnlySet<string>? knownCodes)
    {
        var result = new List<SkillRequirement>();
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = parts[0].ToLowerInvariant();
            if (SkillCodeProblem(code, knownCodes) is { } bad) return Parsed<IReadOnlyList<SkillRequirement>>.Fail(bad);
            if (parts.Length > 2) return Parsed<IReadOnlyList<SkillRequirement>>.Fail(Strings.Format("Officer_SkillOneMinimum", code));
            var level = parts.Length == 2 ? SkillLevel(parts[1]) : new Parsed<SkillLevel>(Unpol.Training.V1.SkillLevel.Unspecified, null);
            if (!level.Ok) return Parsed<IReadOnlyList<SkillRequirement>>.Fail(Of(code, level.Problem!));
            if (result.Any(s => s.SkillCode == code)) return Parsed<IReadOnlyList<SkillRequirement>>.Fail(Strings.Format("Officer_ListedTwice", code));
            result.Add(new SkillRequirement { SkillCode = code, MinimumLevel = level.Value });
        }
        return new(result, null);
    }

    public static string SkillRequirements(IEnumerable<SkillRequirement> skills) =>
        string.Join(", ", skills.Select(s => s.MinimumLevel == Unpol.Training.V1.SkillLevel.Unspecified ? s.SkillCode : $"{s.SkillCode} {SkillLevel(s.MinimumLevel)}"));

    private static string? SkillCodeProblem(string code, IReadOnlySet<string>? knownCodes)
    {
        if (!SkillCodeShape().IsMatch(code)) return Strings.Format("Officer_SkillCodeShape", code);
        if (knownCodes is null || knownCodes.Contains(code)) return null;
        var near = knownCodes.Where(k => k.StartsWith(code, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(2).ToList();
        return near.Count > 0
            ? Strings.Format("Officer_SkillUnknownNear", code, string.Join(Strings.Get("Officer_Or"), near))
            : Strings.Format("Officer_SkillUnknown", code);
    }

    /// <summary>
    /// "cleared 2024-01-05", "pending", "flagged 2023-11-30" ("validé 2024-01-05", "en attente" in French), the status
    /// or its start, or empty (not on file).
    /// </summary>
    public static Parsed<VettingItem?> Vetting(string text, DateOnly today)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new(null, null);
        // A status may be more than one word ("en attente"): all the words, or all but a last one that is the date.
        var names = VettingNames;
        var (index, words) = (-1, 0);
        for (var k = parts.Length; k >= Math.Max(1, parts.Length - 1) && index < 0; k--)
            (index, words) = (Choice(names, string.Join(' ', parts[..k])), k);
        if (index < 0) return Parsed<VettingItem?>.Fail(Strings.Get("Officer_VettingExample"));
        var status = (VettingStatus)(index + 1);
        DateOnly? date = null;
        if (words < parts.Length)
        {
            var parsed = Date(parts[^1], required: true);
            if (!parsed.Ok) return Parsed<VettingItem?>.Fail(Strings.Format("Officer_VettingDate", parsed.Problem));
            if (parsed.Value > today) return Parsed<VettingItem?>.Fail(Strings.Get("Officer_VettingDateFuture"));
            date = parsed.Value;
        }
        if (status is VettingStatus.Cleared or VettingStatus.Flagged && date is null)
            return Parsed<VettingItem?>.Fail(Strings.Format("Officer_VettingAddDate", names[index]));
        return new(new VettingItem { Status = status, Date = ToProto(date) }, null);
    }

    public static string Vetting(VettingItem? item)
    {
        if (item is null || item.Status == VettingStatus.Unspecified) return "";
        var date = Format.IsoDate(item.Date);
        return date.Length == 0 ? VettingWord(item.Status) : $"{VettingWord(item.Status)} {date}";
    }

    /// <summary>"cleared", "pending", "flagged" in the client's language.</summary>
    public static string VettingWord(VettingStatus status) =>
        status == VettingStatus.Unspecified ? "" : VettingNames[(int)status - 1];

    public static string AmsHint => Strings.Get("Officer_AmsHelp");
    public static string CoursesHint => Strings.Get("Officer_CoursesHelp");

    /// <summary>A day that has happened (a pass, a licence, a qualification); empty is "none on file".</summary>
    public static Parsed<DateOnly?> PastDate(string text, DateOnly today)
    {
        var parsed = Date(text, required: false);
        if (!parsed.Ok || parsed.Value is null) return parsed;
        return parsed.Value > today ? Parsed<DateOnly?>.Fail(Strings.Get("Officer_NotInFuture")) : parsed;
    }

    /// <summary>"2025-03-01 fr": the AMS pass day and, optionally, the language assessed.</summary>
    public static Parsed<AmsPass?> AmsPass(string text, DateOnly today, IReadOnlySet<string>? knownLanguages)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new(null, null);
        if (parts.Length > 2) return Parsed<AmsPass?>.Fail(Strings.Get("Officer_AmsShape"));
        var day = PastDate(parts[0], today);
        if (!day.Ok) return Parsed<AmsPass?>.Fail(day.Problem!);
        var language = parts.Length == 2 ? parts[1].ToLowerInvariant() : "";
        if (language.Length > 0 && LanguageCodeProblem(language, knownLanguages) is { } bad) return Parsed<AmsPass?>.Fail(bad);
        return new(new AmsPass { PassDate = ToProto(day.Value), LanguageCode = language }, null);
    }

    public static string AmsPass(AmsPass? pass) => pass is null
        ? ""
        : $"{Format.IsoDate(pass.PassDate)}{(pass.LanguageCode.Length > 0 ? " " + pass.LanguageCode : "")}";

    /// <summary>The most completed courses an officer's record holds (the service's limit).</summary>
    public const int MaxCompletedCourses = 100;

    /// <summary>
    /// "cptm 2024-03-01 to 2028-03-01, unpol-stm 2025-01-10" ("… au 2028-03-01" in French): course id, completion day,
    /// optional expiry day.
    /// </summary>
    public static Parsed<IReadOnlyList<CompletedCourse>> CompletedCourses(string text, DateOnly today, IReadOnlySet<string>? knownCourses)
    {
        var result = new List<CompletedCourse>();
        var until = Strings.Get("Officer_CourseUntil");
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where((p, i) => i == 0 || !p.Equals(until, StringComparison.OrdinalIgnoreCase)).ToArray();
            var id = parts[0].ToLowerInvariant();
            if (!SkillCodeShape().IsMatch(id)) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseCodeShape", parts[0]));
            if (knownCourses is not null && !knownCourses.Contains(id))
                return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseUnknown", id));
            if (parts.Length == 1) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseAddDay", id));
            if (parts.Length > 3) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseShape", id));
            var completed = PastDate(parts[1], today);
            if (!completed.Ok) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseCompleted", id, completed.Problem));
            DateOnly? expires = null;
            if (parts.Length == 3)
            {
                var expiry = Date(parts[2], required: true);
                if (!expiry.Ok) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseExpires", id, expiry.Problem));
                if (expiry.Value < completed.Value) return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CourseExpiresBefore", id));
                expires = expiry.Value;
            }
            result.Add(new CompletedCourse { Course = $"courses/{id}", CompletionDate = ToProto(completed.Value), ExpiryDate = ToProto(expires) });
        }
        if (result.Count > MaxCompletedCourses)
            return Parsed<IReadOnlyList<CompletedCourse>>.Fail(Strings.Format("Officer_CoursesAtMost", MaxCompletedCourses));
        return new(result, null);
    }

    public static string CompletedCourses(IEnumerable<CompletedCourse> courses)
    {
        var until = Strings.Get("Officer_CourseUntil");
        return string.Join(", ", courses.Select(c =>
            $"{c.Course.Split('/')[^1]} {Format.IsoDate(c.CompletionDate)}" + (c.ExpiryDate is { Year: > 0 } ? $" {until} {Format.IsoDate(c.ExpiryDate)}" : "")));
    }

    private static IEnumerable<string> Entries(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"^[a-z]{2,3}$")]
    private static partial Regex LanguageCodeShape();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex SkillCodeShape();
}
