using System.Resources;

namespace Training.Tui.Localization;

/// <summary>
/// The client's words, from <c>Strings.resx</c> (English) and <c>Strings.fr.resx</c> (French) in the UI culture. A key
/// "X_Hint" holds the hint line's few words for the key "X". Every key is in both files and used: a test checks.
/// </summary>
public static class Strings
{
    private static readonly ResourceManager Resources = new("Training.Tui.Localization.Strings", typeof(Strings).Assembly);

    /// <summary>The text of <paramref name="key"/>; a key missing from the resources is a bug, and says so on screen.</summary>
    public static string Get(string key) => Resources.GetString(key) ?? $"[{key}]";

    /// <summary>The text of <paramref name="key"/> with its {0}, {1}… filled in the language's way.</summary>
    public static string Format(string key, params object?[] arguments) => string.Format(UiLanguage.Formatting, Get(key), arguments);

    /// <summary>The text of <paramref name="key"/>, or null when there is none (an optional hint).</summary>
    public static string? Find(string key) => Resources.GetString(key);
}
