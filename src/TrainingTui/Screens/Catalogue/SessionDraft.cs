using System.Globalization;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// A session as the session form shows and takes it, each field keyed by its update-mask path and checked as the
/// service checks it (CatalogMapping): dates in order, 1 to 10,000 seats, the minimum not above them, the nomination
/// window open before it closes and closed by the end of the first day, quotas per Member State.
/// </summary>
public static class SessionDraft
{
    public const string Venue = "venue", Online = "online", Start = "start_date", End = "end_date", Seats = "seats",
        MinimumSeats = "minimum_seats", Opens = "nomination_open_time", Closes = "nomination_close_time", Language = "language_code",
        Allocations = "allocations";

    /// <summary>The fields in the client's language, read each time a form opens.</summary>
    public static IReadOnlyList<FormField> Fields =>
    [
        new(Venue, Strings.Get("SessionForm_Venue"), Strings.Get("SessionForm_VenueHint")),
        new(Online, Strings.Get("SessionForm_Online"), Strings.Get("Field_YesOrNo")),
        new(Start, Strings.Get("SessionForm_Start"), OfficerText.DateHint),
        new(End, Strings.Get("SessionForm_End"), OfficerText.DateHint + Strings.Get("SessionForm_EndHint")),
        new(Seats, Strings.Get("SessionForm_Seats"), Strings.Get("SessionForm_SeatsHint")),
        new(MinimumSeats, Strings.Get("SessionForm_Minimum"), Strings.Get("SessionForm_MinimumHint")),
        new(Opens, Strings.Get("SessionForm_Opens"), Strings.Format("SessionForm_OpensHint", FieldText.InstantHint)),
        new(Closes, Strings.Get("SessionForm_Closes"), FieldText.InstantHint + Strings.Get("SessionForm_ClosesHint")),
        new(Language, Strings.Get("SessionForm_Language"), Strings.Get("SessionForm_LanguageHint")),
        new(Allocations, Strings.Get("SessionForm_Allocations"), Strings.Get("SessionForm_AllocationsHint")),
    ];

    /// <summary>"quota" and "cap" in the allocations field, as the form shows them; both languages' words are taken.</summary>
    private static string QuotaWord => Strings.Get("SessionForm_Quota");

    private static string CapWord => Strings.Get("SessionForm_Cap");

    public static IReadOnlyDictionary<string, string> Text(Session? session) => new Dictionary<string, string>
    {
        [Venue] = session?.Venue ?? "",
        [Online] = FieldText.YesNo(session?.Online ?? false),
        [Start] = Format.IsoDate(session?.StartDate),
        [End] = Format.IsoDate(session?.EndDate),
        [Seats] = session is null ? "" : FieldText.Number(session.Seats),
        [MinimumSeats] = FieldText.Number(session?.MinimumSeats ?? 0),
        [Opens] = FieldText.Instant(session?.NominationOpenTime),
        [Closes] = FieldText.Instant(session?.NominationCloseTime),
        [Language] = session?.LanguageCode ?? "",
        [Allocations] = string.Join(", ", (session?.Allocations ?? []).Select(a =>
            a.RegionCode + (a.Quota > 0 ? $" {QuotaWord} {a.Quota}" : "") + (a.Cap > 0 ? $" {CapWord} {a.Cap}" : ""))),
    };

    /// <summary>The session read from the form, and the problem of each field that could not be read.</summary>
    public static (Session Session, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text, RosterVocabulary vocabulary)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var session = new Session { Venue = Value(Venue) };
        if (session.Venue.Length == 0) problems[Venue] = FieldText.Required;
        else if (session.Venue.Length > 200) problems[Venue] = FieldText.TooLong(200, session.Venue.Length);
        var online = FieldText.YesNo(Value(Online));
        if (online.Ok) session.Online = online.Value;
        else problems[Online] = online.Problem!;

        var start = Day(Start);
        var end = Day(End);
        if (start is { } s && end is { } e && e < s) problems[End] = Strings.Get("SessionForm_EndAfterStart");
        session.StartDate = OfficerText.ToProto(start);
        session.EndDate = OfficerText.ToProto(end);

        var seats = FieldText.Number(Value(Seats), 1, 10_000, required: true);
        if (seats.Ok) session.Seats = seats.Value!.Value;
        else problems[Seats] = seats.Problem!;
        var minimum = FieldText.Number(Value(MinimumSeats), 0, 10_000, required: false);
        if (!minimum.Ok) problems[MinimumSeats] = minimum.Problem!;
        else if (minimum.Value > session.Seats && seats.Ok) problems[MinimumSeats] = Strings.Format("SessionForm_MinimumAboveSeats", session.Seats);
        session.MinimumSeats = minimum.Value ?? 0;

        var opens = Instant(Opens);
        var closes = Instant(Closes);
        var latest = start?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (opens is not null && closes <= opens) problems[Closes] = Strings.Get("SessionForm_ClosesAfterOpens");
        else if (closes > latest) problems[Closes] = Strings.Format("SessionForm_ClosesByFirstDay", FieldText.Instant(FieldText.ToProto(latest)));
        session.NominationOpenTime = FieldText.ToProto(opens);
        session.NominationCloseTime = FieldText.ToProto(closes);

        var language = Value(Language).ToLowerInvariant();
        if (language.Length > 0 && vocabulary.LanguageCodes is { } known && !known.Contains(language)) problems[Language] = CourseDraft.UnknownLanguage(language);
        session.LanguageCode = language;

        var allocations = ReadAllocations(Value(Allocations));
        if (allocations.Ok) session.Allocations.AddRange(allocations.Value);
        else problems[Allocations] = allocations.Problem!;
        return (session, problems);

        DateOnly? Day(string key)
        {
            var parsed = OfficerText.Date(Value(key), required: true);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }

        DateTime? Instant(string key)
        {
            var parsed = FieldText.Instant(Value(key), required: true);
            if (!parsed.Ok) problems[key] = parsed.Problem!;
            return parsed.Value;
        }
    }

    /// <summary>"SN quota 2 cap 4, RW cap 3" (in French "SN quota 2 plafond 4"; either language's words are taken).</summary>
    public static Parsed<IReadOnlyList<MemberStateAllocation>> ReadAllocations(string text)
    {
        var result = new List<MemberStateAllocation>();
        foreach (var entry in FieldText.Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var region = parts[0].ToUpperInvariant();
            if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper)) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail(FieldText.NotARegion(parts[0]));
            if (result.Any(a => a.RegionCode == region)) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail(Strings.Format("SessionForm_ListedTwice", region));
            var allocation = new MemberStateAllocation { RegionCode = region };
            var shape = Strings.Format("SessionForm_QuotaCapShape", region, QuotaWord, CapWord);
            if (parts.Length is 1 or > 5 || parts.Length % 2 == 0) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail(shape);
            for (var i = 1; i < parts.Length; i += 2)
            {
                if (!int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0)
                    return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail(Strings.Format("SessionForm_WholeNumber", region, parts[i]));
                var word = Folding.Fold(parts[i]);
                if (word == "quota" || word == Folding.Fold(QuotaWord)) allocation.Quota = n;
                else if (word == "cap" || word == Folding.Fold(CapWord)) allocation.Cap = n;
                else return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail(shape);
            }
            result.Add(allocation);
        }
        return new(result, null);
    }
}
