using System.Globalization;
using Training.Service.Domain.Reports;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Report figures from the domain to protobuf; labels in the call's language, codes and keys as they are.</summary>
public static class ReportMapping
{
    public static Proto.ParityReport ToProto(ParityReport report) => new()
    {
        Cells =
        {
            report.Cells.Select(c => new Proto.ParityCell
            {
                RegionCode = c.RegionCode,
                Category = c.Category,
                Stage = (Proto.ParityStage)c.Stage,
                Total = c.Total,
                Women = c.Women,
                WomenShare = c.WomenShare,
                Target = c.Target,
                Status = (Proto.ParityStatus)c.Status,
            }),
        },
        MemberStates =
        {
            report.MemberStates.Select(s => new Proto.MemberStateParity
            {
                RegionCode = s.RegionCode,
                Nominated = s.Nominated,
                NominatedWomen = s.NominatedWomen,
                Target = s.Target,
                Status = (Proto.ParityStatus)s.Status,
            }),
        },
        TargetYear = report.TargetYear,
    };

    public static Proto.SkillsReport ToProto(SkillsReport report) => new()
    {
        Lines =
        {
            report.Lines.Select(l => new Proto.SkillsLine
            {
                Key = l.Key,
                DisplayName = l.Label.In(CultureInfo.CurrentUICulture),
                SupplyByMemberState = { l.SupplyByMemberState.ToDictionary() },
                Supply = l.Supply,
                Requested = l.Requested,
                SessionSeats = l.SessionSeats,
            }),
        },
    };

    public static Proto.ExpiringCertifications ToProto(ExpiringCertifications report) => new()
    {
        Certifications =
        {
            report.Certifications.Select(c => new Proto.ExpiringCertification
            {
                Officer = c.Officer,
                OfficerDisplayName = c.OfficerDisplayName,
                Certification = c.Certification,
                ExpiryDate = c.ExpiryDate.ToProto(),
                DaysLeft = c.DaysLeft,
                WithinBand = c.Band,
            }),
        },
        CountByBand = { report.CountByBand.ToDictionary() },
    };
}
