using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>What the audit trail is narrowed to: an actor's token, a resource (and everything under it), a time span.</summary>
public sealed record AuditFilter(string Actor, string Resource, DateTime? From, DateTime? Until)
{
    /// <summary>How far back the trail is read unless told otherwise: a week is what one browses.</summary>
    public const int DefaultDays = 7;

    public static AuditFilter LastWeek(DateTime now) => new("", "", now.Date.AddDays(-DefaultDays), null);

    public ListAuditEventsRequest Request(int pageSize, string pageToken) => new()
    {
        PageSize = pageSize,
        PageToken = pageToken,
        Actor = Actor,
        Resource = Resource,
        StartTime = FieldText.ToProto(From),
        EndTime = FieldText.ToProto(Until),
    };

    /// <summary>"by accessTokens/x · on memberStates/SN · from 2027-01-13 00:00 UTC".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Actor.Length > 0) parts.Add(Strings.Format("AuditFilter_By", Actor));
        if (Resource.Length > 0) parts.Add(Strings.Format("AuditFilter_On", Resource));
        if (From is { } from) parts.Add(Strings.Format("AuditFilter_From", FieldText.Instant(FieldText.ToProto(from))));
        if (Until is { } until) parts.Add(Strings.Format("AuditFilter_Before", FieldText.Instant(FieldText.ToProto(until))));
        return parts.Count == 0 ? Strings.Get("AuditFilter_Everything") : string.Join(" · ", parts);
    }
}
