using Training.Service.Domain.Common;

namespace Training.Service.Domain.Nominations;

/// <summary>Which nominations a listing asks for; every filter that is set must hold.</summary>
public sealed record NominationFilter(
    IReadOnlyCollection<string>? RegionCodes,
    TargetKind? Kind,
    string? TargetKey,
    string? OfficerKey,
    IReadOnlyCollection<NominationState>? States);

public interface INominationRepository
{
    Nomination? Get(string regionCode, string nominationId);

    /// <summary>Stores a new nomination, giving it its id (in creation order) and key.</summary>
    void Insert(Nomination nomination);

    void Update(Nomination nomination);

    /// <summary>Every nomination to one session or request, in any state, oldest first.</summary>
    IReadOnlyList<NominationSummary> ForTarget(TargetKind kind, string targetKey);

    /// <summary>Every nomination of one officer, in any state, oldest first.</summary>
    IReadOnlyList<NominationSummary> ForOfficer(string regionCode, string officerId);

    /// <summary>The same, by the officer's stored key: matching asks it for thousands of officers a call.</summary>
    IReadOnlyList<NominationSummary> ForOfficer(Roster.Officer officer) => ForOfficer(officer.RegionCode, officer.Id);

    /// <summary>Nominations in creation order after the page's key.</summary>
    Page<Nomination> List(NominationFilter filter, PageRequest page);
}

/// <summary>
/// The live feed of nomination changes: appended inside the change's transaction with an increasing
/// sequence, and announced to watchers only once it has committed.
/// </summary>
public interface INominationFeed
{
    void Append(Nomination nomination, NominationState previousState);

    /// <summary>The latest sequence appended so far (0 when none).</summary>
    long LatestSequence { get; }
}
