using Training.Service.Domain.Common;

namespace Training.Service.Security;

/// <summary>No credential, or one that is unknown, expired or revoked.</summary>
public sealed class UnauthenticatedException(string reason, string message) : DomainException(reason, message);

/// <summary>A valid credential without the right for this call.</summary>
public sealed class PermissionDeniedException(string message) : DomainException("PERMISSION_DENIED", message)
{
    public static PermissionDeniedException For(Caller caller, Right right, string? regionCode = null) =>
        new(regionCode is null
            ? $"{Describe(caller)} may not {Describe(right)}."
            : $"{Describe(caller)} may not {Describe(right)} of Member State {regionCode}.");

    private static string Describe(Caller caller) => caller.Role switch
    {
        Role.FocalPoint => $"A focal point of {caller.RegionCode}",
        Role.Integration => caller.Scope?.ReadWrite == true ? "This read-write integration" : "This read-only integration",
        Role.Auditor => "An auditor",
        Role.Administrator => "An administrator",
        _ => "This caller",
    };

    private static string Describe(Right right) => right switch
    {
        Right.ReadReferenceData => "read reference data",
        Right.ReadCatalog => "read the catalogue",
        Right.WriteCatalog => "change the catalogue",
        Right.ReadOfficers => "read the officers",
        Right.WriteOfficers => "change the officers",
        Right.ReadNominations => "read the nominations",
        Right.SubmitNominations => "submit or withdraw the nominations",
        Right.DecideNominations => "decide on nominations",
        Right.ReadRequests => "read recruitment requests",
        Right.WriteRequests => "change recruitment requests",
        Right.ReadReports => "read the reports",
        Right.ReadCaller => "describe itself",
        Right.ListAccessTokens => "list access tokens",
        Right.ManageAccessTokens => "issue or revoke access tokens",
        Right.ReadAuditTrail => "read the audit trail",
        _ => "do this",
    };
}
