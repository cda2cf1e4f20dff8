namespace Training.Service.Domain.Roster;

/// <summary>
/// The committed roster of one Member State in memory, for work that must look at every officer at once
/// (matching candidates to a request) faster than reading them one by one. The officers returned are shared:
/// read them, never change them.
/// </summary>
public interface IOfficerDirectory
{
    IReadOnlyList<Officer> OfficersOf(string regionCode);
}
