using System.Text.RegularExpressions;
using Training.Service.Domain.Common;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>One data row of a roster file: its line in the file, its cells in <see cref="RosterFile.Columns"/> order,
/// and what was wrong with the row as a whole (bad quoting, a wrong number of fields, invalid JSON).</summary>
public sealed record RosterRow(long Line, string[] Cells, IReadOnlyList<FieldViolation> Problems);

/// <summary>
/// The row format of roster files, shared by CSV and JSON lines (docs/roster-import.md): one column per officer
/// field, each cell plain text. Reading only checks a cell's syntax and builds the proto officer; the rules of the
/// values themselves are <see cref="OfficerMapping.FromProto"/>'s, so an imported row obeys exactly what
/// CreateOfficer does. Writing is the exact inverse, so an export imports back to the same officers.
/// </summary>
public static partial class RosterFile
{
    /// <summary>The columns in file order: CSV header names and JSON-lines keys.</summary>
    public static readonly IReadOnlyList<string> Columns;

    /// <summary>The columns a CSV header must name: the officer's required fields.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns;

    private static readonly Vocabulary<Proto.Gender> Genders = new("", (Proto.Gender.Female, "female"), (Proto.Gender.Male, "male"));

    private static readonly Vocabulary<Proto.Availability> Availabilities = new("",
        (Proto.Availability.Available, "available"), (Proto.Availability.Deployed, "deployed"),
        (Proto.Availability.Unavailable, "unavailable"));

    /// <summary>"-" marks a language skill not assessed, so the four levels keep their places.</summary>
    private static readonly Vocabulary<Proto.CefrLevel> Levels = new("-",
        (Proto.CefrLevel.A1, "A1"), (Proto.CefrLevel.A2, "A2"), (Proto.CefrLevel.B1, "B1"),
        (Proto.CefrLevel.B2, "B2"), (Proto.CefrLevel.C1, "C1"), (Proto.CefrLevel.C2, "C2"));

    private static readonly Vocabulary<Proto.SkillLevel> SkillLevels = new("",
        (Proto.SkillLevel.Basic, "basic"), (Proto.SkillLevel.Intermediate, "intermediate"),
        (Proto.SkillLevel.Advanced, "advanced"), (Proto.SkillLevel.Expert, "expert"));

    /// <summary>"-" marks a vetting date recorded without a status.</summary>
    private static readonly Vocabulary<Proto.VettingStatus> Statuses = new("-",
        (Proto.VettingStatus.Pending, "pending"), (Proto.VettingStatus.Cleared, "cleared"),
        (Proto.VettingStatus.Flagged, "flagged"));

    private static readonly Column[] Table =
    [
        new("national_police_id", true, o => o.NationalPoliceId, (o, text) => Text(text, t => o.NationalPoliceId = t)),
        new("family_name", true, o => o.FamilyName, (o, text) => Text(text, t => o.FamilyName = t)),
        new("given_name", true, o => o.GivenName, (o, text) => Text(text, t => o.GivenName = t)),
        new("gender", true, o => Genders.Write(o.Gender), (o, text) => Genders.Read(text, g => o.Gender = g)),
        new("birth_date", true, o => WriteDay(o.BirthDate), (o, text) => ReadDay(text, d => o.BirthDate = d)),
        new("rank", false, o => o.Rank, (o, text) => Text(text, t => o.Rank = t)),
        new("service_start_date", true, o => WriteDay(o.ServiceStartDate), (o, text) => ReadDay(text, d => o.ServiceStartDate = d)),
        new("retirement_date", false, o => WriteDay(o.RetirementDate), (o, text) => ReadDay(text, d => o.RetirementDate = d)),
        new("availability", true, o => Availabilities.Write(o.Availability), (o, text) => Availabilities.Read(text, a => o.Availability = a)),
        new("languages", false, o => WriteLanguages(o.Languages), (o, text) => ReadLanguages(text, o.Languages)),
        new("skills", false, o => WriteSkills(o.Skills), (o, text) => ReadSkills(text, o.Skills)),
        new("ams_pass_date", false, o => WriteDay(o.Certifications?.AmsPass?.PassDate),
            (o, text) => ReadDay(text, d => Ams(o).PassDate = d)),
        new("ams_language", false, o => o.Certifications?.AmsPass?.LanguageCode ?? "",
            (o, text) => string.IsNullOrWhiteSpace(text) ? null : Text(text, t => Ams(o).LanguageCode = t)),
        new("driving_licence_date", false, o => WriteDay(o.Certifications?.DrivingLicence?.IssueDate),
            (o, text) => ReadDay(text, d => o.Certifications.DrivingLicence = new Proto.DrivingLicence { IssueDate = d })),
        new("firearms_date", false, o => WriteDay(o.Certifications?.Firearms?.QualificationDate),
            (o, text) => ReadDay(text, d => o.Certifications.Firearms = new Proto.FirearmsQualification { QualificationDate = d })),
        new("completed_courses", false, o => WriteCourses(o.Certifications?.CompletedCourses ?? []),
            (o, text) => ReadCourses(text, o.Certifications.CompletedCourses)),
        new("human_rights_screening", false, o => WriteVetting(o.Vetting?.HumanRightsScreening),
            (o, text) => ReadVetting(text, i => o.Vetting.HumanRightsScreening = i)),
        new("self_attestation", false, o => WriteVetting(o.Vetting?.SelfAttestation),
            (o, text) => ReadVetting(text, i => o.Vetting.SelfAttestation = i)),
        new("misconduct_check", false, o => WriteVetting(o.Vetting?.MisconductCheck),
            (o, text) => ReadVetting(text, i => o.Vetting.MisconductCheck = i)),
        new("medical_clearance", false, o => WriteVetting(o.Vetting?.MedicalClearance),
            (o, text) => ReadVetting(text, i => o.Vetting.MedicalClearance = i)),
    ];

    private static readonly Dictionary<string, int> IndexByName;

    /// <summary>
    /// The nested fields of <see cref="OfficerMapping.FromProto"/>'s paths (after "officer.") and their columns; every
    /// other path starts with its column's name.
    /// </summary>
    private static readonly (string Path, string Column)[] PathColumns =
    [
        ("certifications.ams_pass.pass_date", "ams_pass_date"),
        ("certifications.ams_pass.language_code", "ams_language"),
        ("certifications.driving_licence.issue_date", "driving_licence_date"),
        ("certifications.firearms.qualification_date", "firearms_date"),
        ("certifications.completed_courses", "completed_courses"),
        ("vetting.human_rights_screening", "human_rights_screening"),
        ("vetting.self_attestation", "self_attestation"),
        ("vetting.misconduct_check", "misconduct_check"),
        ("vetting.medical_clearance", "medical_clearance"),
    ];

    static RosterFile()
    {
        Columns = Table.Select(c => c.Name).ToArray();
        RequiredColumns = Table.Where(c => c.Required).Select(c => c.Name).ToArray();
        IndexByName = Table.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The index of a column named in a header or a JSON key (any case, surrounding spaces ignored), or -1.</summary>
    public static int IndexOf(string name) => IndexByName.GetValueOrDefault(name.Trim(), -1);

    /// <summary>An officer as cells in <see cref="Columns"/> order.</summary>
    public static string[] ToCells(Proto.Officer officer) => Table.Select(c => c.Write(officer)).ToArray();

    /// <summary>
    /// Reads cells (in <see cref="Columns"/> order) into a proto officer; a cell whose syntax is wrong adds a problem
    /// named by its column and leaves its field unset.
    /// </summary>
    public static Proto.Officer ToOfficer(IReadOnlyList<string> cells, ICollection<FieldViolation> problems)
    {
        var officer = new Proto.Officer { Certifications = new Proto.Certifications(), Vetting = new Proto.Vetting() };
        for (var i = 0; i < Table.Length; i++)
        {
            // Readers decode bytes that are not UTF-8 as U+FFFD: a file saved in a legacy code page would
            // otherwise store mangled names without a word.
            var problem = cells[i].Contains('\uFFFD')
                ? "contains bytes that are not UTF-8: save the file as UTF-8."
                : Table[i].Read(officer, cells[i]);
            if (problem is not null) problems.Add(new FieldViolation(Table[i].Name, problem));
        }
        return officer;
    }

    /// <summary>
    /// Turns a violation of <see cref="OfficerMapping.FromProto"/> (paths under "officer") into one on a column:
    /// "officer.languages[1].language_code" becomes column "languages", "entry 2, language_code: …".
    /// </summary>
    public static FieldViolation Locate(FieldViolation violation)
    {
        const string officer = "officer.";
        var path = violation.Field.StartsWith(officer, StringComparison.Ordinal) ? violation.Field[officer.Length..] : violation.Field;
        var (prefix, column) = PathColumns.FirstOrDefault(p => path.StartsWith(p.Path, StringComparison.Ordinal));
        if (column is null)
        {
            var end = path.IndexOfAny(['.', '[']);
            column = prefix = end < 0 ? path : path[..end];
        }
        var detail = EntryIndex().Replace(path[prefix.Length..], m => $", entry {int.Parse(m.Groups[1].Value) + 1}")
            .Replace(".", ", ").Trim(',', ' ');
        return new FieldViolation(column, detail.Length == 0 ? violation.Description : $"{detail}: {violation.Description}");
    }

    private static Proto.AmsPass Ams(Proto.Officer officer) => officer.Certifications.AmsPass ??= new Proto.AmsPass();

    private static string? Text(string text, Action<string> set)
    {
        set(text);
        return null;
    }

    private static string WriteDay(Google.Type.Date? day) =>
        day is null ? "" : $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}";

    /// <summary>Only the shape is checked here: whether it is a real day is the validator's call, as for the API.</summary>
    private static string? ReadDay(string text, Action<Google.Type.Date> set)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        if (ParseDay(text) is not { } day) return $"\"{Shorten(text)}\" is not a date of the form YYYY-MM-DD.";
        set(day);
        return null;
    }

    private static Google.Type.Date? ParseDay(string text)
    {
        var m = DayPattern().Match(text);
        return m.Success
            ? new Google.Type.Date { Year = int.Parse(m.Groups[1].Value), Month = int.Parse(m.Groups[2].Value), Day = int.Parse(m.Groups[3].Value) }
            : null;
    }

    private static string WriteLanguages(IEnumerable<Proto.LanguageProficiency> languages) => string.Join(";",
        languages.Select(l => $"{l.LanguageCode}:{Levels.Write(l.Reading)}/{Levels.Write(l.Listening)}/{Levels.Write(l.Writing)}/{Levels.Write(l.Speaking)}"));

    private static string? ReadLanguages(string text, ICollection<Proto.LanguageProficiency> languages)
    {
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(':');
            var levels = parts.Length == 2 ? parts[1].Split('/') : [];
            if (levels.Length != 4)
                return $"\"{Shorten(entry)}\" is not of the form code:reading/listening/writing/speaking, e.g. fr:C1/C1/B2/C1.";
            var read = new Proto.CefrLevel[4];
            for (var i = 0; i < 4; i++)
            {
                if (!Levels.TryRead(levels[i].Trim(), out read[i]))
                    return $"\"{Shorten(levels[i])}\" in \"{Shorten(entry)}\" is not a CEFR level ({Levels.Choices}).";
            }
            languages.Add(new Proto.LanguageProficiency
            {
                LanguageCode = parts[0].Trim(),
                Reading = read[0],
                Listening = read[1],
                Writing = read[2],
                Speaking = read[3],
            });
        }
        return null;
    }

    private static string WriteSkills(IEnumerable<Proto.SkillProficiency> skills) =>
        string.Join(";", skills.Select(s => $"{s.SkillCode}:{SkillLevels.Write(s.Level)}"));

    private static string? ReadSkills(string text, ICollection<Proto.SkillProficiency> skills)
    {
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2) return $"\"{Shorten(entry)}\" is not of the form skill:level, e.g. forensics:advanced.";
            if (!SkillLevels.TryRead(parts[1].Trim(), out var level))
                return $"\"{Shorten(parts[1])}\" in \"{Shorten(entry)}\" is not a skill level ({SkillLevels.Choices}).";
            skills.Add(new Proto.SkillProficiency { SkillCode = parts[0].Trim(), Level = level });
        }
        return null;
    }

    private static string WriteCourses(IEnumerable<Proto.CompletedCourse> courses) => string.Join(";", courses.Select(c =>
    {
        var id = c.Course.StartsWith("courses/", StringComparison.Ordinal) ? c.Course["courses/".Length..] : c.Course;
        var expiry = WriteDay(c.ExpiryDate);
        return expiry.Length == 0 ? $"{id}:{WriteDay(c.CompletionDate)}" : $"{id}:{WriteDay(c.CompletionDate)}:{expiry}";
    }));

    private static string? ReadCourses(string text, ICollection<Proto.CompletedCourse> courses)
    {
        foreach (var entry in Entries(text))
        {
            var parts = entry.Split(':').Select(p => p.Trim()).ToArray();
            var completed = parts.Length is 2 or 3 ? ParseDay(parts[1]) : null;
            var expires = parts.Length == 3 ? ParseDay(parts[2]) : null;
            if (completed is null || (parts.Length == 3 && expires is null))
                return $"\"{Shorten(entry)}\" is not of the form course:completed[:expires], e.g. cptm:2024-03-01:2028-03-01.";
            courses.Add(new Proto.CompletedCourse { Course = $"courses/{parts[0]}", CompletionDate = completed, ExpiryDate = expires });
        }
        return null;
    }

    private static string WriteVetting(Proto.VettingItem? item)
    {
        if (item is null) return "";
        var status = item.Status == Proto.VettingStatus.Unspecified && item.Date is null ? "" : Statuses.Write(item.Status);
        return item.Date is null ? status : $"{status}:{WriteDay(item.Date)}";
    }

    private static string? ReadVetting(string text, Action<Proto.VettingItem> set)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        var parts = text.Split(':');
        var date = parts.Length == 2 ? ParseDay(parts[1].Trim()) : null;
        if (parts.Length > 2 || (parts.Length == 2 && date is null) || !Statuses.TryRead(parts[0].Trim(), out var status))
            return $"\"{Shorten(text)}\" is not of the form status:YYYY-MM-DD with status {Statuses.Choices}.";
        set(new Proto.VettingItem { Status = status, Date = date });
        return null;
    }

    /// <summary>The ";"-separated entries of a list cell, blank ones (a trailing ";") left out.</summary>
    private static IEnumerable<string> Entries(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex EntryIndex();

    /// <summary>One column: its name, whether a CSV header must have it, and its two directions.</summary>
    /// <param name="Read">Sets the officer's field from the cell; returns what is wrong with the cell, or null.</param>
    private sealed record Column(string Name, bool Required, Func<Proto.Officer, string> Write, Func<Proto.Officer, string, string?> Read);

    /// <summary>The words a file uses for an enum; <paramref name="unset"/> is the word for the zero value.</summary>
    private sealed class Vocabulary<T>(string unset, params (T Value, string Word)[] words) where T : struct, Enum
    {
        public string Choices => string.Join(", ", words.Select(w => w.Word));

        public string Write(T value) =>
            words.FirstOrDefault(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Word ?? unset;

        /// <summary>Any case; the empty text and the unset word read as the zero value.</summary>
        public bool TryRead(string text, out T value)
        {
            value = default;
            if (text.Length == 0 || text == unset) return true;
            foreach (var (candidate, word) in words)
            {
                if (!string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) continue;
                value = candidate;
                return true;
            }
            return false;
        }

        public string? Read(string text, Action<T> set)
        {
            if (!TryRead(text.Trim(), out var value)) return $"\"{Shorten(text)}\" is not one of {Choices}.";
            set(value);
            return null;
        }
    }
}
