using System.Globalization;
using LiteDB;
using Training.Service.Domain.Audit;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

public sealed class AuditTrail(TrainingDatabase database, TimeProvider clock) : IAuditTrail
{
    private long _lastSequence = -1;

    /// <summary>The longest summary kept, in each language: the rest of a longer one is cut.</summary>
    private const int MaxSummaryLength = 1000;

    /// <summary>Records the event with its summary said in English and in French, so it is read later in the reader's language.</summary>
    public void Record(Actor actor, string resource, Phrase summary)
    {
        var english = Cut(summary.ToString());
        var french = Cut(summary.In(Phrase.French));
        database.Write(() => database.AuditEvents.Insert(new AuditEvent
        {
            Sequence = NextSequence(),
            EventTime = clock.UtcNow(),
            Actor = actor.Name,
            ActorDisplayName = actor.DisplayName,
            Method = actor.Operation,
            Resource = resource,
            Summary = english,
            SummaryFrench = french,
        }));
    }

    private static string Cut(string text) => text.Length > MaxSummaryLength ? text[..MaxSummaryLength] : text;

    /// <summary>
    /// Sequences are assigned here, under the single writer, so the actor index key can include them. A rolled
    /// back change leaves a gap, never a repeat.
    /// </summary>
    private long NextSequence()
    {
        if (_lastSequence < 0)
            _lastSequence = database.AuditEvents.Count() == 0 ? 0 : database.AuditEvents.Max(e => e.Sequence);
        return ++_lastSequence;
    }

    /// <summary>
    /// Events oldest first after the page's key (a sequence). With an actor, the actor's own index range is
    /// read in sequence order; otherwise the trail is read in sequence order. Other filters are applied while
    /// reading, which stops as soon as the page is full.
    /// </summary>
    public Page<AuditEvent> List(string? actor, string? resourcePrefix, DateTime? from, DateTime? to, PageRequest page)
    {
        var after = page.AfterKey is null ? 0 : long.Parse(page.AfterKey, CultureInfo.InvariantCulture);
        var high = actor is null ? null : AuditEvent.ActorKeyOf(actor, long.MaxValue);
        var ordered = Keyset.InChunks<AuditEvent>((last, chunk) =>
        {
            var since = last?.Sequence ?? after;
            return actor is not null
                ? database.AuditEvents.Query()
                    .Where(Filters.Gt("ActorKey", AuditEvent.ActorKeyOf(actor, since))).Where(Filters.Lte("ActorKey", high))
                    .OrderBy("ActorKey").Limit(chunk).ToList()
                : database.AuditEvents.Query().Where(e => e.Sequence > since).OrderBy(e => e.Sequence).Limit(chunk).ToList();
        }, page.Size + 1);
        var filtered = ordered.Where(e =>
            (resourcePrefix is null || e.Resource == resourcePrefix || e.Resource.StartsWith(resourcePrefix + "/", StringComparison.Ordinal))
            && (from is null || e.EventTime >= from)
            && (to is null || e.EventTime < to));
        return Keyset.Take(filtered, e => e.Sequence.ToString(CultureInfo.InvariantCulture), page.Size);
    }
}
