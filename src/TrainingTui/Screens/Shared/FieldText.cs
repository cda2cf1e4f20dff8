using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// The small values forms take as text: whole numbers in a range, yes or no, instants in UTC ("2027-01-15 09:00"),
/// and a choice among named options. Each problem is a short phrase that fits beside a field.
/// </summary>
public static class FieldText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    public const string InstantHint = "YYYY-MM-DD HH:MM in UTC (the time may be left out: 00:00)";

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; empty is null (or a problem when required).</summary>
    public static Parsed<int?> Number(string text, int min, int max, bool required)
    {
        var t = text.Trim();
        if (t.Length == 0) return required ? Parsed<int?>.Fail($"required, {min}–{max}") : new(null, null);
        if (!int.TryParse(t, NumberStyles.Integer, Invariant, out var n)) return Parsed<int?>.Fail("a whole number");
        return n < min || n > max ? Parsed<int?>.Fail($"must be {min}–{max}") : new(n, null);
    }

    public static string Number(int? n) => n?.ToString(Invariant) ?? "";

    /// <summary>"yes" or "no" (or y, n); empty is no.</summary>
    public static Parsed<bool> YesNo(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0 || "no".StartsWith(t, StringComparison.Ordinal)) return new(false, null);
        return "yes".StartsWith(t, StringComparison.Ordinal) ? new(true, null) : Parsed<bool>.Fail("yes or no");
    }

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>"2027-01-15 09:00" or "2027-01-15" (midnight), in UTC.</summary>
    public static Parsed<DateTime?> Instant(string text, bool required)
    {
        var t = text.Trim().TrimEnd('Z').Replace(" UTC", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (t.Length == 0) return required ? Parsed<DateTime?>.Fail("required, YYYY-MM-DD HH:MM") : new(null, null);
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(t, formats, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return Parsed<DateTime?>.Fail("must be YYYY-MM-DD HH:MM");
        return at.Year is < 1900 or > 2200 ? Parsed<DateTime?>.Fail("year must be 1900–2200") : new(at, null);
    }

    public static string Instant(Timestamp? time) => time is null ? "" : time.ToDateTime().ToString("yyyy-MM-dd HH:mm", Invariant);

    public static Timestamp? ToProto(DateTime? at) => at is { } a ? Timestamp.FromDateTime(DateTime.SpecifyKind(a, DateTimeKind.Utc)) : null;

    /// <summary>One of <paramref name="names"/> (or the start of one); empty is the default (index -1) unless required.</summary>
    public static Parsed<int> Choice(string text, IReadOnlyList<string> names, bool required)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return required ? Parsed<int>.Fail("required: " + string.Join("/", names)) : new(-1, null);
        var exact = names.ToList().FindIndex(n => n == t);
        if (exact >= 0) return new(exact, null);
        var starts = names.Select((n, i) => (n, i)).Where(x => x.n.StartsWith(t, StringComparison.Ordinal)).ToList();
        return starts.Count == 1 ? new(starts[0].i, null) : Parsed<int>.Fail(string.Join("/", names));
    }

    /// <summary>The list fields of forms: "SN, RW" or "cptm, unpol-stm".</summary>
    public static IReadOnlyList<string> Entries(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
