using Training.Service.Domain.Nominations;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Recruitment;

/// <summary>
/// The best <c>size</c> of the eligible officers, kept as they are judged: a heap of <c>size</c> entries instead of every
/// eligible officer listed and sorted (a State of 20,000 all qualifying made two large-object-heap arrays a match).
/// Higher scores first; equal scores in the order offered (name order), as a stable sort would give.
/// </summary>
public sealed class TopCandidates(int size)
{
    public readonly record struct Entry(Officer Officer, double Score, EligibilityResult Result, int Order);

    // The root is the entry that would leave first: the lowest score, and among equals the one offered last.
    private readonly PriorityQueue<Entry, Entry> _heap = new(Math.Max(size, 0) + 1, Comparer<Entry>.Create(LeavesFirst));

    public void Offer(Officer officer, double score, EligibilityResult result, int order)
    {
        if (size <= 0) return;
        var entry = new Entry(officer, score, result, order);
        if (_heap.Count < size) _heap.Enqueue(entry, entry);
        else if (LeavesFirst(_heap.Peek(), entry) < 0) _heap.EnqueueDequeue(entry, entry);
    }

    /// <summary>The kept entries, best first.</summary>
    public List<Entry> InOrder()
    {
        var entries = _heap.UnorderedItems.Select(item => item.Element).ToList();
        entries.Sort((a, b) => LeavesFirst(b, a));
        return entries;
    }

    /// <summary>Negative when <paramref name="a"/> ranks below <paramref name="b"/>.</summary>
    private static int LeavesFirst(Entry a, Entry b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : b.Order.CompareTo(a.Order);
    }
}
