using Training.Service.Security;

namespace Training.Service.Storage;

/// <summary>
/// The key that encrypts the database at rest, from where <see cref="StorageOptions"/> says: a file (its first line)
/// or an environment variable — never the configuration itself, so it is not in appsettings.json, on a command line
/// or in a log. Null when encryption is off.
/// </summary>
public static class DatabaseKey
{
    /// <summary>Shorter keys are refused: the file's encryption is only as strong as its key.</summary>
    public const int MinimumLength = 16;

    public static string? Read(StorageOptions options, Func<string, string?> environment)
    {
        string? key;
        string source;
        if (options.PasswordFile is { } file)
        {
            source = $"{StorageOptions.Section}:PasswordFile ({file})";
            try
            {
                key = File.ReadLines(file).FirstOrDefault()?.Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidSettingException($"{source} cannot be read: {e.Message}");
            }
        }
        else if (options.PasswordVariable is { } variable)
        {
            source = $"{StorageOptions.Section}:PasswordVariable ({variable})";
            key = environment(variable)?.Trim();
        }
        else
        {
            return null;
        }
        if (string.IsNullOrEmpty(key)) throw new InvalidSettingException($"{source} holds no key: it must hold at least {MinimumLength} characters.");
        if (key.Length < MinimumLength)
            throw new InvalidSettingException($"{source} holds a key of {key.Length} characters: it must have at least {MinimumLength}.");
        return key;
    }
}
