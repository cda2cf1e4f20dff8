namespace Training.Service.Domain.Roster;

/// <summary>What an import did with one officer it was given.</summary>
public enum ImportOutcome
{
    /// <summary>The national police ID was new to the roster: the officer was added.</summary>
    Created,
    /// <summary>The officer with that ID took the imported values.</summary>
    Updated,
    /// <summary>The officer with that ID already had exactly these values: nothing was written or audited.</summary>
    Unchanged,
    /// <summary>The ID belongs to an officer who was deleted and anonymised, which can no longer be changed.</summary>
    Anonymized,
}
