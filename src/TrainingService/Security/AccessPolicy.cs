using Training.Service.Domain.Common;

namespace Training.Service.Security;

/// <summary>What a caller may do, in the words of the rights table of DOMAIN.md.</summary>
public enum Right
{
    ReadReferenceData,
    ReadCatalog,
    WriteCatalog,
    ReadOfficers,
    WriteOfficers,
    ReadNominations,
    /// <summary>Submit and withdraw nominations, as a focal point does.</summary>
    SubmitNominations,
    /// <summary>Confirm, waitlist, reject, reconsider, record outcomes, deployment steps.</summary>
    DecideNominations,
    ReadRequests,
    WriteRequests,
    ReadReports,
    ReadCaller,
    ListAccessTokens,
    ManageAccessTokens,
    ReadAuditTrail,
    /// <summary>Take a copy of the whole database (administrators only: it holds every Member State's data and the token hashes).</summary>
    BackupDatabase,
}

/// <summary>How far a right reaches for one caller.</summary>
public enum Reach
{
    None,
    /// <summary>Only the caller's own Member State(s): a focal point's State, an integration's scope.</summary>
    OwnMemberStates,
    /// <summary>Only what the caller itself did or holds (its own token, its own audit events).</summary>
    Self,
    All,
}

/// <summary>
/// The one place that decides who may do what. The table mirrors DOMAIN.md; the gRPC interceptor checks the
/// method's right before anything is read, and services check the Member State in a resource's name
/// before loading it, so a refusal never reveals whether something exists.
/// </summary>
public static class AccessPolicy
{
    public static Reach ReachOf(Caller caller, Right right) => caller.Role switch
    {
        Role.Administrator => right switch
        {
            Right.WriteOfficers or Right.SubmitNominations => Reach.None,
            _ => Reach.All,
        },
        Role.FocalPoint => right switch
        {
            Right.ReadReferenceData or Right.ReadCatalog or Right.ReadRequests or Right.ReadCaller => Reach.All,
            Right.ReadOfficers or Right.WriteOfficers or Right.ReadNominations or Right.SubmitNominations
                or Right.ReadReports => Reach.OwnMemberStates,
            Right.ListAccessTokens or Right.ReadAuditTrail => Reach.Self,
            _ => Reach.None,
        },
        Role.Integration => right switch
        {
            Right.ReadReferenceData or Right.ReadCatalog or Right.ReadRequests or Right.ReadCaller => Reach.All,
            Right.ReadOfficers or Right.ReadNominations or Right.ReadReports => IntegrationReach(caller),
            Right.WriteOfficers or Right.SubmitNominations =>
                caller.Scope?.ReadWrite == true ? IntegrationReach(caller) : Reach.None,
            _ => Reach.None,
        },
        Role.Auditor => right switch
        {
            Right.WriteCatalog or Right.WriteOfficers or Right.SubmitNominations or Right.DecideNominations
                or Right.WriteRequests or Right.ListAccessTokens or Right.ManageAccessTokens or Right.BackupDatabase => Reach.None,
            _ => Reach.All,
        },
        _ => Reach.None,
    };

    private static Reach IntegrationReach(Caller caller) =>
        caller.Scope is null ? Reach.None
        : caller.Scope.AllMemberStates ? Reach.All
        : Reach.OwnMemberStates;

    /// <summary>Refuses unless the caller has the right at all.</summary>
    public static void Demand(this Caller caller, Right right)
    {
        if (ReachOf(caller, right) == Reach.None) throw PermissionDeniedException.For(caller, right);
    }

    /// <summary>Refuses unless the caller has the right for this Member State.</summary>
    public static void Demand(this Caller caller, Right right, string regionCode)
    {
        if (!caller.Can(right, regionCode)) throw PermissionDeniedException.For(caller, right, regionCode);
    }

    public static bool Can(this Caller caller, Right right, string regionCode) => ReachOf(caller, right) switch
    {
        Reach.All => true,
        Reach.OwnMemberStates => caller.OwnMemberStates().Contains(regionCode),
        _ => false,
    };

    /// <summary>The Member States the caller may exercise the right on; null means all.</summary>
    public static IReadOnlyCollection<string>? MemberStatesFor(this Caller caller, Right right) =>
        ReachOf(caller, right) switch
        {
            Reach.All => null,
            Reach.OwnMemberStates => caller.OwnMemberStates(),
            _ => [],
        };

    private static IReadOnlyCollection<string> OwnMemberStates(this Caller caller) => caller.Role switch
    {
        Role.FocalPoint when caller.RegionCode is not null => [caller.RegionCode],
        Role.Integration when caller.Scope is not null => caller.Scope.RegionCodes,
        _ => [],
    };
}
