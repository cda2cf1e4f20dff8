using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Training.Service.Domain.Common;

/// <summary>
/// A sentence for a person, kept as its key in <c>Phrases.resx</c> (English) and <c>Phrases.fr.resx</c> (French) and its
/// arguments, so that it is said in the caller's language when it leaves the service. Arguments that are phrases are
/// said in the same language; days read "8 Feb 2027" or "8 févr. 2027"; shares "25 %". The names of reference data
/// (Member States, languages, skills, missions) are words of their own pair beside it,
/// <c>Domain/Reference/DisplayNames.resx</c>; a key is in one pair only.
/// </summary>
public sealed class Phrase
{
    private static readonly ResourceManager[] Resources =
    [
        new("Training.Service.Domain.Common.Phrases", typeof(Phrase).Assembly),
        new("Training.Service.Domain.Reference.DisplayNames", typeof(Phrase).Assembly),
    ];
    /// <summary>The service's second language.</summary>
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The language of the API's messages (AIP-193: <c>message</c> is English).</summary>
    public static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>Each key's text per language, read from the resources once (ResourceManager takes a lock on every read).</summary>
    private static readonly ConcurrentDictionary<(string Key, bool French), string?> Texts = new();

    private readonly string? _fallback;

    public Phrase(string key, params object?[] arguments) : this(key, null, arguments) { }

    private Phrase(string key, string? fallback, object?[] arguments)
    {
        Key = key;
        _fallback = fallback;
        Arguments = arguments;
    }

    public string Key { get; }
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>A word of a vocabulary ("Availability_Deployed"), read as <paramref name="fallback"/> when no language has it.</summary>
    public static Phrase Word(string key, string fallback) => new(key, fallback, []);

    /// <summary>A share of a whole, "25 %".</summary>
    public sealed record Share(double Value);

    /// <summary>Several phrases read one after the other.</summary>
    public sealed record Sentences(IReadOnlyList<Phrase> Items);

    /// <summary>Several words listed with commas, "reading, writing".</summary>
    public sealed record Listing(IReadOnlyList<Phrase> Items);

    /// <summary>True for French (fr-*): the service's one other language; every other culture is answered in English.</summary>
    public static bool SpeaksFrench(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";

    /// <summary>The phrase in <paramref name="culture"/>'s language: French for fr-*, English otherwise.</summary>
    public string In(CultureInfo culture)
    {
        var french = SpeaksFrench(culture);
        var text = (Key.Length > 0 ? Text(Key, french) : null) ?? _fallback ?? Key;
        if (Arguments.Count == 0) return text;
        var shown = french ? French : English;
        return string.Format(shown, text, Arguments.Select(a => Say(a, culture, shown)).ToArray());
    }

    /// <summary>The key's text in the language, from whichever resource pair holds it, read once.</summary>
    private static string? Text(string key, bool french) =>
        Texts.GetOrAdd((key, french), k =>
        {
            var culture = k.French ? French : English;
            foreach (var resources in Resources)
                if (resources.GetString(k.Key, culture) is { } text) return text;
            return null;
        });

    private static object? Say(object? argument, CultureInfo culture, CultureInfo shown) => argument switch
    {
        Phrase phrase => phrase.In(culture),
        Sentences sentences => string.Join(" ", sentences.Items.Select(p => p.In(culture))),
        Listing listing => string.Join(", ", listing.Items.Select(p => p.In(culture))),
        DateOnly day => day.ToString("d MMM yyyy", shown),
        DateTime time => time.ToString("d MMM yyyy HH:mm", shown),
        Share share => share.Value.ToString("P0", shown),
        _ => argument,
    };

    /// <summary>In English, the API's language.</summary>
    public override string ToString() => In(English);
}
