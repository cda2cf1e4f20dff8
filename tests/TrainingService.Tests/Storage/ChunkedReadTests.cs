using LiteDB;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>Loading in chunks gives every document of the range once, in key order, whatever the chunk size.</summary>
public sealed class ChunkedReadTests : IDisposable
{
    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly List<string> _keys;

    public ChunkedReadTests()
    {
        // Keys as officers have them, plus ones that sit exactly on a range's bounds ("SN0" is the end of SN's range).
        _keys = ["AR/1", "SN", "SN/a", "SN/b", "SN/c", "SN/d", "SN/e", "SN/f", "SN/g", "SN0", "SN0x", "TD/1", "TD/2"];
        _database.Write(() =>
        {
            foreach (var key in _keys) Things.Insert(new BsonDocument { ["_id"] = key });
        });
    }

    private ILiteCollection<BsonDocument> Things => _database.Lite.GetCollection("things");

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    public void EveryDocumentOnce_InKeyOrder(int chunk)
    {
        Assert.Equal(_keys.Order(StringComparer.Ordinal), Read(null, null, chunk));
        Assert.Equal(["SN/a", "SN/b", "SN/c", "SN/d", "SN/e", "SN/f", "SN/g"], Read("SN/", "SN0", chunk));
        Assert.Equal(["SN", "SN/a", "SN/b", "SN/c", "SN/d", "SN/e", "SN/f", "SN/g"], Read("SN", "SN0", chunk));
        Assert.Equal(["SN0", "SN0x", "TD/1", "TD/2"], Read("SN0", null, chunk));
        Assert.Equal(["AR/1", "SN"], Read(null, "SN/", chunk));
        Assert.Empty(Read("ZZ/", "ZZ0", chunk));
    }

    private List<string> Read(string? from, string? to, int chunk) =>
        _database.ReadInChunks(Things, from, to, chunk).Select(d => d["_id"].AsString).ToList();
}
