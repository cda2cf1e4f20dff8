using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Training.Service.Operations;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Operations;

/// <summary>
/// Online backup: a copy taken while the service keeps serving holds every change acknowledged before it began and
/// no change by half, opens as a database of its own (restore is starting the service on it), is an administrator's
/// to take, and is what <c>TrainingService backup</c> writes.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("training-backup-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task ABackupTakenDuringAWriteStorm_HoldsEveryAcknowledgedWrite_AndNoHalfChange()
    {
        await using var service = await TestService.StartAsync();
        var senegal = new RosterService.RosterServiceClient(service.As(await service.FocalPointAsync("SN")));
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        // Each CreateOfficer writes two documents in one change: the officer and its audit event.
        var storm = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var officer = Samples.Officer($"Storm{writer}", $"Officer{i}", policeId: $"SN-{writer}-{i}");
                var created = await senegal.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = officer });
                acknowledged.Enqueue(created.Name);
            }
        })).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 100);

        var before = acknowledged.ToHashSet();
        var (bytes, summary) = await BackupAsync(service.AsAdmin());
        var duringBackup = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= duringBackup + 50);
        await stop.CancelAsync();
        await Task.WhenAll(storm);

        Assert.Equal(summary.SizeBytes, bytes.Length);
        Assert.Equal(summary.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var copyFolder = Directory.CreateDirectory(Path.Combine(_folder, "restored")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(copyFolder, "training.db"), bytes);
        await using var restored = await TestService.StartAsync(copyFolder);
        var officers = await OfficersAsync(restored);
        var added = (await AuditEventsAsync(restored)).Where(e => e.Summary == "added the officer to the roster").Select(e => e.Resource).ToHashSet();

        Assert.Subset(officers, before);
        Assert.Equal(officers.OrderBy(n => n, StringComparer.Ordinal), added.OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(officers.Count < acknowledged.Count, "The storm went on after the backup; the copy must not hold what came after.");
    }

    [Fact]
    public async Task ABackup_IsAnAdministratorsOnly()
    {
        await using var service = await TestService.StartAsync();
        var auditor = await service.IssueTokenAsync(Role.Auditor);
        var focalPoint = await service.FocalPointAsync("SN");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => BackupAsync(service.As(auditor)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => BackupAsync(service.As(focalPoint)));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => BackupAsync(service.As(null)));
        var (bytes, summary) = await BackupAsync(service.AsAdmin());
        Assert.Equal(Training.Service.Storage.SchemaVersion.Current, summary.SchemaVersion);
        Assert.False(summary.Encrypted);
        Assert.True(bytes.Length > 0);
        Assert.Empty(Directory.GetFiles(service.Folder, ".backup-*"));
    }

    [Fact]
    public async Task TheBackupCommand_WritesAnOwnerOnlyCopy_ThroughTheRunningService()
    {
        await using var service = await ServiceProcess.StartAsync(Path.Combine(_folder, "live", "training.db"));
        var course = await new CatalogService.CatalogServiceClient(service.AsAdmin())
            .CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("BACKUP-1") });
        var target = Path.Combine(_folder, "copy.db");

        var (exit, output) = await ServiceProcess.RunCommandAsync("backup", "--to", target, "--server", service.Address, "--token", ServiceProcess.BootstrapToken);

        Assert.True(exit == 0, output);
        Assert.Contains($"Backup written: {target}", output);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        var restoredFolder = Directory.CreateDirectory(Path.Combine(_folder, "restored")).FullName;
        File.Copy(target, Path.Combine(restoredFolder, "training.db"));
        await using var restored = await TestService.StartAsync(restoredFolder);
        var courses = await new CatalogService.CatalogServiceClient(restored.AsAdmin()).ListCoursesAsync(new ListCoursesRequest());
        Assert.Contains(courses.Courses, c => c.Name == course.Name);

        var (refused, refusal) = await ServiceProcess.RunCommandAsync("backup", "--to", Path.Combine(_folder, "other.db"), "--server", service.Address, "--token", "not-a-token-of-this-service");
        Assert.Equal(3, refused);
        Assert.Contains("refused the token", refusal);
        Assert.False(File.Exists(Path.Combine(_folder, "other.db.partial")));
    }

    [Fact]
    public async Task ScheduledBackups_KeepTheNewestOnes()
    {
        var backups = Path.Combine(_folder, "backups");
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Backup:Directory"] = backups,
            ["Backup:Every"] = "1.00:00:00",
            ["Backup:Keep"] = "2",
        });
        var schedule = service.Services.GetRequiredService<ScheduledBackup>();

        var taken = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            taken.Add(await schedule.TakeAsync(CancellationToken.None));
            service.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(taken.Skip(1).Order(StringComparer.Ordinal), Directory.GetFiles(backups).Order(StringComparer.Ordinal));
        Assert.Equal("training-20270112T090000Z.db", Path.GetFileName(taken[1]));
    }

    private static async Task<(byte[] Bytes, BackupSummary Summary)> BackupAsync(CallInvoker invoker)
    {
        using var call = new OperationsService.OperationsServiceClient(invoker).BackupDatabase(new BackupDatabaseRequest(),
            deadline: DateTime.UtcNow.AddMinutes(2));
        using var bytes = new MemoryStream();
        BackupSummary? summary = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.Summary is { } last) summary = last;
            else call.ResponseStream.Current.Chunk.WriteTo(bytes);
        }
        return (bytes.ToArray(), summary ?? throw new InvalidOperationException("No summary."));
    }

    private static async Task<HashSet<string>> OfficersAsync(TestService service)
    {
        var roster = new RosterService.RosterServiceClient(service.AsAdmin());
        var names = new HashSet<string>();
        var token = "";
        do
        {
            var page = await roster.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 500, PageToken = token });
            names.UnionWith(page.Officers.Select(o => o.Name));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return names;
    }

    private static async Task<List<AuditEvent>> AuditEventsAsync(TestService service)
    {
        var access = new AccessService.AccessServiceClient(service.AsAdmin());
        var events = new List<AuditEvent>();
        var token = "";
        do
        {
            var page = await access.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 500, PageToken = token });
            events.AddRange(page.AuditEvents);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return events;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The condition did not hold within two minutes.");
            await Task.Delay(20);
        }
    }
}
