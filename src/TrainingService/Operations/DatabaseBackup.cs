using Microsoft.Extensions.Options;
using Training.Service.Storage;

namespace Training.Service.Operations;

/// <summary>
/// Consistent copies of the running database (see <see cref="TrainingDatabase.BackupToAsync"/>): as a temporary file
/// to stream to an administrator, or as a file in a folder for the scheduled backups. Every file is owner-only, and
/// written whole before it carries its final name, so a backup that exists is complete.
/// </summary>
public sealed class DatabaseBackup(TrainingDatabase database, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<DatabaseBackup> log)
{
    /// <summary>True when the database (and so every copy of it) is encrypted.</summary>
    public bool Encrypted => storage.Value.PasswordFile is not null || storage.Value.PasswordVariable is not null;

    /// <summary>
    /// Takes a copy into a temporary owner-only file beside the database, deleted as soon as the snapshot is
    /// disposed (or the process ends): the copy itself holds the writer only as long as the local disk copy takes.
    /// </summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken cancellation)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(storage.Value.Path))!;
        var file = Create(Path.Combine(folder, $".backup-{Guid.NewGuid():N}.tmp"), FileOptions.DeleteOnClose);
        try
        {
            var taken = clock.GetUtcNow();
            var size = await database.BackupToAsync(file, cancellation);
            file.Position = 0;
            log.LogInformation("Database backup of {Bytes} bytes taken", size);
            return new Snapshot(file, size, taken, database.StoredSchemaVersion, Encrypted);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a copy to <paramref name="path"/> (as <c>.partial</c> first, synced, then renamed); returns its size.</summary>
    public async Task<long> WriteFileAsync(string path, CancellationToken cancellation)
    {
        var partial = path + ".partial";
        long size;
        await using (var file = Create(partial, FileOptions.None))
        {
            size = await database.BackupToAsync(file, cancellation);
            file.Flush(flushToDisk: true);
        }
        File.Move(partial, path);
        return size;
    }

    private static FileStream Create(string path, FileOptions options)
    {
        var settings = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = options };
        if (!OperatingSystem.IsWindows()) settings.UnixCreateMode = OwnerOnlyFiles.FileMode;
        return new FileStream(path, settings);
    }

    /// <summary>A copy taken, open for reading from its start; disposing it deletes it.</summary>
    public sealed record Snapshot(FileStream File, long Size, DateTimeOffset Taken, int SchemaVersion, bool Encrypted) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => File.DisposeAsync();
    }
}
