using System.Text.RegularExpressions;

namespace Training.Tui.Client;

/// <summary>The operating systems the client is built for; each keeps per-user settings in its own usual place.</summary>
public enum ClientPlatform { Linux, MacOS, Windows }

/// <summary>
/// The client's small configuration file, <c>client.conf</c> in the platform's per-user settings folder (see
/// <see cref="Folder"/>): one <c>key = value</c> a line, <c>#</c> starts a comment. Every key is optional:
/// <c>server</c> (the service's address), <c>token_file</c> (where the access token is kept), <c>language</c>
/// (the language of the client's text, carried for the translations to come) and <c>theme</c>
/// (<c>colour</c> or <c>monochrome</c>). The command line and the environment override it.
/// </summary>
public sealed partial record ClientConfig(string? Server, string? TokenFile, string? Language, string? Theme)
{
    public const string FileName = "client.conf";
    public const string FolderName = "training";

    public static readonly ClientConfig Empty = new(null, null, null, null);

    public static readonly string[] Themes = ["colour", "monochrome"];

    public static ClientPlatform CurrentPlatform =>
        OperatingSystem.IsWindows() ? ClientPlatform.Windows : OperatingSystem.IsMacOS() ? ClientPlatform.MacOS : ClientPlatform.Linux;

    /// <summary>
    /// The per-user settings folder: <c>%APPDATA%\training</c> on Windows, <c>~/Library/Application Support/training</c>
    /// on macOS, <c>$XDG_CONFIG_HOME/training</c> (else <c>~/.config/training</c>) on Linux. Null when the environment
    /// names no home at all.
    /// </summary>
    public static string? Folder(ClientPlatform platform, Func<string, string?> environment)
    {
        static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
        return platform switch
        {
            ClientPlatform.Windows => Set(environment("APPDATA")) is { } appData ? Path.Combine(appData, FolderName) : null,
            ClientPlatform.MacOS => Set(environment("HOME")) is { } home ? Path.Combine(home, "Library", "Application Support", FolderName) : null,
            // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
            _ => Set(environment("XDG_CONFIG_HOME")) is { } xdg && Path.IsPathRooted(xdg) ? Path.Combine(xdg, FolderName)
                : Set(environment("HOME")) is { } home ? Path.Combine(home, ".config", FolderName)
                : null,
        };
    }

    /// <summary>Reads the file at <paramref name="path"/>; an absent file is an empty configuration, a wrong line is refused.</summary>
    public static ClientConfig Read(string path)
    {
        if (!File.Exists(path)) return Empty;
        var config = Empty;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var where = Strings.Format("Config_Line", path, number);
            if (equals <= 0) throw new ArgumentException(Strings.Format("Config_NotKeyValue", where, line));
            var key = line[..equals].Trim();
            var value = Unquoted(line[(equals + 1)..].Trim());
            config = key switch
            {
                "server" => config with { Server = value },
                "token_file" => config with { TokenFile = value },
                "language" => config with { Language = CheckedLanguage(value, where) },
                "theme" => config with { Theme = CheckedTheme(value, where) },
                _ => throw new ArgumentException(Strings.Format("Config_UnknownKey", where, key, "server, token_file, language, theme")),
            };
        }
        return config;
    }

    /// <summary>"fr", "en", "fr-CA": a BCP 47 tag, checked only for shape (the translations decide what exists).</summary>
    public static string CheckedLanguage(string value, string where) =>
        LanguageTag().IsMatch(value) ? value : throw new ArgumentException(Strings.Format("Config_LanguageShape", where, value));

    public static string CheckedTheme(string value, string where) =>
        Themes.Contains(value, StringComparer.OrdinalIgnoreCase) ? value.ToLowerInvariant()
            : throw new ArgumentException(Strings.Format("Config_ThemeShape", where, Themes[0], Themes[1], value));

    private static string Unquoted(string value) =>
        value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
