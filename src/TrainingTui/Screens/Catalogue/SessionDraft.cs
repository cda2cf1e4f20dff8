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

    public static IReadOnlyList<FormField> Fields { get; } =
    [
        new(Venue, "Venue", "e.g. Entebbe, Regional Service Centre; Online when online"),
        new(Online, "Online", "yes or no"),
        new(Start, "First day", OfficerText.DateHint),
        new(End, "Last day", OfficerText.DateHint + ", on or after the first day"),
        new(Seats, "Seats", "most confirmed seats, 1–10000 (never below those confirmed)"),
        new(MinimumSeats, "Minimum", "the session may be cancelled below this many confirmed (0: none)"),
        new(Opens, "Nominations", "open from " + FieldText.InstantHint),
        new(Closes, "…until", FieldText.InstantHint + ", by the end of the first day"),
        new(Language, "Taught in", "language of this edition; empty: the course's"),
        new(Allocations, "Per State", "SN quota 2 cap 4, RW cap 3 (quota: confirmed seats; cap: live nominations)"),
    ];

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
            a.RegionCode + (a.Quota > 0 ? $" quota {a.Quota}" : "") + (a.Cap > 0 ? $" cap {a.Cap}" : ""))),
    };

    /// <summary>The session read from the form, and the problem of each field that could not be read.</summary>
    public static (Session Session, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text, RosterVocabulary vocabulary)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var session = new Session { Venue = Value(Venue) };
        if (session.Venue.Length == 0) problems[Venue] = "required";
        else if (session.Venue.Length > 200) problems[Venue] = $"at most 200 characters ({session.Venue.Length})";
        var online = FieldText.YesNo(Value(Online));
        if (online.Ok) session.Online = online.Value;
        else problems[Online] = online.Problem!;

        var start = Day(Start);
        var end = Day(End);
        if (start is { } s && end is { } e && e < s) problems[End] = "must be on or after the first day";
        session.StartDate = OfficerText.ToProto(start);
        session.EndDate = OfficerText.ToProto(end);

        var seats = FieldText.Number(Value(Seats), 1, 10_000, required: true);
        if (seats.Ok) session.Seats = seats.Value!.Value;
        else problems[Seats] = seats.Problem!;
        var minimum = FieldText.Number(Value(MinimumSeats), 0, 10_000, required: false);
        if (!minimum.Ok) problems[MinimumSeats] = minimum.Problem!;
        else if (minimum.Value > session.Seats && seats.Ok) problems[MinimumSeats] = $"must not exceed the seats ({session.Seats})";
        session.MinimumSeats = minimum.Value ?? 0;

        var opens = Instant(Opens);
        var closes = Instant(Closes);
        var latest = start?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (opens is not null && closes <= opens) problems[Closes] = "must be after the opening";
        else if (closes > latest) problems[Closes] = $"no later than {latest:yyyy-MM-dd HH:mm}, the end of the first day";
        session.NominationOpenTime = FieldText.ToProto(opens);
        session.NominationCloseTime = FieldText.ToProto(closes);

        var language = Value(Language).ToLowerInvariant();
        if (language.Length > 0 && vocabulary.LanguageCodes is { } known && !known.Contains(language)) problems[Language] = $"“{language}” is not a known language";
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

    /// <summary>"SN quota 2 cap 4, RW cap 3".</summary>
    public static Parsed<IReadOnlyList<MemberStateAllocation>> ReadAllocations(string text)
    {
        var result = new List<MemberStateAllocation>();
        foreach (var entry in FieldText.Entries(text))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var region = parts[0].ToUpperInvariant();
            if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper)) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail($"“{parts[0]}”: a region code like SN");
            if (result.Any(a => a.RegionCode == region)) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail($"{region} is listed twice");
            var allocation = new MemberStateAllocation { RegionCode = region };
            if (parts.Length is 1 or > 5 || parts.Length % 2 == 0) return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail($"{region}: quota N and/or cap N");
            for (var i = 1; i < parts.Length; i += 2)
            {
                if (!int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0)
                    return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail($"{region}: {parts[i]} is a whole number");
                switch (parts[i].ToLowerInvariant())
                {
                    case "quota": allocation.Quota = n; break;
                    case "cap": allocation.Cap = n; break;
                    default: return Parsed<IReadOnlyList<MemberStateAllocation>>.Fail($"{region}: quota N and/or cap N");
                }
            }
            result.Add(allocation);
        }
        return new(result, null);
    }
}
