using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Nominations;

public enum SessionOutcome { Passed = 1, Failed = 2, NoShow = 3 }

/// <summary>
/// Nominations to course sessions: submission through the rule engine, the decision workflow, seats and the
/// first-in-first-out waitlist. Every change is one transaction under the single writer, so a seat count read
/// at confirmation is still true when the confirmation commits: no overbooking, whatever the concurrency.
/// </summary>
public sealed class NominationWorkflow(
    ITrainingStore store,
    INominationRepository nominations,
    IOfficerRepository officers,
    ICourseRepository courses,
    ISessionRepository sessions,
    INominationFeed feed,
    IAuditTrail audit,
    IRequestLedger ledger,
    EligibilityEngine engine,
    Recruitment.IRequestRepository requests,
    TimeProvider clock)
{
    /// <summary>A dry run: every failure and warning, including the live parity warning; writes nothing.</summary>
    public EligibilityResult Check(string regionCode, string officerId, string courseId, string sessionId)
    {
        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        var (course, session) = SessionAndCourse(courseId, sessionId);
        var sessionNominations = nominations.ForTarget(TargetKind.Session, session.Key);
        var result = engine.Check(Case(officer, course, session, sessionNominations, CheckStage.Submission));
        return WithParity(result, sessionNominations, regionCode, officer.Gender);
    }

    /// <summary>
    /// Nominates an officer. A retry with the same request id returns the first nomination. Hard failures refuse
    /// it with every failed rule; soft ones are stored on it; the parity warning is returned, not stored.
    /// </summary>
    public Task<(Nomination Nomination, IReadOnlyList<EligibilityFinding> Warnings)> SubmitAsync(
        Actor actor, string regionCode, string officerId, string courseId, string sessionId, RequestIdentity? requestId, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var ledgerKey = requestId?.In($"SubmitNomination|{regionCode}");
        if (ledger.Earlier(ledgerKey) is { } earlier)
        {
            var first = nominations.Get(regionCode, earlier.Split('/')[^1])!;
            return (first, CurrentWarnings(first));
        }

        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        var (course, session) = SessionAndCourse(courseId, sessionId);
        var sessionNominations = nominations.ForTarget(TargetKind.Session, session.Key);
        var result = engine.Check(Case(officer, course, session, sessionNominations, CheckStage.Submission));
        if (!result.Eligible) throw NotEligible(officer, result);

        var nomination = Create(actor, officer, TargetKind.Session, session.Key, session.Name, result, ledgerKey);
        var parity = engine.ParityWarning([.. sessionNominations, NominationSummary.Of(nomination)], regionCode);
        return (nomination, parity is null ? nomination.Warnings : [.. nomination.Warnings, parity]);
    }, cancellation);

    /// <summary>A dry run against a recruitment request.</summary>
    public EligibilityResult CheckRequest(string regionCode, string officerId, string requestId)
    {
        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        var request = LoadRequest(requestId);
        var requestNominations = nominations.ForTarget(TargetKind.Request, request.Id);
        var result = engine.Check(RequestCase(officer, request, requestNominations, CheckStage.Submission));
        return WithParity(result, requestNominations, regionCode, officer.Gender);
    }

    /// <summary>Nominates an officer to a recruitment request, as <see cref="Submit"/> does to a session.</summary>
    public Task<(Nomination Nomination, IReadOnlyList<EligibilityFinding> Warnings)> SubmitToRequestAsync(
        Actor actor, string regionCode, string officerId, string requestId, RequestIdentity? idempotencyKey, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var ledgerKey = idempotencyKey?.In($"SubmitNomination|{regionCode}");
        if (ledger.Earlier(ledgerKey) is { } earlier)
        {
            var first = nominations.Get(regionCode, earlier.Split('/')[^1])!;
            return (first, CurrentWarnings(first));
        }

        var officer = officers.Get(regionCode, officerId) ?? throw new NotFoundException(ResourceNames.Officer(regionCode, officerId));
        var request = LoadRequest(requestId);
        var requestNominations = nominations.ForTarget(TargetKind.Request, request.Id);
        var result = engine.Check(RequestCase(officer, request, requestNominations, CheckStage.Submission));
        if (!result.Eligible) throw NotEligible(officer, result);

        var nomination = Create(actor, officer, TargetKind.Request, request.Id, request.Name, result, ledgerKey);
        var parity = engine.ParityWarning([.. requestNominations, NominationSummary.Of(nomination)], regionCode);
        return (nomination, parity is null ? nomination.Warnings : [.. nomination.Warnings, parity]);
    }, cancellation);

    /// <summary>Request: SUBMITTED -> SHORTLISTED.</summary>
    public Task<Nomination> ShortlistAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
        Move(actor, Load(regionCode, nominationId, etag), NominationState.Shortlisted, "", new Phrase("Audit_Shortlisted")), cancellation);

    /// <summary>Request: SHORTLISTED -> SELECTED.</summary>
    public Task<Nomination> SelectAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
        Move(actor, Load(regionCode, nominationId, etag), NominationState.Selected, "", new Phrase("Audit_Selected")), cancellation);

    /// <summary>Request: SELECTED -> CLEARED, only with medical clearance on file (E8).</summary>
    public Task<Nomination> ClearAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        EnsureMove(nomination, NominationState.Cleared);
        var officer = officers.Get(nomination.RegionCode, nomination.OfficerId)!;
        var missing = engine.MedicalClearance(officer);
        if (missing.Count > 0) throw NotEligible(officer, new EligibilityResult(missing, []));
        return Move(actor, nomination, NominationState.Cleared, "", new Phrase("Audit_Cleared"));
    }, cancellation);

    /// <summary>Request: CLEARED -> DEPLOYED; the officer is shown as deployed on the roster.</summary>
    public Task<Nomination> DeployAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        EnsureMove(nomination, NominationState.Deployed);
        var officer = officers.Get(nomination.RegionCode, nomination.OfficerId)!;
        officer.Availability = Availability.Deployed;
        officer.UpdateTime = clock.UtcNow();
        officer.Revision++;
        officers.Update(officer);
        return Move(actor, nomination, NominationState.Deployed, "", new Phrase("Audit_Deployed", nomination.TargetName));
    }, cancellation);

    /// <summary>Cancels every live nomination of a request being cancelled, with the request's reason.</summary>
    public int CancelAllForRequest(Actor actor, Recruitment.RecruitmentRequest request, string reason) =>
        CancelLive(actor, TargetKind.Request, request.Id, $"Request cancelled: {reason}");

    private int CancelLive(Actor actor, TargetKind kind, string targetKey, string reason)
    {
        var now = clock.UtcNow();
        var cancelled = 0;
        foreach (var live in nominations.ForTarget(kind, targetKey).Where(n => n.IsLive))
        {
            var nomination = nominations.Get(live.RegionCode, live.Id)!;
            var previous = nomination.State;
            nomination.MoveTo(NominationState.Cancelled, actor, now, reason, automatic: true);
            nominations.Update(nomination);
            feed.Append(nomination, previous);
            cancelled++;
        }
        return cancelled;
    }

    private Nomination Create(Actor actor, Officer officer, TargetKind kind, string targetKey, string targetName,
        EligibilityResult result, RequestKey? ledgerKey)
    {
        var now = clock.UtcNow();
        var nomination = new Nomination
        {
            RegionCode = officer.RegionCode,
            OfficerId = officer.Id,
            Kind = kind,
            TargetKey = targetKey,
            State = NominationState.Submitted,
            Warnings = result.Warnings.ToList(),
            OfficerDisplayName = officer.DisplayName,
            OfficerGender = officer.Gender,
            CreateTime = now,
            UpdateTime = now,
            Revision = 1,
            History =
            [
                new NominationTransition
                {
                    From = NominationState.Unspecified, To = NominationState.Submitted, Time = now,
                    Actor = actor.Name, ActorDisplayName = actor.DisplayName,
                },
            ],
        };
        nominations.Insert(nomination);
        if (ledgerKey is not null) ledger.Remember(ledgerKey, nomination.Name);
        feed.Append(nomination, NominationState.Unspecified);
        audit.Record(actor, nomination.Name, new Phrase("Audit_Nominated", officer.Name, targetName));
        return nomination;
    }

    private Recruitment.RecruitmentRequest LoadRequest(string requestId) =>
        requests.Find(requestId) ?? throw new NotFoundException(ResourceNames.Request(requestId));

    private RequestCheck RequestCase(Officer officer, Recruitment.RecruitmentRequest request, IReadOnlyList<NominationSummary> requestNominations,
        CheckStage stage, string? nominationKey = null) =>
        new(officer, request, nominations.ForOfficer(officer.RegionCode, officer.Id), requestNominations, stage, clock.UtcNow(), nominationKey);

    /// <summary>Takes a seat: re-checks capacity, the Member State's quota, overlaps and hard eligibility.</summary>
    public Task<Nomination> ConfirmAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        EnsureMove(nomination, NominationState.Confirmed);
        var (course, session) = SessionOf(nomination);
        EnsureSessionActive(session);
        var sessionNominations = nominations.ForTarget(TargetKind.Session, session.Key);
        if (SeatRefusal(session, sessionNominations, nomination.RegionCode) is { } refusal) throw refusal;
        var officer = officers.Get(nomination.RegionCode, nomination.OfficerId)!;
        var result = engine.Check(Case(officer, course, session, sessionNominations, CheckStage.Confirmation, nomination.Key));
        if (!result.Eligible) throw NotEligible(officer, result);
        return Move(actor, nomination, NominationState.Confirmed, "", new Phrase("Audit_SeatConfirmed", session.Name));
    }, cancellation);

    public Task<Nomination> WaitlistAsync(Actor actor, string regionCode, string nominationId, string? etag, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        EnsureMove(nomination, NominationState.Waitlisted);
        EnsureSessionActive(SessionOf(nomination).Session);
        return Move(actor, nomination, NominationState.Waitlisted, "", new Phrase("Audit_Waitlisted"));
    }, cancellation);

    public Task<Nomination> RejectAsync(Actor actor, string regionCode, string nominationId, string? etag, string reason, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        return Move(actor, nomination, NominationState.Rejected, reason, new Phrase("Audit_Rejected", reason));
    }, cancellation);

    public Task<Nomination> ReconsiderAsync(Actor actor, string regionCode, string nominationId, string? etag, string reason, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        EnsureMove(nomination, NominationState.Submitted);
        EnsureSessionActive(SessionOf(nomination).Session);
        return Move(actor, nomination, NominationState.Submitted, reason, new Phrase("Audit_Reconsidered", reason));
    }, cancellation);

    /// <summary>Withdraws; a freed seat goes to the oldest waitlisted nomination that still passes the checks.</summary>
    public Task<Nomination> WithdrawAsync(Actor actor, string regionCode, string nominationId, string? etag, string reason, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        var heldSeat = nomination.State == NominationState.Confirmed;
        Move(actor, nomination, NominationState.Withdrawn, reason, new Phrase("Audit_Withdrew", reason));
        if (heldSeat && nomination.Kind == TargetKind.Session) PromoteWaitlisted(SessionOf(nomination).Session);
        return nomination;
    }, cancellation);

    /// <summary>Records attendance and result once the session has reached its last day; a pass certifies the officer.</summary>
    public Task<Nomination> RecordOutcomeAsync(Actor actor, string regionCode, string nominationId, string? etag, SessionOutcome outcome, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var nomination = Load(regionCode, nominationId, etag);
        var to = outcome == SessionOutcome.NoShow ? NominationState.NoShow : NominationState.Completed;
        EnsureMove(nomination, to);
        var (course, session) = SessionOf(nomination);
        var today = Dates.Today(clock);
        if (today < session.EndDate)
            throw new RuleViolationException("SESSION_NOT_ENDED", session.Name,
                $"Outcomes can be recorded from the session's last day, {Dates.Show(session.EndDate)}.");
        nomination.Result = outcome switch
        {
            SessionOutcome.Passed => CourseResult.Passed,
            SessionOutcome.Failed => CourseResult.Failed,
            _ => CourseResult.Unspecified,
        };
        if (outcome == SessionOutcome.Passed) Certify(nomination, course, session);
        return Move(actor, nomination, to, "", new Phrase("Audit_OutcomeRecorded",
            Phrase.Word($"SessionOutcome_{outcome}", outcome.ToString().ToLowerInvariant())));
    }, cancellation);

    /// <summary>Cancels every live nomination of a session being cancelled, with the session's reason.</summary>
    public int CancelAllFor(Actor actor, Session session, string reason) =>
        CancelLive(actor, TargetKind.Session, session.Key, $"Session cancelled: {reason}");

    /// <summary>Fills free seats from the waitlist, oldest first, skipping nominations that no longer pass.</summary>
    public void PromoteWaitlisted(Session session)
    {
        if (session.State is not (SessionState.Open or SessionState.Closed)) return;
        var course = courses.Find(session.CourseId)!;
        var skipped = new HashSet<string>();
        while (true)
        {
            var sessionNominations = nominations.ForTarget(TargetKind.Session, session.Key);
            var confirmed = sessionNominations.Count(n => n.State == NominationState.Confirmed);
            if (confirmed >= session.Seats) return;
            var next = sessionNominations
                .Where(n => n.State == NominationState.Waitlisted && !skipped.Contains(n.Key))
                .OrderBy(n => n.WaitlistPosition).ThenBy(n => n.CreateTime)
                .FirstOrDefault(n =>
                {
                    var passes = SeatRefusal(session, sessionNominations, n.RegionCode) is null
                        && officers.Get(n.RegionCode, n.OfficerId) is { } officer
                        && engine.Check(Case(officer, course, session, sessionNominations, CheckStage.Confirmation, n.Key)).Eligible;
                    if (!passes) skipped.Add(n.Key);
                    return passes;
                });
            if (next is null) return;
            Move(Actor.System("NominationService/PromoteWaitlisted"), nominations.Get(next.RegionCode, next.Id)!, NominationState.Confirmed,
                "Promoted from the waitlist: a seat became free.", new Phrase("Audit_Promoted", session.Name), automatic: true);
        }
    }

    /// <summary>Seats taken in a session: its confirmed nominations.</summary>
    public int ConfirmedSeats(Session session) =>
        nominations.ForTarget(TargetKind.Session, session.Key).Count(n => n.State == NominationState.Confirmed);

    /// <summary>The warnings of a nomination now: those stored at submission plus the live parity warning.</summary>
    public IReadOnlyList<EligibilityFinding> CurrentWarnings(Nomination nomination)
    {
        var parity = engine.ParityWarning(nominations.ForTarget(nomination.Kind, nomination.TargetKey), nomination.RegionCode);
        return parity is null ? nomination.Warnings : [.. nomination.Warnings, parity];
    }

    private Nomination Move(Actor actor, Nomination nomination, NominationState to, string reason, Phrase summary, bool automatic = false)
    {
        var previous = nomination.State;
        nomination.MoveTo(to, actor, clock.UtcNow(), reason, automatic);
        nominations.Update(nomination);
        feed.Append(nomination, previous);
        audit.Record(actor, nomination.Name, summary);
        return nomination;
    }

    private void Certify(Nomination nomination, Course course, Session session)
    {
        var officer = officers.Get(nomination.RegionCode, nomination.OfficerId)!;
        officer.Certifications.CompletedCourses.RemoveAll(c => c.CourseId == course.Id && c.CompletionDate <= session.EndDate);
        officer.Certifications.CompletedCourses.Add(new CompletedCourse
        {
            CourseId = course.Id,
            CompletionDate = session.EndDate,
            ExpiryDate = course.CompletionExpiry(session.EndDate),
        });
        officer.UpdateTime = clock.UtcNow();
        officer.Revision++;
        officers.Update(officer);
    }

    private static RuleViolationException? SeatRefusal(Session session, IReadOnlyList<NominationSummary> sessionNominations, string regionCode)
    {
        var confirmed = sessionNominations.Where(n => n.State == NominationState.Confirmed).ToList();
        if (confirmed.Count >= session.Seats)
            return new RuleViolationException("SESSION_FULL", session.Name,
                $"All {session.Seats} seats of {session.Name} are confirmed; waitlist the nomination instead.");
        var quota = session.AllocationFor(regionCode)?.Quota ?? 0;
        var taken = confirmed.Count(n => n.RegionCode == regionCode);
        if (quota > 0 && taken >= quota)
            return new RuleViolationException("MEMBER_STATE_QUOTA_REACHED", session.Name,
                $"{regionCode} already holds {taken} confirmed seat(s); its quota in this session is {quota}.");
        return null;
    }

    private Nomination Load(string regionCode, string nominationId, string? etag)
    {
        var nomination = nominations.Get(regionCode, nominationId)
            ?? throw new NotFoundException(ResourceNames.Nomination(regionCode, nominationId));
        Etag.Check(etag, nomination.Revision, nomination.Name);
        return nomination;
    }

    private static void EnsureMove(Nomination nomination, NominationState to)
    {
        if (!NominationStateMachine.Allows(nomination.Kind, nomination.State, to))
            throw new RuleViolationException("ILLEGAL_TRANSITION", nomination.Name,
                $"A nomination that is {Nomination.Show(nomination.State)} cannot become {Nomination.Show(to)}.");
    }

    private static void EnsureSessionActive(Session session)
    {
        if (session.State is not (SessionState.Open or SessionState.Closed))
            throw new RuleViolationException("SESSION_NOT_ACTIVE", session.Name,
                $"The session is {session.State.ToString().ToUpperInvariant()}; seats are decided only while it is OPEN or CLOSED.");
    }

    private (Course Course, Session Session) SessionAndCourse(string courseId, string sessionId)
    {
        var session = sessions.Find(courseId, sessionId) ?? throw new NotFoundException(ResourceNames.Session(courseId, sessionId));
        var course = courses.Find(courseId) ?? throw new NotFoundException(ResourceNames.Course(courseId));
        return (course, session);
    }

    private (Course Course, Session Session) SessionOf(Nomination nomination)
    {
        var parts = nomination.TargetKey.Split('/');
        return SessionAndCourse(parts[0], parts[1]);
    }

    private SessionCheck Case(Officer officer, Course course, Session session, IReadOnlyList<NominationSummary> sessionNominations,
        CheckStage stage, string? nominationKey = null) =>
        new(officer, course, session,
            nominations.ForOfficer(officer.RegionCode, officer.Id),
            sessionNominations,
            key => key.Split('/') is [var c, var s] ? sessions.Find(c, s) : null,
            courses.Find,
            stage,
            clock.UtcNow(),
            nominationKey);

    private EligibilityResult WithParity(EligibilityResult result, IEnumerable<NominationSummary> targetNominations, string regionCode, Gender gender)
    {
        var parity = engine.ParityWarning(targetNominations, regionCode, gender);
        return parity is null ? result : result with { Warnings = [.. result.Warnings, parity] };
    }

    private static RuleViolationException NotEligible(Officer officer, EligibilityResult result)
    {
        var words = new Phrase("Refusal_NotEligible", officer.DisplayName, new Phrase.Sentences(result.Failures.Select(f => f.Words()).ToList()));
        return new RuleViolationException("OFFICER_NOT_ELIGIBLE",
            result.Failures.Select(f => new RuleViolation(f.Rule, f.Field, f.Description, f.Words())).ToList(),
            words.ToString(), words);
    }
}
