using System.Resources;

namespace Training.Tui.Localization;

/// <summary>
/// The client's words, from the resource files in this folder: <c>X.resx</c> (English) and <c>X.fr.resx</c> (French),
/// read in the UI culture. <c>Strings.resx</c> holds the shell and the shared parts; each area of the client may keep
/// its own pair (<c>Roster.resx</c>, <c>Recruitment.resx</c>…) so that translators review one area at a time. A key is
/// in exactly one pair. A key "X_Hint" holds the hint line's few words for the key "X". Every key is in both languages
/// and used: a test checks.
/// </summary>
public static class Strings
{
    private const string Prefix = "Training.Tui.Localization.";
    private const string Suffix = ".resources";

    /// <summary>Every pair embedded in the client, found by name so that adding a file needs no code.</summary>
    private static readonly ResourceManager[] Resources = typeof(Strings).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new ResourceManager(n[..^Suffix.Length], typeof(Strings).Assembly))
        .ToArray();

    /// <summary>The text of <paramref name="key"/>; a key missing from the resources is a bug, and says so on screen.</summary>
    public static string Get(string key) => Find(key) ?? $"[{key}]";

    /// <summary>The text of <paramref name="key"/> with its {0}, {1}… filled in the language's way.</summary>
    public static string Format(string key, params object?[] arguments) => string.Format(UiLanguage.Formatting, Get(key), arguments);

    /// <summary>The text of <paramref name="key"/>, or null when there is none (an optional hint).</summary>
    public static string? Find(string key)
    {
        foreach (var resources in Resources)
            if (resources.GetString(key) is { } text) return text;
        return null;
    }
}
