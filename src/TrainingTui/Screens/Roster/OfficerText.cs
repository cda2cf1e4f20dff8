using System.Globalization;
using System.Text.RegularExpressions;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// The compact text forms in which the roster screens show and take an officer's fields: dates as YYYY-MM-DD,
/// languages as "fr C1/C1/B2/C1, en B2" (reading/listening/writing/speaking, one level for all four),
/// skills as "forensics advanced, gender basic", vetting as "cleared 2024-01-05". Reading is forgiving about
/// case and spacing and strict about meaning; every problem is a short phrase that fits beside a field.
/// </summary>
public static partial class OfficerText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] CefrNames = ["A1", "A2", "B1", "B2", "C1", "C2"];
    private static readonly string[] SkillLevelNames = ["basic", "intermediate", "advanced", "expert"];
    private static readonly string[] AvailabilityNames = ["available", "deployed", "unavailable"];
    private static readonly string[] VettingNames = ["pending", "cleared", "flagged"];

    public const string DateHint = "YYYY-MM-DD";
    public const string LanguagesHint = "fr C1/C1/B2/C1, en B2 (read/listen/write/speak)";
    public const string SkillsHint = "forensics advanced, gender basic (levels: basic, intermediate, advanced, expert)";
    public const string VettingHint = "cleared YYYY-MM-DD, pending, flagged YYYY-MM-DD";

    public static Parsed<DateOnly?> Date(string text, bool required)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return required ? Parsed<DateOnly?>.Fail("required, YYYY-MM-DD") : new(null, null);
        if (!IsoDay().IsMatch(trimmed)) return Parsed<DateOnly?>.Fail("must be YYYY-MM-DD");
        if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
            return Parsed<DateOnly?>.Fail($"{trimmed} is not a calendar day");
        if (day.Year is < 1900 or > 2200) return Parsed<DateOnly?>.Fail("year must be 1900–2200");
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

    /// <summary>"F" or "M" (also "female", "woman", "male", "man"); empty gives Unspecified.</summary>
    public static Parsed<Gender> Gender(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return new(Unpol.Training.V1.Gender.Unspecified, null);
        if (t is "f" or "w" || "female".StartsWith(t, StringComparison.Ordinal) || t is "woman" or "women")
            return new(Unpol.Training.V1.Gender.Female, null);
        if (t is "m" || "male".StartsWith(t, StringComparison.Ordinal) || t is "man" or "men")
            return new(Unpol.Training.V1.Gender.Male, null);
        return Parsed<Gender>.Fail("F or M");
    }

    public static string Gender(Gender gender) => gender switch
    {
        Unpol.Training.V1.Gender.Female => "F",
        Unpol.Training.V1.Gender.Male => "M",
        _ => "",
    };

    /// <summary>"available", "deployed" or "unavailable", or the start of one ("a", "dep", "u").</summary>
    public static Parsed<Availability> Availability(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return new(Unpol.Training.V1.Availability.Unspecified, null);
        var index = Array.FindIndex(AvailabilityNames, n => n.StartsWith(t, StringComparison.Ordinal));
        return index < 0 ? Parsed<Availability>.Fail("available/deployed/unavailable") : new((Availability)(index + 1), null);
    }

    public static string Availability(Availability availability) =>
        availability == Unpol.Training.V1.Availability.Unspecified ? "" : AvailabilityNames[(int)availability - 1];

    public static Parsed<CefrLevel> Cefr(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t is "-" or "–") return new(CefrLevel.Unspecified, null);
        var index = Array.IndexOf(CefrNames, t);
        return index < 0 ? Parsed<CefrLevel>.Fail($"“{text.Trim()}” is not A1–C2") : new((CefrLevel)(index + 1), null);
    }

    public static string Cefr(CefrLevel level) => level == CefrLevel.Unspecified ? "-" : CefrNames[(int)level - 1];

    public static Parsed<SkillLevel> SkillLevel(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var index = t.Length == 0 ? -1 : Array.FindIndex(SkillLevelNames, n => n.StartsWith(t, StringComparison.Ordinal));
        return index < 0 ? Parsed<SkillLevel>.Fail($"“{text.Trim()}” is not a level") : new((SkillLevel)(index + 1), null);
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
            if (parts.Length == 1) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code}: add a level, e.g. {code} B2");
            if (parts.Length > 2) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code}: levels as B2 or C1/C1/B2/C1");
            var levels = parts[1].Split('/');
            if (levels.Length is not (1 or 4)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code}: one level or four (R/L/W/S)");
            var parsed = new CefrLevel[levels.Length];
            for (var i = 0; i < levels.Length; i++)
            {
                var level = Cefr(levels[i]);
                if (!level.Ok) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code}: {level.Problem}");
                parsed[i] = level.Value;
            }
            if (parsed.All(l => l == CefrLevel.Unspecified)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code}: give at least one level");
            if (result.Any(l => l.LanguageCode == code)) return Parsed<IReadOnlyList<LanguageProficiency>>.Fail($"{code} is listed twice");
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
            if (parts.Length > 2) return Parsed<IReadOnlyList<LanguageRequirement>>.Fail($"{code}: one minimum level, e.g. {code} B2");
            var level = parts.Length == 2 ? Cefr(parts[1]) : new Parsed<CefrLevel>(CefrLevel.A1, null);
            if (!level.Ok || level.Value == CefrLevel.Unspecified)
                return Parsed<IReadOnlyList<LanguageRequirement>>.Fail($"{code}: {level.Problem ?? "a level A1–C2"}");
            if (result.Any(l => l.LanguageCode == code)) return Parsed<IReadOnlyList<LanguageRequirement>>.Fail($"{code} is listed twice");
            result.Add(new LanguageRequirement { LanguageCode = code, MinimumLevel = level.Value });
        }
        return new(result, null);
    }

    public static string LanguageRequirements(IEnumerable<LanguageRequirement> languages) =>
        string.Join(", ", languages.Select(l => l.MinimumLevel <= CefrLevel.A1 ? l.LanguageCode : $"{l.LanguageCode} {Cefr(l.MinimumLevel)}"));

    private static string? LanguageCodeProblem(string code, IReadOnlySet<string>? knownCodes)
    {
        if (!LanguageCodeShape().IsMatch(code)) return $"“{code}”: use a code like fr";
        if (knownCodes is not null && !knownCodes.Contains(code)) return $"“{code}” is not a known language";
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
            if (parts.Length == 1) return Parsed<IReadOnlyList<SkillProficiency>>.Fail($"{code}: add a level, e.g. {code} basic");
            if (parts.Length > 2) return Parsed<IReadOnlyList<SkillProficiency>>.Fail($"{code}: one level after the code");
            var level = SkillLevel(parts[1]);
            if (!level.Ok) return Parsed<IReadOnlyList<SkillProficiency>>.Fail($"{code}: {level.Problem}");
            if (result.Any(s => s.SkillCode == code)) return Parsed<IReadOnlyList<SkillProficiency>>.Fail($"{code} is listed twice");
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
            if (parts.Length > 2) return Parsed<IReadOnlyList<SkillRequirement>>.Fail($"{code}: one minimum level after the code");
            var level = parts.Length == 2 ? SkillLevel(parts[1]) : new Parsed<SkillLevel>(Unpol.Training.V1.SkillLevel.Unspecified, null);
            if (!level.Ok) return Parsed<IReadOnlyList<SkillRequirement>>.Fail($"{code}: {level.Problem}");
            if (result.Any(s => s.SkillCode == code)) return Parsed<IReadOnlyList<SkillRequirement>>.Fail($"{code} is listed twice");
            result.Add(new SkillRequirement { SkillCode = code, MinimumLevel = level.Value });
        }
        return new(result, null);
    }

    public static string SkillRequirements(IEnumerable<SkillRequirement> skills) =>
        string.Join(", ", skills.Select(s => s.MinimumLevel == Unpol.Training.V1.SkillLevel.Unspecified ? s.SkillCode : $"{s.SkillCode} {SkillLevel(s.MinimumLevel)}"));

    private static string? SkillCodeProblem(string code, IReadOnlySet<string>? knownCodes)
    {
        if (!SkillCodeShape().IsMatch(code)) return $"“{code}”: not a skill code";
        if (knownCodes is null || knownCodes.Contains(code)) return null;
        var near = knownCodes.Where(k => k.StartsWith(code, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(2).ToList();
        return near.Count > 0 ? $"“{code}” unknown; {string.Join(" or ", near)}?" : $"“{code}” is not a known skill";
    }

    /// <summary>"cleared 2024-01-05", "pending", "flagged 2023-11-30", or empty (not on file).</summary>
    public static Parsed<VettingItem?> Vetting(string text, DateOnly today)
    {
        var parts = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new(null, null);
        var index = Array.FindIndex(VettingNames, n => n.StartsWith(parts[0], StringComparison.Ordinal));
        if (index < 0 || parts.Length > 2) return Parsed<VettingItem?>.Fail("e.g. cleared 2024-01-05");
        var status = (VettingStatus)(index + 1);
        DateOnly? date = null;
        if (parts.Length == 2)
        {
            var parsed = Date(parts[1], required: true);
            if (!parsed.Ok) return Parsed<VettingItem?>.Fail($"date {parsed.Problem}");
            if (parsed.Value > today) return Parsed<VettingItem?>.Fail("date must not be in the future");
            date = parsed.Value;
        }
        if (status is VettingStatus.Cleared or VettingStatus.Flagged && date is null)
            return Parsed<VettingItem?>.Fail($"add the date: {VettingNames[index]} YYYY-MM-DD");
        return new(new VettingItem { Status = status, Date = ToProto(date) }, null);
    }

    public static string Vetting(VettingItem? item)
    {
        if (item is null || item.Status == VettingStatus.Unspecified) return "";
        var date = Format.IsoDate(item.Date);
        return date.Length == 0 ? VettingNames[(int)item.Status - 1] : $"{VettingNames[(int)item.Status - 1]} {date}";
    }

    public const string AmsHint = "YYYY-MM-DD fr: the day of the pass and the language assessed (en or fr); empty if none";
    public const string CoursesHint = "cptm 2024-03-01 to 2028-03-01, unpol-stm 2025-01-10 (course code, completed, expires if it does)";

    /// <summary>A day that has happened (a pass, a licence, a qualification); empty is "none on file".</summary>
    public static Parsed<DateOnly?> PastDate(string text, DateOnly today)
    {
        var parsed = Date(text, required: false);
        if (!parsed.Ok || parsed.Value is null) return parsed;
        return parsed.Value > today ? Parsed<DateOnly?>.Fail("must not be in the future") : parsed;
    }

    /// <summary>"2025-03-01 fr": the AMS pass day and, optionally, the language assessed.</summary>
    public static Parsed<AmsPass?> AmsPass(string text, DateOnly today, IReadOnlySet<string>? knownLanguages)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new(null, null);
        if (parts.Length > 2) return Parsed<AmsPass?>.Fail("the day, then the language: 2025-03-01 fr");
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

    /// <summary>"cptm 2024-03-01 to 2028-03-01, unpol-stm 2025-01-10": course id, completion day, optional expiry day.</summary>
    public static Parsed<IReadOnlyList<CompletedCourse>> CompletedCourses(string text, DateOnly today, IReadOnlySet<string>? knownCourses)
    {
        var result = new List<CompletedCourse>();
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.Equals("to", StringComparison.OrdinalIgnoreCase)).ToArray();
            var id = parts[0].ToLowerInvariant();
            if (!SkillCodeShape().IsMatch(id)) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"“{parts[0]}”: not a course code");
            if (knownCourses is not null && !knownCourses.Contains(id))
                return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"“{id}” is not in the catalogue");
            if (parts.Length == 1) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"{id}: add the day completed");
            if (parts.Length > 3) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"{id}: completed, then expires");
            var completed = PastDate(parts[1], today);
            if (!completed.Ok) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"{id} completed: {completed.Problem}");
            DateOnly? expires = null;
            if (parts.Length == 3)
            {
                var expiry = Date(parts[2], required: true);
                if (!expiry.Ok) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"{id} expires: {expiry.Problem}");
                if (expiry.Value < completed.Value) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"{id}: expires before it was completed");
                expires = expiry.Value;
            }
            result.Add(new CompletedCourse { Course = $"courses/{id}", CompletionDate = ToProto(completed.Value), ExpiryDate = ToProto(expires) });
        }
        if (result.Count > MaxCompletedCourses) return Parsed<IReadOnlyList<CompletedCourse>>.Fail($"at most {MaxCompletedCourses} courses");
        return new(result, null);
    }

    public static string CompletedCourses(IEnumerable<CompletedCourse> courses) => string.Join(", ", courses.Select(c =>
        $"{c.Course.Split('/')[^1]} {Format.IsoDate(c.CompletionDate)}" + (c.ExpiryDate is { Year: > 0 } ? $" to {Format.IsoDate(c.ExpiryDate)}" : "")));

    private static IEnumerable<string> Entries(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"^[a-z]{2,3}$")]
    private static partial Regex LanguageCodeShape();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex SkillCodeShape();
}
