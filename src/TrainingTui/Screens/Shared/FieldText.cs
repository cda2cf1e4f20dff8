using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// The small values forms take as text: whole numbers in a range, yes or no, instants in UTC ("2027-01-15 09:00"),
/// and a choice among named options. Each problem is a short phrase that fits beside a field. Yes and no read in the
/// client's language and are taken in either ("oui", "yes", "n").
/// </summary>
public static class FieldText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    public static string InstantHint => Strings.Get("Field_InstantHint");

    /// <summary>"required", for a field left empty.</summary>
    public static string Required => Strings.Get("Field_Required");

    /// <summary>"at most 200 characters (212)".</summary>
    public static string TooLong(int max, int length) => Strings.Format("Field_AtMost", max, length);

    /// <summary>"“S1”: a region code like SN", for an entry that is not one.</summary>
    public static string NotARegion(string entry) => Strings.Format("Field_RegionCode", entry);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; empty is null (or a problem when required).</summary>
    public static Parsed<int?> Number(string text, int min, int max, bool required)
    {
        var t = text.Trim();
        if (t.Length == 0) return required ? Parsed<int?>.Fail(Strings.Format("Field_RequiredRange", min, max)) : new(null, null);
        if (!int.TryParse(t, NumberStyles.Integer, Invariant, out var n)) return Parsed<int?>.Fail(Strings.Get("Field_WholeNumber"));
        return n < min || n > max ? Parsed<int?>.Fail(Strings.Format("Field_Range", min, max)) : new(n, null);
    }

    public static string Number(int? n) => n?.ToString(Invariant) ?? "";

    /// <summary>
    /// "yes" or "no" (or y, n), "oui" or "non" (or o, n), in either language: a French form opened by someone used to
    /// the English words (or a script) takes them too. Empty is no.
    /// </summary>
    public static Parsed<bool> YesNo(string text)
    {
        var t = Folding.Fold(text.Trim());
        if (t.Length == 0 || No.Any(n => n.StartsWith(t, StringComparison.Ordinal))) return new(false, null);
        return Yes.Any(y => y.StartsWith(t, StringComparison.Ordinal)) ? new(true, null) : Parsed<bool>.Fail(Strings.Get("Field_YesOrNo"));
    }

    private static readonly string[] Yes = ["yes", "oui"], No = ["no", "non"];

    public static string YesNo(bool value) => value ? Strings.Get("Field_Yes") : Strings.Get("Field_No");

    /// <summary>"2027-01-15 09:00" or "2027-01-15" (midnight), in UTC.</summary>
    public static Parsed<DateTime?> Instant(string text, bool required)
    {
        var t = text.Trim().TrimEnd('Z').Replace(" UTC", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (t.Length == 0) return required ? Parsed<DateTime?>.Fail(Strings.Get("Field_RequiredInstant")) : new(null, null);
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(t, formats, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return Parsed<DateTime?>.Fail(Strings.Get("Field_InstantShape"));
        return at.Year is < 1900 or > 2200 ? Parsed<DateTime?>.Fail(Strings.Format("Field_YearRange", 1900, 2200)) : new(at, null);
    }

    public static string Instant(Timestamp? time) => time is null ? "" : time.ToDateTime().ToString("yyyy-MM-dd HH:mm", Invariant);

    public static Timestamp? ToProto(DateTime? at) => at is { } a ? Timestamp.FromDateTime(DateTime.SpecifyKind(a, DateTimeKind.Utc)) : null;

    /// <summary>
    /// One of <paramref name="names"/> (or the start of one, accents and case aside); empty is the default (index -1)
    /// unless required. <paramref name="alsoNamed"/>, in the same order, are names taken too (the English ones, when
    /// the form speaks French).
    /// </summary>
    public static Parsed<int> Choice(string text, IReadOnlyList<string> names, bool required, IReadOnlyList<string>? alsoNamed = null)
    {
        var t = Folding.Fold(text.Trim());
        if (t.Length == 0) return required ? Parsed<int>.Fail(Strings.Format("Field_RequiredChoice", string.Join("/", names))) : new(-1, null);
        IReadOnlyList<string>[] lists = alsoNamed is null ? [names] : [names, alsoNamed];
        foreach (var list in lists)
        {
            var folded = list.Select(Folding.Fold).ToList();
            var exact = folded.FindIndex(n => n == t);
            if (exact >= 0) return new(exact, null);
            var starts = folded.Select((n, i) => (n, i)).Where(x => x.n.StartsWith(t, StringComparison.Ordinal)).ToList();
            if (starts.Count == 1) return new(starts[0].i, null);
        }
        return Parsed<int>.Fail(string.Join("/", names));
    }

    /// <summary>The list fields of forms: "SN, RW" or "cptm, unpol-stm".</summary>
    public static IReadOnlyList<string> Entries(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
