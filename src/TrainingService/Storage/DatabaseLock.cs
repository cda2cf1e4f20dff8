using System.Collections.Concurrent;

namespace Training.Service.Storage;

/// <summary>
/// An exclusive operating-system lock on the database file itself, held for the life of the service. LiteDB's
/// direct mode does not lock the file on Linux and two writing processes corrupt it; a lock on a file beside
/// it would not see the same database reached through another path (a hard link, another mount). This one is a
/// record lock on the file's own inode (<c>fcntl</c> on Unix, <c>LockFileEx</c> on Windows), taken on a byte far
/// beyond any data so it never stands in LiteDB's way, so every path to the file meets it. The system releases
/// it when the process ends, even by kill -9: nothing is left behind to clean up.
/// <para>
/// On Unix a process loses its record locks on a file when it closes any handle of that file, so nothing in
/// the service may open the database file itself except LiteDB (whose handles live as long as the database)
/// and this lock. Within one process the locks do not exclude each other, so the process also remembers what
/// it has opened.
/// </para>
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private const long LockOffset = 1L << 62;
    private static readonly ConcurrentDictionary<string, bool> OpenInThisProcess = new(StringComparer.Ordinal);

    private readonly FileStream _handle;
    private readonly string _identity;

    private DatabaseLock(FileStream handle, string identity, string path)
    {
        _handle = handle;
        _identity = identity;
        Path = path;
    }

    /// <summary>The database file's full path, as the service was given it.</summary>
    public string Path { get; }

    public static DatabaseLock Acquire(string databasePath)
    {
        var identity = Identity(databasePath);
        if (!OpenInThisProcess.TryAdd(identity, true)) throw new DatabaseInUseException(databasePath, null);
        FileStream? handle = null;
        try
        {
            handle = Open(databasePath);
            if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
                throw new PlatformNotSupportedException("The service locks its database file with record locks, which .NET offers on Linux and Windows only.");
            handle.Lock(LockOffset, 1);
            RemoveLegacyLockFile(databasePath);
            return new DatabaseLock(handle, identity, System.IO.Path.GetFullPath(databasePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not FileNotFoundException && handle is not null)
        {
            handle.Dispose();
            OpenInThisProcess.TryRemove(identity, out _);
            throw new DatabaseInUseException(databasePath, e);
        }
        catch
        {
            handle?.Dispose();
            OpenInThisProcess.TryRemove(identity, out _);
            throw;
        }
    }

    /// <summary>Opens (or creates, owner-only) the file; a refusal here is the folder's or the file's permissions, not another service.</summary>
    private static FileStream Open(string databasePath)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite | FileShare.Delete,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        try
        {
            return new FileStream(databasePath, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderNotWritableException(databasePath, e);
        }
    }

    /// <summary>
    /// Copies the whole file into <paramref name="destination"/> through the lock's own handle (opening and closing
    /// another handle would drop the lock, see above). The caller makes sure nothing writes the file meanwhile.
    /// </summary>
    public void CopyTo(Stream destination)
    {
        var buffer = new byte[1 << 20];
        var length = RandomAccess.GetLength(_handle.SafeFileHandle);
        for (long offset = 0; offset < length;)
        {
            var read = RandomAccess.Read(_handle.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - offset)), offset);
            if (read == 0) break;
            destination.Write(buffer, 0, read);
            offset += read;
        }
    }

    /// <summary>
    /// LiteDB crops a file whose length is not a whole number of pages (a write cut short by a crash) by opening
    /// it for itself alone, which this lock's handle would forbid: the crop is done here, through the lock's handle.
    /// </summary>
    public void CropTornPage(int pageSize)
    {
        var length = _handle.Length;
        if (length % pageSize == 0) return;
        _handle.SetLength(length - length % pageSize);
        _handle.Flush(flushToDisk: true);
    }

    /// <summary>Releases the lock (the process ending releases it too).</summary>
    public void Dispose()
    {
        _handle.Dispose();
        OpenInThisProcess.TryRemove(_identity, out _);
    }

    /// <summary>The file as this process names it: the full path with symbolic links resolved.</summary>
    private static string Identity(string databasePath)
    {
        var full = System.IO.Path.GetFullPath(databasePath);
        var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(full)!);
        var resolvedDirectory = directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory.FullName;
        var file = new FileInfo(System.IO.Path.Combine(resolvedDirectory, System.IO.Path.GetFileName(full)));
        return file.Exists && file.ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : file.FullName;
    }

    /// <summary>Earlier versions kept a "training.db.lock" file beside the database; it means nothing now.</summary>
    private static void RemoveLegacyLockFile(string databasePath)
    {
        try { File.Delete(databasePath + ".lock"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

public sealed class DatabaseInUseException(string databasePath, Exception? inner)
    : Exception($"The database {databasePath} is already in use by another Training service (it holds the file's lock). " +
                "Stop that service, or start this one with another --Storage:Path.", inner);

/// <summary>The data folder or the database file cannot be created or written (permissions, a read-only disk, a path through a file).</summary>
public sealed class DataFolderNotWritableException(string path, Exception inner)
    : Exception($"Cannot create or write the database {path}: {inner.Message} " +
                "Give the service's user write access to its folder, or choose another --Storage:Path.", inner);
