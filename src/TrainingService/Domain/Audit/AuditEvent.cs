using System.Globalization;
using Training.Service.Domain.Common;

namespace Training.Service.Domain.Audit;

/// <summary>One committed change: appended in the change's own transaction, never updated or deleted.</summary>
public sealed class AuditEvent
{
    /// <summary>Increasing sequence, assigned by storage.</summary>
    public long Sequence { get; set; }
    public DateTime EventTime { get; set; }
    public string Actor { get; set; } = "";
    public string ActorDisplayName { get; set; } = "";
    public string Method { get; set; } = "";
    public string Resource { get; set; } = "";

    /// <summary>What changed, in English (the API's language), as recorded.</summary>
    public string Summary { get; set; } = "";

    /// <summary>What changed, in French, recorded beside the English; null for events recorded before the trail spoke French.</summary>
    public string? SummaryFrench { get; set; }

    /// <summary>The summary in <paramref name="culture"/>'s language: French for fr-* when the event has it, English otherwise.</summary>
    public string SummaryIn(CultureInfo culture) =>
        Phrase.SpeaksFrench(culture) && !string.IsNullOrEmpty(SummaryFrench) ? SummaryFrench : Summary;

    /// <summary>Index key listing one actor's events in sequence order.</summary>
    public string ActorKey => ActorKeyOf(Actor, Sequence);

    public static string ActorKeyOf(string actor, long sequence) => $"{actor}\u001f{sequence:D19}";
}
