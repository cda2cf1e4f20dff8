using Unpol.Training.V1;

namespace Training.Tui.Client;

/// <summary>Reading a whole <c>ListNominations</c> query, page by page.</summary>
public static class NominationPages
{
    /// <summary>Every nomination the query matches, and the watch sequence the first page was read at.</summary>
    public sealed record All(IReadOnlyList<Nomination> Nominations, long WatchSequence);

    /// <summary>
    /// Follows the page tokens to the end (the request's <c>PageToken</c> is set here). A watch started from
    /// <see cref="All.WatchSequence"/> misses no change made after the first page was read.
    /// </summary>
    public static async Task<All> ListAllNominationsAsync(this ITrainingClient client, ListNominationsRequest request, CancellationToken cancellationToken)
    {
        var all = new List<Nomination>();
        long sequence = 0;
        var token = "";
        do
        {
            request.PageToken = token;
            var page = await client.ListNominationsAsync(request, cancellationToken);
            if (token == "") sequence = page.WatchSequence;
            all.AddRange(page.Nominations);
            token = page.NextPageToken;
        } while (token != "");
        return new All(all, sequence);
    }
}
