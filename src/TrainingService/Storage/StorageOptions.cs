namespace Training.Service.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/training.db";
}
