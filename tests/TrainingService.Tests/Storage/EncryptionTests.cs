using Training.Service.Hosting;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>
/// Encryption at rest: with a key from a file (or an environment variable) the database and its backups cannot be
/// read without that key; the key itself is never logged; a wrong key or a missing one stops the start with one line.
/// </summary>
public sealed class EncryptionTests : IDisposable
{
    private const string Key = "a-key-of-the-operators-own-0123456789";

    private readonly string _folder = Directory.CreateTempSubdirectory("training-encrypted-").FullName;

    private string KeyFile => Path.Combine(_folder, "database.key");
    private string DataFolder => Path.Combine(_folder, "data");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AnEncryptedDatabase_AndItsBackup_OpenOnlyWithTheKey_WhichIsNeverLogged()
    {
        await File.WriteAllTextAsync(KeyFile, Key + "\n");
        var logs = new CapturedLogs();
        var service = await TestService.StartAsync(DataFolder, settings: KeyFileSetting(), logs: logs);
        var course = await new CatalogService.CatalogServiceClient(service.AsAdmin()).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("SECRET-1") });
        var (backup, encrypted) = await BackupAsync(service);
        await service.StopKeepingDataAsync();

        Assert.True(encrypted);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Key, StringComparison.Ordinal));
        var database = Path.Combine(DataFolder, "training.db");
        Assert.Throws<LiteDB.LiteException>(() => new LiteDB.LiteDatabase($"Filename={database};Collation=en-US/Ordinal").Dispose());
        Assert.Equal(-1, (await File.ReadAllBytesAsync(database)).AsSpan().IndexOf("SECRET-1"u8));
        var restoredFolder = Directory.CreateDirectory(Path.Combine(_folder, "restored")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(restoredFolder, "training.db"), backup);
        Assert.Throws<DatabaseUnreadableException>(() => TrainingDatabase.OpenFile(Path.Combine(restoredFolder, "training.db")).Dispose());
        await using var restored = await TestService.StartAsync(restoredFolder, settings: KeyFileSetting());
        var courses = await new CatalogService.CatalogServiceClient(restored.AsAdmin()).ListCoursesAsync(new ListCoursesRequest());
        Assert.Contains(courses.Courses, c => c.Name == course.Name);
    }

    [Fact]
    public async Task TheWrongKey_ExitsWithSix_SayingSo()
    {
        await File.WriteAllTextAsync(KeyFile, Key);
        var first = await TestService.StartAsync(DataFolder, settings: KeyFileSetting());
        await first.StopKeepingDataAsync();
        var wrong = Path.Combine(_folder, "wrong.key");
        await File.WriteAllTextAsync(wrong, "another-key-altogether-0123456789");

        await using var service = await ServiceProcess.StartAsync(Path.Combine(DataFolder, "training.db"), $"--Storage:PasswordFile={wrong}");

        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(60)), service.Output);
        Assert.Equal(ExitCodes.DatabaseUnreadable, service.ExitCode);
        Assert.Contains("encrypted with another key than the one configured", service.Output);
        Assert.DoesNotContain("another-key-altogether", service.Output);
    }

    [Fact]
    public async Task AKeyVariableThatIsNotSet_ExitsWithTwo_NamingTheSetting()
    {
        await using var service = await ServiceProcess.StartAsync(Path.Combine(DataFolder, "training.db"),
            "--Storage:PasswordVariable=TRAINING_TEST_KEY_THAT_IS_NOT_SET");

        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(60)), service.Output);
        Assert.Equal(ExitCodes.InvalidSetting, service.ExitCode);
        Assert.Contains("Storage:PasswordVariable (TRAINING_TEST_KEY_THAT_IS_NOT_SET) holds no key", service.Output);
    }

    private Dictionary<string, string?> KeyFileSetting() => new() { ["Storage:PasswordFile"] = KeyFile };

    private static async Task<(byte[] Bytes, bool Encrypted)> BackupAsync(TestService service)
    {
        using var call = new OperationsService.OperationsServiceClient(service.AsAdmin()).BackupDatabase(new BackupDatabaseRequest());
        using var bytes = new MemoryStream();
        var encrypted = false;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.Summary is { } summary) encrypted = summary.Encrypted;
            else call.ResponseStream.Current.Chunk.WriteTo(bytes);
        }
        return (bytes.ToArray(), encrypted);
    }
}
