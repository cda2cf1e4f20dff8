using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public static class Keyset
{
    /// <summary>
    /// Takes one page from a sequence already in key order and already past the page's key; reads one item
    /// more than the page to know whether another page follows.
    /// </summary>
    /// <remarks>
    /// <paramref name="ordered"/> may be a lazy LiteDB query (so a page reads only what it shows): it is read here, on
    /// the caller's thread, without any await, and closed before this returns, so the cursor's thread-bound lock never
    /// outlives the call. Filters chained onto it and <paramref name="key"/> must not read the database themselves.
    /// </remarks>
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
}
