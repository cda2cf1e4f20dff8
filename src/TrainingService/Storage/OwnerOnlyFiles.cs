using System.Runtime.InteropServices;

namespace Training.Service.Storage;

/// <summary>
/// The database holds officers' personal and vetting data: on Unix its files are readable by the service's user only
/// (0600) and its folder is that user's (0700). Files the service creates are so from the start, whatever the
/// service manager's umask; files found more open (an older version made them 0644) are closed down at start.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>What group and others may do: nothing, for our files.</summary>
    private const UnixFileMode Shared = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Sets the process's umask to 077, so every file it creates — LiteDB's log, which LiteDB creates and deletes as it
    /// checkpoints, backups, credentials — starts owner-only. (Octal 077 is 63.)
    /// </summary>
    public static void ForThisProcess()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = SetUmask(63);
    }

    /// <summary>Makes an existing file owner-only; says why not when it cannot (someone else owns it).</summary>
    public static string? Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return null;
        try
        {
            if ((File.GetUnixFileMode(path) & Shared) != 0) File.SetUnixFileMode(path, FileMode);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} is readable by other users and could not be made owner-only: {e.Message}";
        }
    }

    /// <summary>
    /// Creates the folder 0700, or closes an existing one down to 0700 — except a shared folder (sticky, like /tmp),
    /// which is never changed: the files in it are owner-only anyway. Says why when it leaves a folder open.
    /// </summary>
    public static string? PrepareFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return null;
        }
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
            return null;
        }
        var mode = File.GetUnixFileMode(folder);
        if ((mode & Shared) == 0) return null;
        if ((mode & UnixFileMode.StickyBit) != 0)
            return $"The data folder {folder} is shared with other users (sticky, like /tmp): the database files are owner-only, but a folder of the service's own is safer.";
        try
        {
            File.SetUnixFileMode(folder, FolderMode);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"The data folder {folder} is open to other users and could not be made owner-only ({e.Message}): chmod 700 it.";
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
