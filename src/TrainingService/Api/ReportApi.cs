using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Reports;
using Training.Service.Security;
using Unpol.Training.V1;
using Caller = Training.Service.Security.Caller;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Figures for accountability. Focal points see their own Member State; administrators and auditors all.</summary>
public sealed class ReportApi(
    IReportSource source,
    ParityTargets targets,
    EligibilityPolicy policy,
    IReferenceData reference,
    TimeProvider clock) : ReportService.ReportServiceBase
{
    private const int DefaultWithinDays = 90, MaxWithinDays = 365;

    public override Task<Proto.ParityReport> GetParityReport(GetParityReportRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var named = RegionCodes(v, request.RegionCodes);
        var from = v.Date("from_date", request.FromDate, required: false);
        v.ThrowIfInvalid();
        var regions = Scope(AuthenticationInterceptor.CallerOf(context), named);

        var report = Domain.Reports.ParityReport.Of(source.Nominations(regions), source.Courses(), source.RequestCategories(),
            targets, Dates.Today(clock).Year, regions, from);
        return Task.FromResult(ReportMapping.ToProto(report));
    }

    public override Task<Proto.SkillsReport> GetSkillsReport(GetSkillsReportRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var named = RegionCodes(v, request.RegionCodes);
        v.ThrowIfInvalid();
        var regions = Scope(AuthenticationInterceptor.CallerOf(context), named);

        var report = Domain.Reports.SkillsReport.Of(source.Officers(regions), source.OpenRequests(), source.OpenSessions(),
            source.Courses(), reference, regions);
        return Task.FromResult(ReportMapping.ToProto(report));
    }

    public override Task<Proto.ExpiringCertifications> GetExpiringCertifications(GetExpiringCertificationsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var named = RegionCodes(v, request.RegionCodes);
        var within = request.WithinDays == 0 ? DefaultWithinDays : v.Range("within_days", request.WithinDays, 1, MaxWithinDays);
        v.ThrowIfInvalid();
        var regions = Scope(AuthenticationInterceptor.CallerOf(context), named);

        var report = Domain.Reports.ExpiringCertifications.Of(source.Officers(regions), Dates.Today(clock), within, policy.AmsValidityMonths);
        return Task.FromResult(ReportMapping.ToProto(report));
    }

    /// <summary>The Member States named in the request: valid UN Member States, each once, in code order.</summary>
    private List<string> RegionCodes(Validator v, IList<string> codes)
    {
        v.MaxCount("region_codes", codes, reference.MemberStateCount);
        return codes
            .Select((code, i) => v.MemberStateCode($"region_codes[{i}]", code, reference))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The States to report: those named, each of which the caller must be allowed to read; when none are named,
    /// all the caller may read (null: every State).
    /// </summary>
    private static IReadOnlyCollection<string>? Scope(Caller caller, List<string> named)
    {
        if (named.Count == 0) return caller.MemberStatesFor(Right.ReadReports);
        foreach (var region in named) caller.Demand(Right.ReadReports, region);
        return named;
    }
}
