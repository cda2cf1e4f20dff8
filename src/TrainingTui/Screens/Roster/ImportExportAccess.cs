using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// What the caller may do on the import and export screen, as the service's rights say (docs/roster-import.md):
/// importing writes officers, so only a focal point (into their own State) and a read-write integration (within its
/// scope) may; exporting reads them, which every role may for the States it reads. The service decides; this only
/// keeps a caller from filling in a form that is bound to be refused, and says why.
/// </summary>
/// <param name="OwnRegion">The one Member State the caller works on, or null when they name it.</param>
/// <param name="ImportRefusal">Why the caller cannot import, or null when they can.</param>
public sealed record ImportExportAccess(string? OwnRegion, string? ImportRefusal)
{
    public bool ChoosesRegion => OwnRegion is null;

    public bool CanImport => ImportRefusal is null;

    public static ImportExportAccess For(Caller caller) => caller.Role switch
    {
        Role.FocalPoint => new(caller.RegionCode, null),
        Role.Integration => new(
            caller.Scope is { AllMemberStates: false, RegionCodes.Count: 1 } scope ? scope.RegionCodes[0] : null,
            caller.Scope is { ReadWrite: true } ? null : Strings.Get("Import_RefusedReadOnly")),
        Role.Administrator => new(null, Strings.Get("Import_RefusedAdministrator")),
        Role.Auditor => new(null, Strings.Get("Import_RefusedAuditor")),
        _ => new(null, Strings.Get("Import_RefusedToken")),
    };

    /// <summary>Why an integration may not import into <paramref name="region"/>, or null.</summary>
    public static string? OutOfScope(Caller caller, string region) =>
        caller.Role == Role.Integration && caller.Scope is { AllMemberStates: false } scope && !scope.RegionCodes.Contains(region)
            ? Strings.Format("Import_OutOfScope", region, string.Join(", ", scope.RegionCodes))
            : null;
}
