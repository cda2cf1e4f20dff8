using LiteDB;
using Microsoft.Extensions.Logging;
using Training.Service.Domain.Roster;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The roster image left at a clean stop is what the next start reads instead of every officer's document: it must
/// give exactly what the documents say, and must never be read when anything may have changed since it was written.
/// </summary>
public sealed class RosterImageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("roster-image-").FullName;

    private string DatabasePath => Path.Combine(_folder, "training.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AfterACleanStop_TheNextStartReadsTheImage_AndHoldsExactlyWhatTheDocumentsSay()
    {
        using (var first = Open())
        {
            var random = new Random(77);
            first.Database.Write(() =>
            {
                for (var i = 0; i < 600; i++) first.Officers.Insert(OfficerSearchTests.RandomOfficer(random, i));
            });
            first.Database.Write(() =>
            {
                var changed = first.Officers.Get("SN", first.Directory.OfficersOf("SN")[3].Id)!;
                changed.FamilyName = "Ndiaye-Sène";
                changed.Revision++;
                first.Officers.Update(changed);
                first.Officers.Delete(first.Officers.Get("RW", first.Directory.OfficersOf("RW")[0].Id)!);
            });
        }

        using var second = Open();
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("from the roster image", StringComparison.Ordinal));
        var documents = second.Database.Officers.FindAll().ToList();
        Assert.Equal(599, documents.Count);
        var mapper = second.Database.Lite.Mapper;
        foreach (var document in documents)
        {
            var held = second.Directory.Find(document.Key);
            Assert.NotNull(held);
            Assert.Equal(mapper.ToDocument(document).ToString(), mapper.ToDocument(held).ToString());
        }
        Assert.Contains(second.Directory.OfficersOf("SN"), o => o.FamilyName == "Ndiaye-Sène");
        foreach (var state in second.Directory.MemberStates)
            Assert.Equal(documents.Where(o => o.RegionCode == state).Select(o => o.NameKey).Order(StringComparer.Ordinal),
                second.Directory.OfficersOf(state).Select(o => o.NameKey));
    }

    [Fact]
    public void AfterAStopThatWasNotClean_OfficersComeFromTheirDocuments_WithEveryCommittedChange()
    {
        using (var first = Open()) first.Database.Write(() => first.Officers.Insert(OfficerSearchTests.RandomOfficer(new Random(1), 1)));

        // The second run reads the image, changes an officer and adds one, then dies without its clean stop.
        var second = Open();
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("from the roster image", StringComparison.Ordinal));
        var changed = second.Directory.OfficersOf(second.Directory.MemberStates[0])[0].Copy();
        changed.GivenName = "Changed after the image";
        second.Database.Write(() =>
        {
            second.Officers.Update(changed);
            second.Officers.Insert(OfficerSearchTests.RandomOfficer(new Random(2), 2));
        });
        second.Database.Dispose();

        using var third = Open();
        Assert.Contains(third.Logs.Entries, e => e.Message.Contains("from their documents", StringComparison.Ordinal));
        Assert.Equal("Changed after the image", third.Directory.Find(changed.Key)!.GivenName);
        Assert.Equal(2, third.Database.Officers.Count());
        Assert.Equal(2, third.Directory.MemberStates.Sum(s => third.Directory.OfficersOf(s).Count));
    }

    [Fact]
    public void AChangeCommittedAfterTheImageWasLeft_TakesItBack()
    {
        // A call that outlived the stop changes an officer after the image was written: the image must not be read.
        var first = Open();
        first.Database.Write(() => first.Officers.Insert(OfficerSearchTests.RandomOfficer(new Random(1), 1)));
        first.Directory.LeaveRosterImage();
        var late = first.Directory.OfficersOf(first.Directory.MemberStates[0])[0].Copy();
        late.FamilyName = "Written after the image";
        first.Database.Write(() => first.Officers.Update(late));
        first.Database.Dispose();

        using var next = Open();
        Assert.Contains(next.Logs.Entries, e => e.Message.Contains("from their documents", StringComparison.Ordinal));
        Assert.Equal("Written after the image", next.Directory.Find(late.Key)!.FamilyName);
    }

    [Fact]
    public void EveryOpeningOfTheFile_ClaimsTheImage_SoItIsReadAtMostOnce()
    {
        using (var first = Open()) first.Database.Write(() => first.Officers.Insert(OfficerSearchTests.RandomOfficer(new Random(1), 1)));
        using (var elsewhere = TrainingDatabase.OpenFile(DatabasePath))
            Assert.NotNull(elsewhere.TakeRosterImage());

        using var next = TrainingDatabase.OpenFile(DatabasePath);
        Assert.Null(next.TakeRosterImage());
    }

    [Fact]
    public void AnImageOfAnotherOfficerShape_IsNotRead()
    {
        using (var first = Open()) first.Database.Write(() => first.Officers.Insert(OfficerSearchTests.RandomOfficer(new Random(1), 1)));
        using (var raw = new LiteDatabase(new ConnectionString { Filename = DatabasePath }))
        {
            var header = raw.GetCollection("roster_image").FindById("header");
            header["shape"] = "Officer.Key:System.String;";
            raw.GetCollection("roster_image").Update(header);
        }

        using var next = Open();
        Assert.Contains(next.Logs.Entries, e => e.Message.Contains("from their documents", StringComparison.Ordinal));
        Assert.Equal(1, next.Directory.MemberStates.Sum(s => next.Directory.OfficersOf(s).Count));
    }

    [Fact]
    public async Task TheServiceRestartedCleanly_ServesTheSameOfficers()
    {
        var logs = new CapturedLogs();
        var firstLogs = new CapturedLogs();
        var first = await TestService.StartAsync(_folder, logs: firstLogs,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Training.Service.Storage"] = "Information" });
        var roster = new RosterService.RosterServiceClient(first.As(await first.FocalPointAsync("SN")));
        var created = await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() });
        await first.StopKeepingDataAsync();
        Assert.Contains(firstLogs.Entries, e => e.Message.Contains("Left a roster image of 1 officers", StringComparison.Ordinal));

        await using var second = await TestService.StartAsync(_folder, logs: logs,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Training.Service.Storage"] = "Information" });
        Assert.Contains(logs.Entries, e => e.Message.Contains("officers from the roster image", StringComparison.Ordinal));
        var admin = new RosterService.RosterServiceClient(second.AsAdmin());
        Assert.Equal(created, await admin.GetOfficerAsync(new GetOfficerRequest { Name = created.Name }));
        var search = await admin.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "SN" }, NameText = created.FamilyName });
        Assert.Contains(search.Officers, o => o.Name == created.Name);
    }

    private Opened Open()
    {
        var logs = new CapturedLogs();
        var database = TrainingDatabase.OpenFile(DatabasePath);
        var directory = new OfficerDirectory(database, new ReferenceDataStore(database),
            new Logger<OfficerDirectory>(new LoggerFactory([logs])));
        return new Opened(database, directory, new OfficerRepository(database, directory), logs);
    }

    /// <summary>A service's storage as the host holds it; disposing it is a clean stop.</summary>
    private sealed record Opened(TrainingDatabase Database, OfficerDirectory Directory, OfficerRepository Officers, CapturedLogs Logs) : IDisposable
    {
        public void Dispose()
        {
            Directory.LeaveRosterImage();
            Database.Dispose();
        }
    }
}
