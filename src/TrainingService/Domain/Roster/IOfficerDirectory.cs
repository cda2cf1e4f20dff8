namespace Training.Service.Domain.Roster;

/// <summary>
/// The committed roster of one Member State in memory, for work that must look at every officer at once
/// (matching candidates to a request) faster than reading them one by one. The officers returned are shared:
/// read them, never change them.
/// </summary>
public interface IOfficerDirectory
{
    /// <summary>Every officer of the State, anonymised ones included, in name order.</summary>
    IReadOnlyList<Officer> OfficersOf(string regionCode);

    /// <summary>
    /// The officers of the State who hold every language and skill at the level required (the rest would fail those
    /// hard rules), in name order: what the rule engine needs to look at, often a small part of the State.
    /// </summary>
    IEnumerable<Officer> Holding(string regionCode, IReadOnlyList<Catalog.LanguageRequirement> languages,
        IReadOnlyList<Catalog.SkillRequirement> skills);
}
