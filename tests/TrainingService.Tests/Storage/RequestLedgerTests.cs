using Training.Service.Domain.Common;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The ledger answers "never seen" from memory; whatever it holds there, what it says must be what the file says:
/// ids remembered before a restart are found, an id remembered by a change that was undone is not.
/// </summary>
public sealed class RequestLedgerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("training-ledger-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path => System.IO.Path.Combine(_folder, "training.db");

    private static RequestKey Key(string id, string fingerprint = "f1") => new($"SubmitNomination|memberStates/SN|{id}", id, fingerprint);

    [Fact]
    public void AnIdNeverUsed_IsNotFound_AndOneRemembered_IsFoundWithWhatItCreatedAndAsked()
    {
        using var database = TrainingDatabase.OpenFile(Path);
        var ledger = new RequestLedger(database, TimeProvider.System);

        Assert.Null(database.Write(() => ledger.Find(Key("a").Key)));
        database.Write(() => ledger.Remember(Key("a"), "memberStates/SN/nominations/n1"));

        Assert.Equal(new RequestRecord("memberStates/SN/nominations/n1", "f1"), database.Write(() => ledger.Find(Key("a").Key)));
        Assert.Null(database.Write(() => ledger.Find(Key("b").Key)));
    }

    [Fact]
    public void IdsRememberedBeforeARestart_AreFoundAfterIt()
    {
        using (var database = TrainingDatabase.OpenFile(Path))
        {
            var ledger = new RequestLedger(database, TimeProvider.System);
            database.Write(() =>
            {
                for (var i = 0; i < 3000; i++) ledger.Remember(Key($"id-{i}", $"f{i}"), $"memberStates/SN/nominations/n{i}");
                return 0;
            });
        }

        using var reopened = TrainingDatabase.OpenFile(Path);
        var after = new RequestLedger(reopened, TimeProvider.System);
        for (var i = 0; i < 3000; i += 7)
            Assert.Equal(new RequestRecord($"memberStates/SN/nominations/n{i}", $"f{i}"), reopened.Write(() => after.Find(Key($"id-{i}").Key)));
        Assert.Null(reopened.Write(() => after.Find(Key("id-3000").Key)));
    }

    [Fact]
    public void AnIdRememberedByAChangeThatWasUndone_IsNotFound()
    {
        using var database = TrainingDatabase.OpenFile(Path);
        var ledger = new RequestLedger(database, TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => database.Write<int>(() =>
        {
            ledger.Remember(Key("undone"), "memberStates/SN/nominations/n9");
            throw new InvalidOperationException("failed after writing");
        }));

        Assert.Null(database.Write(() => ledger.Find(Key("undone").Key)));
    }
}
