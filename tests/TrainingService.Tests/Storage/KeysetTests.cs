using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

public sealed class KeysetTests
{
    private sealed record Item(int Key);

    [Fact]
    public void InChunks_ResumesAfterTheLastItem_ReadsNoMoreChunksThanThePageNeeds()
    {
        var all = Enumerable.Range(1, 100).Select(i => new Item(i)).ToList();
        var reads = new List<int>();
        var ordered = Keyset.InChunks<Item>((last, chunk) =>
        {
            reads.Add(last?.Key ?? 0);
            return all.Where(i => i.Key > (last?.Key ?? 0)).Take(chunk).ToList();
        }, 4);

        // A filter that keeps every tenth item: a page of 2 (and one more to know another follows) reads to 30: eight chunks of four.
        var page = Keyset.Take(ordered.Where(i => i.Key % 10 == 0), i => i.Key.ToString(), 2);

        Assert.Equal([10, 20], page.Items.Select(i => i.Key));
        Assert.Equal("20", page.NextAfterKey);
        Assert.Equal([0, 4, 8, 12, 16, 20, 24, 28], reads);
        Assert.Equal(100, Keyset.InChunks<Item>((last, chunk) => all.Where(i => i.Key > (last?.Key ?? 0)).Take(chunk).ToList(), 7).Count());
    }
}
