using System.Globalization;

namespace Training.Tui.Localization;

/// <summary>
/// The language the client speaks, English or French: <c>--lang en|fr</c>, else the system's (<c>LC_ALL</c>,
/// <c>LC_MESSAGES</c>, <c>LANG</c>, then the UI culture), French for any <c>fr_*</c>, English otherwise. It is the UI
/// culture of the thread, so resources, formatting and the language sent to the service all follow it.
/// </summary>
public static class UiLanguage
{
    public const string English = "en";
    public const string French = "fr";
    public const string Option = "--lang";

    /// <summary>How French reads dates, numbers and names: as in France ("8 févr. 2027", "12 345").</summary>
    private static readonly CultureInfo FrenchCulture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>English keeps the invariant forms the client has always shown ("8 Feb 2027", "12,345").</summary>
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>"en" or "fr": what the service is asked for in <c>accept-language</c>.</summary>
    public static string Code => IsFrench ? French : English;

    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == French;

    /// <summary>Dates, numbers and percentages on screen.</summary>
    public static CultureInfo Formatting => IsFrench ? FrenchCulture : CultureInfo.InvariantCulture;

    private static readonly StringComparer FrenchCollation = StringComparer.Create(FrenchCulture, CompareOptions.IgnoreCase);
    private static readonly StringComparer EnglishCollation = StringComparer.Create(EnglishCulture, CompareOptions.IgnoreCase);

    /// <summary>Names sorted as a reader of the language expects (é beside e, not after z as in code-point order).</summary>
    public static StringComparer Collation => IsFrench ? FrenchCollation : EnglishCollation;

    /// <summary>Takes <c>--lang X</c> (or <c>--lang=X</c>) out of the arguments and says which language to speak.</summary>
    public static (string Language, string[] Others) FromArguments(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? asked = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Option && i + 1 < args.Count) asked = args[++i];
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal)) asked = args[i][(Option.Length + 1)..];
            else rest.Add(args[i]);
        }
        if (asked is not null)
        {
            return asked.ToLowerInvariant() switch
            {
                English or French => (asked.ToLowerInvariant(), rest.ToArray()),
                _ => throw new ArgumentException(Strings.Format("Option_LangShape", Option, asked)),
            };
        }
        return (FromSystem(environment, CultureInfo.CurrentUICulture), rest.ToArray());
    }

    /// <summary>The POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG; without any, the UI culture.</summary>
    public static string FromSystem(Func<string, string?> environment, CultureInfo uiCulture)
    {
        var posix = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var language = posix is not null ? posix.Split('_', '.', '@', '-')[0] : uiCulture.TwoLetterISOLanguageName;
        return string.Equals(language, French, StringComparison.OrdinalIgnoreCase) ? French : English;
    }

    /// <summary>French for any tag of French ("fr", "fr-CA"), English for every other.</summary>
    public static string FromTag(string tag) =>
        string.Equals(tag.Split('_', '.', '@', '-')[0], French, StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>Speaks <paramref name="language"/> on this thread and on every thread started from now on.</summary>
    public static void Use(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language == French ? "fr-FR" : "en");
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
