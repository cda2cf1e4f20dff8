using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public static class Keyset
{
    /// <summary>
    /// Takes one page from a sequence already in key order and already past the page's key; reads one item
    /// more than the page to know whether another page follows.
    /// </summary>
    public static Page<T> Take<T>(IEnumerable<T> ordered, Func<T, string> key, int size)
    {
        var items = new List<T>(Math.Min(size + 1, 1024));
        foreach (var item in ordered)
        {
            items.Add(item);
            if (items.Count > size) break;
        }
        if (items.Count <= size) return new Page<T>(items, null);
        items.RemoveAt(size);
        return new Page<T>(items, key(items[^1]));
    }

    /// <summary>
    /// An ordered LiteDB query read in chunks, each a query of its own read to its end (<paramref name="read"/> must
    /// materialise it) before anything else runs, the next resuming after the last item: a page reads little more than
    /// it shows, and no cursor (whose lock is bound to its thread) stays open between chunks, across an await or beside
    /// another read.
    /// </summary>
    public static IEnumerable<T> InChunks<T>(Func<T?, int, List<T>> read, int chunk) where T : class
    {
        T? last = null;
        while (true)
        {
            var items = read(last, chunk);
            foreach (var item in items) yield return item;
            if (items.Count < chunk) yield break;
            last = items[^1];
        }
    }
}
