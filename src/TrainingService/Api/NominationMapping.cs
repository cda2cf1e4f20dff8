using System.Globalization;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Storage;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

public static class NominationMapping
{
    public static Proto.Nomination ToProto(Nomination nomination)
    {
        var proto = new Proto.Nomination
        {
            Name = nomination.Name,
            Officer = nomination.OfficerName,
            State = (Proto.Nomination.Types.State)nomination.State,
            Result = (Proto.Nomination.Types.Result)nomination.Result,
            Warnings = { nomination.Warnings.Select(ToProto) },
            History = { nomination.History.Select(t => new Proto.NominationTransition
            {
                FromState = (Proto.Nomination.Types.State)t.From,
                ToState = (Proto.Nomination.Types.State)t.To,
                Time = t.Time.ToProto(),
                Actor = t.Actor,
                ActorDisplayName = t.ActorDisplayName,
                Reason = t.Reason,
                Automatic = t.Automatic,
            }) },
            OfficerDisplayName = nomination.OfficerDisplayName,
            OfficerGender = (Proto.Gender)nomination.OfficerGender,
            CreateTime = nomination.CreateTime.ToProto(),
            UpdateTime = nomination.UpdateTime.ToProto(),
            Etag = Etag.Of(nomination.Revision),
        };
        if (nomination.Kind == TargetKind.Session) proto.Session = nomination.TargetName;
        else proto.Request = nomination.TargetName;
        return proto;
    }

    public static Proto.EligibilityFinding ToProto(EligibilityFinding finding) => new()
    {
        Rule = finding.Rule,
        Severity = (Proto.FindingSeverity)finding.Severity,
        Field = finding.Field,
        // The caller's language (accept-language), chosen for the whole call.
        Description = finding.DescriptionIn(CultureInfo.CurrentUICulture),
    };

    public static Proto.NominationEvent ToProto(NominationEventRecord record) => new()
    {
        Sequence = record.Sequence,
        EventTime = record.EventTime.ToProto(),
        Nomination = ToProto(record.Nomination),
        PreviousState = (Proto.Nomination.Types.State)record.PreviousState,
    };

    public static Proto.NominationFigures ToProto(NominationCounts counts, double threshold) => new()
    {
        Nominated = counts.Nominated,
        NominatedWomen = counts.NominatedWomen,
        Confirmed = counts.Confirmed,
        ConfirmedWomen = counts.ConfirmedWomen,
        Waitlisted = counts.Waitlisted,
        WaitlistedWomen = counts.WaitlistedWomen,
        Submitted = counts.Submitted,
        NominatedWomenShare = counts.NominatedWomenShare,
        ConfirmedWomenShare = counts.ConfirmedWomenShare,
        BelowParityThreshold = counts.BelowThreshold(threshold),
    };
}
