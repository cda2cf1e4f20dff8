using Unpol.Training.V1;

namespace Training.Tui.Client;

/// <summary>
/// What the screens ask of the service. The screens see messages, never channels: the gRPC implementation
/// adds the credential, deadlines and retries; tests give a fake.
/// </summary>
public interface ITrainingClient
{
    Task<Caller> GetCallerAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Course>> ListCoursesAsync(CancellationToken cancellationToken = default);

    /// <summary>Sessions of every course starting on or after <paramref name="from"/>, in start-date order.</summary>
    Task<IReadOnlyList<Session>> ListSessionsAsync(DateOnly from, CancellationToken cancellationToken = default);

    Task<Session> GetSessionAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Skill>> ListSkillsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Language>> ListLanguagesAsync(CancellationToken cancellationToken = default);

    Task<SearchOfficersResponse> SearchOfficersAsync(SearchOfficersRequest request, CancellationToken cancellationToken = default);

    Task<Officer> GetOfficerAsync(string name, CancellationToken cancellationToken = default);

    Task<Officer> CreateOfficerAsync(string regionCode, Officer officer, string requestId, CancellationToken cancellationToken = default);

    Task<Officer> UpdateOfficerAsync(Officer officer, IEnumerable<string> fields, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an officer (with the etag last read). Returns the record as kept when the officer had nomination
    /// history and was anonymised instead, or null when the officer is gone.
    /// </summary>
    Task<Officer?> DeleteOfficerAsync(string name, string etag, CancellationToken cancellationToken = default);

    Task<CheckEligibilityResponse> CheckEligibilityAsync(string officer, string session, CancellationToken cancellationToken = default);

    Task<SubmitNominationResponse> SubmitNominationAsync(string officer, string session, string requestId, CancellationToken cancellationToken = default);

    Task<ListNominationsResponse> ListNominationsAsync(ListNominationsRequest request, CancellationToken cancellationToken = default);

    Task<Nomination> DecideAsync(Decision decision, Nomination nomination, string reason = "", CancellationToken cancellationToken = default);

    Task<SessionStatistics> GetSessionStatisticsAsync(string session, CancellationToken cancellationToken = default);

    /// <summary>Requests in the given states (all the caller may see when empty), soonest deadline first.</summary>
    Task<IReadOnlyList<RecruitmentRequest>> ListRequestsAsync(IEnumerable<RecruitmentRequest.Types.State> states, CancellationToken cancellationToken = default);

    Task<MatchCandidatesResponse> MatchCandidatesAsync(string request, string regionCode, int size, CancellationToken cancellationToken = default);

    Task<CheckEligibilityResponse> CheckRequestEligibilityAsync(string officer, string request, CancellationToken cancellationToken = default);

    Task<SubmitNominationResponse> SubmitToRequestAsync(string officer, string request, string requestId, CancellationToken cancellationToken = default);

    Task<ParityReport> GetParityReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default);

    Task<SkillsReport> GetSkillsReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default);

    Task<ExpiringCertifications> GetExpiringCertificationsAsync(IEnumerable<string> regionCodes, int withinDays, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams <paramref name="file"/> to ImportOfficers and reports each message of the answer (progress, bad
    /// rows) to <paramref name="onEvent"/>; returns the final summary.
    /// </summary>
    Task<ImportSummary> ImportOfficersAsync(string parent, RosterFileFormat format, ImportMode mode, Stream file,
        Action<ImportOfficersResponse> onEvent, CancellationToken cancellationToken = default);

    /// <summary>Writes the Member State's roster to <paramref name="destination"/>; returns the rows written.</summary>
    Task<long> ExportOfficersAsync(string parent, RosterFileFormat format, Stream destination, Action<long> onRows,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Mission>> ListMissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Publishes a course (administrators); <paramref name="courseId"/> empty lets the service choose it from the code.</summary>
    Task<Course> CreateCourseAsync(Course course, string courseId, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Changes the named fields of a course, with the etag last read.</summary>
    Task<Course> UpdateCourseAsync(Course course, IEnumerable<string> fields, CancellationToken cancellationToken = default);

    /// <summary>Deletes a course; refused while it has sessions.</summary>
    Task DeleteCourseAsync(string name, string etag, CancellationToken cancellationToken = default);

    /// <summary>Schedules a session of <paramref name="course"/> ("courses/{id}"), as a draft.</summary>
    Task<Session> CreateSessionAsync(string course, Session session, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Changes the named fields of a session (never its state), with the etag last read.</summary>
    Task<Session> UpdateSessionAsync(Session session, IEnumerable<string> fields, CancellationToken cancellationToken = default);

    /// <summary>Deletes a draft session with no nominations.</summary>
    Task DeleteSessionAsync(string name, string etag, CancellationToken cancellationToken = default);

    /// <summary>Opens, closes, completes or cancels a session (cancelling needs a reason).</summary>
    Task<Session> MoveSessionAsync(LifecycleMove move, Session session, string reason = "", CancellationToken cancellationToken = default);

    /// <summary>Publishes a recruitment request (administrators), as a draft.</summary>
    Task<RecruitmentRequest> CreateRequestAsync(RecruitmentRequest request, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Changes the named fields of a request (never its state), with the etag last read.</summary>
    Task<RecruitmentRequest> UpdateRequestAsync(RecruitmentRequest request, IEnumerable<string> fields, CancellationToken cancellationToken = default);

    /// <summary>Opens, closes or cancels a request (cancelling needs a reason); requests are never completed.</summary>
    Task<RecruitmentRequest> MoveRequestAsync(LifecycleMove move, RecruitmentRequest request, string reason = "", CancellationToken cancellationToken = default);

    /// <summary>Issues an access token (administrators): the secret is in the answer and nowhere else, ever.</summary>
    Task<CreateAccessTokenResponse> CreateAccessTokenAsync(AccessToken token, CancellationToken cancellationToken = default);

    /// <summary>Access tokens, newest first; revoked and expired ones too when <paramref name="showInactive"/>.</summary>
    Task<IReadOnlyList<AccessToken>> ListAccessTokensAsync(bool showInactive, CancellationToken cancellationToken = default);

    Task<AccessToken> RevokeAccessTokenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>One page of the audit trail, oldest first, narrowed by the request's actor, resource and times.</summary>
    Task<ListAuditEventsResponse> ListAuditEventsAsync(ListAuditEventsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes to the nominations under <paramref name="parent"/> after <paramref name="sinceSequence"/>, until cancelled.</summary>
    IAsyncEnumerable<NominationEvent> WatchNominationsAsync(string parent, long sinceSequence, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="WatchNominationsAsync(string, long, CancellationToken)"/>, calling <paramref name="connected"/>
    /// once the service has accepted the watch (before any change comes), so a screen shows "live" only when it is.
    /// </summary>
    IAsyncEnumerable<NominationEvent> WatchNominationsAsync(string parent, long sinceSequence, Action connected, CancellationToken cancellationToken)
    {
        connected();
        return WatchNominationsAsync(parent, sinceSequence, cancellationToken);
    }
}

/// <summary>The custom methods that move a nomination.</summary>
public enum Decision
{
    Confirm, Waitlist, Reject, Reconsider, Withdraw, RecordPassed, RecordFailed, RecordNoShow,
    /// <summary>Recruitment requests' deployment path.</summary>
    Shortlist, Select, Clear, Deploy,
}

/// <summary>The custom methods that move a session or a request along its lifecycle.</summary>
public enum LifecycleMove { Open, Close, Complete, Cancel }
