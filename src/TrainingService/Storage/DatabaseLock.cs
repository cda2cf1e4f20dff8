namespace Training.Service.Storage;

/// <summary>
/// An exclusive lock file beside the database. LiteDB's direct mode does not lock the file on Linux and
/// two writing processes corrupt it, so the owning process holds this for its whole life and a second
/// process is refused at start-up.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        LockPath = path;
    }

    public string LockPath { get; }

    public static DatabaseLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var owner = System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n");
            stream.Write(owner);
            stream.Flush();
            return new DatabaseLock(stream, lockPath);
        }
        catch (IOException e)
        {
            throw new DatabaseInUseException(databasePath, lockPath, e);
        }
    }

    /// <summary>Releases the lock. The file stays: deleting it could let two later processes lock two different files.</summary>
    public void Dispose() => _stream.Dispose();
}

public sealed class DatabaseInUseException(string databasePath, string lockPath, Exception inner)
    : Exception($"The database {databasePath} is already in use by another Training service (lock file {lockPath}). " +
                "Stop that service, or start this one with another --Storage:Path.", inner);
