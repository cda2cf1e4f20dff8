namespace Training.Service.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/training.db";

    /// <summary>
    /// Encryption at rest: a file holding the database's key (its first line). The file is read once at start; the key
    /// is never logged. Unset (and <see cref="PasswordVariable"/> unset): the file is not encrypted.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>Encryption at rest: the name of an environment variable holding the database's key.</summary>
    public string? PasswordVariable { get; set; }
}
