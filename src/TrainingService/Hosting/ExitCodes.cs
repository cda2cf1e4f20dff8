namespace Training.Service.Hosting;

/// <summary>
/// What the service's exit status means, so a service manager or a script can tell a bad setting from a busy port.
/// docs/operations.md lists the same table; each refused start also prints one line saying what to change.
/// </summary>
public static class ExitCodes
{
    /// <summary>Stopped as asked (SIGTERM, Ctrl+C).</summary>
    public const int Stopped = 0;

    /// <summary>Something the service did not expect: a fault to report, with the log.</summary>
    public const int Unexpected = 1;

    /// <summary>A setting has a value the service cannot work with; the line names the key and what is allowed.</summary>
    public const int InvalidSetting = 2;

    /// <summary>Another Training service holds the database file.</summary>
    public const int DatabaseInUse = 3;

    /// <summary>The data folder or the database file cannot be created or written.</summary>
    public const int DataFolderNotWritable = 4;

    /// <summary>The database was written by a newer version of the service; run that version (or newer).</summary>
    public const int DatabaseTooNew = 5;

    /// <summary>The database cannot be read: a wrong or missing encryption key, or not a database at all.</summary>
    public const int DatabaseUnreadable = 6;

    /// <summary>An address cannot be listened on: in use, or not an address of this machine.</summary>
    public const int CannotListen = 7;

    /// <summary>A TLS certificate is missing, unreadable, or lacks its private key.</summary>
    public const int CertificateUnusable = 8;
}
