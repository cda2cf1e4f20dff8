namespace Training.Service.Tests.Support;

/// <summary>The repository the tests were built from, for tests that read its sources and documents.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Training.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Training.sln above {AppContext.BaseDirectory}.");
    }
}
