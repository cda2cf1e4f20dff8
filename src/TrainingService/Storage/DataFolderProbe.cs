namespace Training.Service.Storage;

/// <summary>
/// Whether the database's folder takes a write that reaches the disk: a small file beside the database, written,
/// synced and deleted. A full disk or a read-only mount refuses it, as it would refuse LiteDB's log the moment it
/// grows. (The database file itself is never opened for this: see <see cref="DatabaseLock"/>.)
/// </summary>
public static class DataFolderProbe
{
    public const string FileSuffix = ".write-check";

    /// <summary>One page's worth: a write that needs a fresh block on the disk, as a growing log does.</summary>
    private const int ProbeBytes = 8192;

    public static void Check(string databasePath)
    {
        var probe = databasePath + FileSuffix;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFiles.FileMode;
            using (var stream = new FileStream(probe, options))
            {
                stream.Write(new byte[ProbeBytes]);
                stream.Flush(flushToDisk: true);
            }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(probe); }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            throw new DataFolderNotWritableException(databasePath, e);
        }
    }
}
