using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The shape of data a file holds is recorded in it, and a file from an earlier release is brought to today's at
/// start with its data intact. Fixtures/training-schema0.db.gz was written by the release before schema versions
/// (commit e9d42d0): a course with an open session, three officers of two Member States, two nominations, an
/// auditor's token.
/// </summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("training-schema-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AFileFromTheReleaseBeforeSchemaVersions_IsMigrated_AndKeepsItsData()
    {
        await using (var fixture = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "training-schema0.db.gz")))
        await using (var gzip = new GZipStream(fixture, CompressionMode.Decompress))
        await using (var file = File.Create(Path.Combine(_folder, "training.db")))
            await gzip.CopyToAsync(file);
        using (var raw = new LiteDB.LiteDatabase(Path.Combine(_folder, "training.db"))) Assert.Equal(0, raw.UserVersion);

        await using var service = await TestService.StartAsync(_folder);

        var database = service.Services.GetRequiredService<TrainingDatabase>();
        Assert.Equal(SchemaVersion.Current, database.StoredSchemaVersion);
        var admin = service.AsAdmin();
        var senegal = await new RosterService.RosterServiceClient(admin).ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN" });
        Assert.Equal(["Diop", "Ndiaye"], senegal.Officers.Select(o => o.FamilyName).Order());
        var nominations = await new NominationService.NominationServiceClient(admin).ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" });
        Assert.Equal(2, nominations.Nominations.Count);
        var tokens = await new AccessService.AccessServiceClient(admin).ListAccessTokensAsync(new ListAccessTokensRequest());
        Assert.Contains(tokens.AccessTokens, t => t.DisplayName == "Fixture auditor");
        // And it takes changes in its new shape.
        var france = await service.FocalPointAsync("FR");
        await new RosterService.RosterServiceClient(service.As(france)).CreateOfficerAsync(new CreateOfficerRequest
        {
            Parent = "memberStates/FR",
            Officer = Samples.Officer("Bernard", "Julie"),
        });
    }

    [Fact]
    public void ANewFile_IsBornAtTheCurrentVersion()
    {
        using var database = TrainingDatabase.OpenFile(Path.Combine(_folder, "training.db"));
        Assert.Equal(SchemaVersion.Current, database.StoredSchemaVersion);
    }

    [Fact]
    public void AFileFromANewerRelease_IsRefused_Unchanged()
    {
        var path = Path.Combine(_folder, "training.db");
        using (var newer = new LiteDB.LiteDatabase($"Filename={path};Collation=en-US/Ordinal"))
        {
            newer.GetCollection("courses").Insert(new LiteDB.BsonDocument { ["_id"] = "from-the-future" });
            newer.UserVersion = SchemaVersion.Current + 1;
        }

        var refused = Assert.Throws<DatabaseTooNewException>(() => TrainingDatabase.OpenFile(path));

        Assert.Equal(SchemaVersion.Current + 1, refused.Found);
        Assert.Contains("newer release", refused.Message);
        using var after = new LiteDB.LiteDatabase($"Filename={path};Collation=en-US/Ordinal");
        Assert.Equal(SchemaVersion.Current + 1, after.UserVersion);
        Assert.Equal(0, after.GetCollection("officers").Count());
    }
}
