using System.Globalization;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>How values read on screen: short, unambiguous, the same everywhere.</summary>
public static class Format
{
    /// <summary>Dates, numbers and percentages in the client's language ("8 Feb 2027", "8 févr. 2027").</summary>
    private static CultureInfo Shown => UiLanguage.Formatting;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DateOnly? Day(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);

    public static string Date(Google.Type.Date? date) => Day(date)?.ToString("d MMM yyyy", Shown) ?? "—";

    public static string IsoDate(Google.Type.Date? date) => Day(date)?.ToString("yyyy-MM-dd", Invariant) ?? "";

    public static string Dates(Google.Type.Date start, Google.Type.Date end)
    {
        var (s, e) = (Day(start), Day(end));
        if (s is null || e is null) return "—";
        return s.Value.Year == e.Value.Year
            ? $"{s.Value.ToString("d MMM", Shown)}–{e.Value.ToString("d MMM yyyy", Shown)}"
            : $"{s.Value.ToString("d MMM yyyy", Shown)}–{e.Value.ToString("d MMM yyyy", Shown)}";
    }

    /// <summary>The day of an instant, "3 Jan 2027" (UTC).</summary>
    public static string Day(Google.Protobuf.WellKnownTypes.Timestamp time) => time.ToDateTime().ToString("d MMM yyyy", Shown);

    public static string Instant(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "—" : time.ToDateTime().ToString("d MMM yyyy HH:mm", Shown) + " UTC";

    /// <summary>"open until 15 Feb", "opens 1 Jan", "closed", or the session's state when it is not open.</summary>
    public static string Window(Session session, DateTime now)
    {
        if (session.State != Session.Types.State.Open) return SessionState(session.State);
        var opens = session.NominationOpenTime?.ToDateTime();
        var closes = session.NominationCloseTime?.ToDateTime();
        if (opens > now) return Strings.Format("Window_Opens", opens.Value.ToString("d MMM", Shown));
        if (closes <= now) return Strings.Get("Window_Closed");
        return closes is null ? Strings.Get("Window_Open") : Strings.Format("Window_OpenUntil", closes.Value.ToString("d MMM", Shown));
    }

    /// <summary>"draft", "open", "closed", "completed", "cancelled" (in French too).</summary>
    public static string SessionState(Session.Types.State state) => state switch
    {
        Session.Types.State.Draft => Strings.Get("SessionState_Draft"),
        Session.Types.State.Open => Strings.Get("SessionState_Open"),
        Session.Types.State.Closed => Strings.Get("SessionState_Closed"),
        Session.Types.State.Completed => Strings.Get("SessionState_Completed"),
        Session.Types.State.Cancelled => Strings.Get("SessionState_Cancelled"),
        _ => state.ToString().ToLowerInvariant(),
    };

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
        Unpol.Training.V1.Gender.Female => Strings.Get("Gender_Female"),
        Unpol.Training.V1.Gender.Male => Strings.Get("Gender_Male"),
        _ => "?",
    };

    public static string State(Nomination.Types.State state) => state switch
    {
        Nomination.Types.State.Submitted => Strings.Get("NominationState_Submitted"),
        Nomination.Types.State.Confirmed => Strings.Get("NominationState_Confirmed"),
        Nomination.Types.State.Waitlisted => Strings.Get("NominationState_Waitlisted"),
        Nomination.Types.State.Rejected => Strings.Get("NominationState_Rejected"),
        Nomination.Types.State.Withdrawn => Strings.Get("NominationState_Withdrawn"),
        Nomination.Types.State.Cancelled => Strings.Get("NominationState_Cancelled"),
        Nomination.Types.State.Completed => Strings.Get("NominationState_Completed"),
        Nomination.Types.State.NoShow => Strings.Get("NominationState_NoShow"),
        Nomination.Types.State.Shortlisted => Strings.Get("NominationState_Shortlisted"),
        Nomination.Types.State.Selected => Strings.Get("NominationState_Selected"),
        Nomination.Types.State.Cleared => Strings.Get("NominationState_Cleared"),
        Nomination.Types.State.Deployed => Strings.Get("NominationState_Deployed"),
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Whether <paramref name="count"/> takes the singular: 1 in English; 0 and 1 in French ("0 événement").
    /// </summary>
    public static bool IsOne(long count) => count == 1 || (count == 0 && UiLanguage.IsFrench);

    /// <summary>"25 %" ("25 %" with a no-break space in French).</summary>
    public static string Percent(double share) => share.ToString("P0", Shown);

    public static string RegionOf(string resourceName) => resourceName.Split('/') is ["memberStates", var region, ..] ? region : "";

    public static string CourseOf(string sessionName) => string.Join('/', sessionName.Split('/').Take(2));
}
