using Training.Service.Security;

namespace Training.Service.Edge;

/// <summary>Which budget a call spends.</summary>
public enum CallCost
{
    /// <summary>Cheap reads (gets, lists, figures, the watch) and anything unknown: no budget.</summary>
    Free,
    Write,
    ExpensiveRead,
}

/// <summary>
/// The cost of each RPC, from the right it needs (<see cref="MethodRights"/>): a method needing a write right is a
/// write, so a new write method is budgeted without anyone remembering to; the expensive reads are named here.
/// </summary>
public static class CallCosts
{
    private static readonly HashSet<string> ExpensiveReads =
    [
        "RosterService/SearchOfficers",
        "RosterService/ExportOfficers",
        "RosterService/ImportOfficers",
        "RosterService/ExportOfficerFile",
        "RosterService/ImportOfficerFile",
        "RecruitmentService/MatchCandidates",
        "ReportService/GetParityReport",
        "ReportService/GetSkillsReport",
        "ReportService/GetExpiringCertifications",
        "OperationsService/BackupDatabase",
    ];

    /// <summary>The cost of a full method name, <c>/package.Service/Method</c>.</summary>
    public static CallCost Of(string fullMethod)
    {
        if (MethodRights.For(fullMethod) is not { } right) return CallCost.Free;
        if (ExpensiveReads.Contains(MethodRights.Operation(fullMethod))) return CallCost.ExpensiveRead;
        return right is Right.WriteCatalog or Right.WriteOfficers or Right.SubmitNominations or Right.DecideNominations
            or Right.WriteRequests or Right.ManageAccessTokens
            ? CallCost.Write
            : CallCost.Free;
    }
}
