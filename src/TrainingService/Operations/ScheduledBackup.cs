using System.Globalization;
using Microsoft.Extensions.Options;

namespace Training.Service.Operations;

/// <summary>
/// Backups on a schedule (<see cref="BackupOptions"/>): every <c>Backup:Every</c> a copy named by its UTC time goes
/// into <c>Backup:Directory</c>, and the oldest beyond <c>Backup:Keep</c> are deleted. A failed backup is logged as an
/// error and tried again at the next tick; the service goes on.
/// </summary>
public sealed class ScheduledBackup(DatabaseBackup backup, IOptions<BackupOptions> options, TimeProvider clock, ILogger<ScheduledBackup> log)
    : BackgroundService
{
    public const string FilePrefix = "training-";
    public const string FileSuffix = ".db";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Directory is null) return;
        using var timer = new PeriodicTimer(options.Value.Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TakeAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                log.LogError("The scheduled backup into {Directory} failed: {Reason}", options.Value.Directory, e.Message);
            }
        }
    }

    /// <summary>Takes one backup now and prunes the folder; returns the new file.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellation)
    {
        var folder = Path.GetFullPath(options.Value.Directory ?? throw new InvalidOperationException("Backup:Directory is not set."));
        Directory.CreateDirectory(folder);
        var name = FilePrefix + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + FileSuffix;
        var path = Path.Combine(folder, name);
        var size = await backup.WriteFileAsync(path, cancellation);
        log.LogInformation("Scheduled backup written: {Path} ({Bytes} bytes)", path, size);
        // Names sort by time: keep the newest.
        foreach (var old in Directory.GetFiles(folder, FilePrefix + "*" + FileSuffix).Order(StringComparer.Ordinal).Reverse().Skip(options.Value.Keep))
            File.Delete(old);
        return path;
    }
}
