namespace Training.Service.Security;

/// <summary>
/// The right each RPC needs, checked by <see cref="AuthenticationInterceptor"/> before the service runs.
/// A method missing here is refused: new methods are closed until they are given a right.
/// </summary>
public static class MethodRights
{
    private const string Package = "/unpol.training.v1.";

    private static readonly Dictionary<string, Right> Rights = new()
    {
        ["ReferenceDataService/ListMemberStates"] = Right.ReadReferenceData,
        ["ReferenceDataService/GetMemberState"] = Right.ReadReferenceData,
        ["ReferenceDataService/ListLanguages"] = Right.ReadReferenceData,
        ["ReferenceDataService/ListSkills"] = Right.ReadReferenceData,
        ["ReferenceDataService/ListMissions"] = Right.ReadReferenceData,

        ["RosterService/CreateOfficer"] = Right.WriteOfficers,
        ["RosterService/GetOfficer"] = Right.ReadOfficers,
        ["RosterService/ListOfficers"] = Right.ReadOfficers,
        ["RosterService/UpdateOfficer"] = Right.WriteOfficers,
        ["RosterService/DeleteOfficer"] = Right.WriteOfficers,
        ["RosterService/SearchOfficers"] = Right.ReadOfficers,

        ["CatalogService/CreateCourse"] = Right.WriteCatalog,
        ["CatalogService/GetCourse"] = Right.ReadCatalog,
        ["CatalogService/ListCourses"] = Right.ReadCatalog,
        ["CatalogService/UpdateCourse"] = Right.WriteCatalog,
        ["CatalogService/DeleteCourse"] = Right.WriteCatalog,
        ["CatalogService/CreateSession"] = Right.WriteCatalog,
        ["CatalogService/GetSession"] = Right.ReadCatalog,
        ["CatalogService/ListSessions"] = Right.ReadCatalog,
        ["CatalogService/UpdateSession"] = Right.WriteCatalog,
        ["CatalogService/DeleteSession"] = Right.WriteCatalog,
        ["CatalogService/OpenSession"] = Right.WriteCatalog,
        ["CatalogService/CloseSession"] = Right.WriteCatalog,
        ["CatalogService/CompleteSession"] = Right.WriteCatalog,
        ["CatalogService/CancelSession"] = Right.WriteCatalog,

        ["NominationService/CheckEligibility"] = Right.ReadOfficers,
        ["NominationService/SubmitNomination"] = Right.SubmitNominations,
        ["NominationService/GetNomination"] = Right.ReadNominations,
        ["NominationService/ListNominations"] = Right.ReadNominations,
        ["NominationService/ConfirmNomination"] = Right.DecideNominations,
        ["NominationService/WaitlistNomination"] = Right.DecideNominations,
        ["NominationService/RejectNomination"] = Right.DecideNominations,
        ["NominationService/ReconsiderNomination"] = Right.DecideNominations,
        ["NominationService/WithdrawNomination"] = Right.SubmitNominations,
        ["NominationService/RecordOutcome"] = Right.DecideNominations,
        ["NominationService/GetSessionStatistics"] = Right.ReadNominations,
        ["NominationService/WatchNominations"] = Right.ReadNominations,

        ["NominationService/ShortlistNomination"] = Right.DecideNominations,
        ["NominationService/SelectNomination"] = Right.DecideNominations,
        ["NominationService/ClearNomination"] = Right.DecideNominations,
        ["NominationService/DeployNomination"] = Right.DecideNominations,

        ["RosterService/ImportOfficers"] = Right.WriteOfficers,
        ["RosterService/ExportOfficers"] = Right.ReadOfficers,
        ["RosterService/ImportOfficerFile"] = Right.WriteOfficers,
        ["RosterService/ExportOfficerFile"] = Right.ReadOfficers,

        ["RecruitmentService/CreateRequest"] = Right.WriteRequests,
        ["RecruitmentService/GetRequest"] = Right.ReadRequests,
        ["RecruitmentService/ListRequests"] = Right.ReadRequests,
        ["RecruitmentService/UpdateRequest"] = Right.WriteRequests,
        ["RecruitmentService/DeleteRequest"] = Right.WriteRequests,
        ["RecruitmentService/OpenRequest"] = Right.WriteRequests,
        ["RecruitmentService/CloseRequest"] = Right.WriteRequests,
        ["RecruitmentService/CancelRequest"] = Right.WriteRequests,
        ["RecruitmentService/MatchCandidates"] = Right.ReadOfficers,

        ["ReportService/GetParityReport"] = Right.ReadReports,
        ["ReportService/GetSkillsReport"] = Right.ReadReports,
        ["ReportService/GetExpiringCertifications"] = Right.ReadReports,

        ["AccessService/GetCaller"] = Right.ReadCaller,
        ["AccessService/CreateAccessToken"] = Right.ManageAccessTokens,
        ["AccessService/ListAccessTokens"] = Right.ListAccessTokens,
        ["AccessService/RevokeAccessToken"] = Right.ManageAccessTokens,
        ["AccessService/ListAuditEvents"] = Right.ReadAuditTrail,

        ["OperationsService/BackupDatabase"] = Right.BackupDatabase,
    };

    /// <summary>The right a full gRPC method name (<c>/package.Service/Method</c>) needs, or null if unknown.</summary>
    public static Right? For(string fullMethod) =>
        fullMethod.StartsWith(Package, StringComparison.Ordinal)
        && Rights.TryGetValue(fullMethod[Package.Length..], out var right)
            ? right
            : null;

    /// <summary>"Service/Method" from a full method name, as recorded in the audit trail.</summary>
    public static string Operation(string fullMethod) =>
        fullMethod.StartsWith(Package, StringComparison.Ordinal) ? fullMethod[Package.Length..] : fullMethod.TrimStart('/');

    public static IEnumerable<string> KnownMethods => Rights.Keys;
}
