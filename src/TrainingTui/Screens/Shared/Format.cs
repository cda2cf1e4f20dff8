using System.Globalization;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>How values read on screen: short, unambiguous, the same everywhere.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DateOnly? Day(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);

    public static string Date(Google.Type.Date? date) => Day(date)?.ToString("d MMM yyyy", Invariant) ?? "—";

    public static string IsoDate(Google.Type.Date? date) => Day(date)?.ToString("yyyy-MM-dd", Invariant) ?? "";

    public static string Dates(Google.Type.Date start, Google.Type.Date end)
    {
        var (s, e) = (Day(start), Day(end));
        if (s is null || e is null) return "—";
        return s.Value.Year == e.Value.Year
            ? $"{s.Value.ToString("d MMM", Invariant)}–{e.Value.ToString("d MMM yyyy", Invariant)}"
            : $"{s.Value.ToString("d MMM yyyy", Invariant)}–{e.Value.ToString("d MMM yyyy", Invariant)}";
    }

    /// <summary>The day of an instant, "3 Jan 2027" (UTC).</summary>
    public static string Day(Google.Protobuf.WellKnownTypes.Timestamp time) => time.ToDateTime().ToString("d MMM yyyy", Invariant);

    public static string Instant(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "—" : time.ToDateTime().ToString("d MMM yyyy HH:mm", Invariant) + " UTC";

    /// <summary>"open until 15 Feb", "opens 1 Jan", "closed", or the session's state when it is not open.</summary>
    public static string Window(Session session, DateTime now)
    {
        if (session.State != Session.Types.State.Open) return session.State.ToString().ToLowerInvariant();
        var opens = session.NominationOpenTime?.ToDateTime();
        var closes = session.NominationCloseTime?.ToDateTime();
        if (opens > now) return $"opens {opens.Value.ToString("d MMM", Invariant)}";
        if (closes <= now) return "closed";
        return closes is null ? "open" : $"open until {closes.Value.ToString("d MMM", Invariant)}";
    }

    public static bool WindowOpen(Session session, DateTime now) =>
        session.State == Session.Types.State.Open
        && session.NominationOpenTime?.ToDateTime() <= now && session.NominationCloseTime?.ToDateTime() > now;

    public static string Level(CefrLevel level) => level == CefrLevel.Unspecified ? "–" : level.ToString();

    /// <summary>"fr C1/C1/B2/C1" — reading, listening, writing, speaking.</summary>
    public static string Language(LanguageProficiency l) =>
        $"{l.LanguageCode} {Level(l.Reading)}/{Level(l.Listening)}/{Level(l.Writing)}/{Level(l.Speaking)}";

    /// <summary>The lowest level over the four skills: one figure to sort and compare by.</summary>
    public static CefrLevel Lowest(LanguageProficiency l) =>
        new[] { l.Reading, l.Listening, l.Writing, l.Speaking }.Where(x => x != CefrLevel.Unspecified).DefaultIfEmpty().Min();

    public static string Languages(Officer o) => string.Join(", ", o.Languages.Select(l => $"{l.LanguageCode} {Level(Lowest(l))}"));

    public static string Skills(Officer o) => string.Join(", ", o.Skills.Select(s => s.SkillCode));

    public static string Gender(Gender gender) => gender switch
    {
        Unpol.Training.V1.Gender.Female => "F",
        Unpol.Training.V1.Gender.Male => "M",
        _ => "?",
    };

    public static string State(Nomination.Types.State state) => state switch
    {
        Nomination.Types.State.NoShow => "no-show",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Percent(double share) => share.ToString("P0", Invariant);

    public static string RegionOf(string resourceName) => resourceName.Split('/') is ["memberStates", var region, ..] ? region : "";

    public static string CourseOf(string sessionName) => string.Join('/', sessionName.Split('/').Take(2));
}
