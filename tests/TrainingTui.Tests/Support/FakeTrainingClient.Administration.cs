using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Tui.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Support;

/// <summary>The administrators' side of the fake: the catalogue and requests written, access tokens, the audit trail.</summary>
public sealed partial class FakeTrainingClient
{
    public List<Mission> Missions { get; } = [];
    public List<AccessToken> AccessTokens { get; } = [];
    public List<AuditEvent> AuditEvents { get; } = [];

    /// <summary>Every audit query, as sent.</summary>
    public List<ListAuditEventsRequest> AuditRequests { get; } = [];

    /// <summary>When set, the next catalogue, request or token write fails with this reason and sentence (FAILED_PRECONDITION).</summary>
    public (string Reason, string Description)? NextRefusal { get; set; }

    private void ThrowRefusal()
    {
        ThrowFieldErrors();
        if (NextRefusal is not { } refusal) return;
        NextRefusal = null;
        throw new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.FailedPrecondition,
            Message = refusal.Description,
            Details =
            {
                Any.Pack(new Google.Rpc.ErrorInfo { Reason = refusal.Reason, Domain = "training.unpol.un.org" }),
                Any.Pack(new Google.Rpc.PreconditionFailure
                {
                    Violations = { new Google.Rpc.PreconditionFailure.Types.Violation { Type = refusal.Reason, Description = refusal.Description } },
                }),
            },
        }.ToRpcException();
    }

    private static string NextEtag(string etag) =>
        $"\"{(int.TryParse(etag.Trim('"'), CultureInfo.InvariantCulture, out var n) ? n : 0) + 1}\"";

    public Task<IReadOnlyList<Mission>> ListMissionsAsync(CancellationToken cancellationToken = default) =>
        Answer("ListMissions", () => (IReadOnlyList<Mission>)Missions.ToList());

    public Task<Course> CreateCourseAsync(Course course, string courseId, string requestId, CancellationToken cancellationToken = default) =>
        Answer($"CreateCourse {course.Code}", () =>
        {
            ThrowRefusal();
            var created = course.Clone();
            created.Name = $"courses/{(courseId.Length > 0 ? courseId : course.Code.ToLowerInvariant())}";
            created.Etag = "\"1\"";
            Courses.Add(created);
            return created;
        });

    public Task<Course> UpdateCourseAsync(Course course, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        Answer($"UpdateCourse {course.Name} {string.Join(",", fields)}", () =>
        {
            ThrowRefusal();
            var at = Courses.FindIndex(c => c.Name == course.Name);
            if (course.Etag != Courses[at].Etag) throw EtagMismatch(course.Name);
            var updated = course.Clone();
            updated.Etag = NextEtag(Courses[at].Etag);
            Courses[at] = updated;
            return updated;
        });

    public Task DeleteCourseAsync(string name, string etag, CancellationToken cancellationToken = default) =>
        Answer($"DeleteCourse {name}", () =>
        {
            ThrowRefusal();
            if (Sessions.Any(s => s.Name.StartsWith(name + "/", StringComparison.Ordinal)))
            {
                NextRefusal = ("COURSE_HAS_SESSIONS", $"{name} has sessions; cancel or delete them first.");
                ThrowRefusal();
            }
            Courses.RemoveAll(c => c.Name == name);
            return true;
        });

    public Task<Session> CreateSessionAsync(string course, Session session, string requestId, CancellationToken cancellationToken = default) =>
        Answer($"CreateSession {course} {session.Venue}", () =>
        {
            ThrowRefusal();
            var created = session.Clone();
            created.Name = $"{course}/sessions/s{Sessions.Count + 1}";
            created.State = Session.Types.State.Draft;
            created.Etag = "\"1\"";
            Sessions.Add(created);
            return created;
        });

    public Task<Session> UpdateSessionAsync(Session session, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        Answer($"UpdateSession {session.Name} {string.Join(",", fields)}", () =>
        {
            ThrowRefusal();
            var at = Sessions.FindIndex(s => s.Name == session.Name);
            if (session.Etag != Sessions[at].Etag) throw EtagMismatch(session.Name);
            var updated = session.Clone();
            updated.State = Sessions[at].State;
            updated.Etag = NextEtag(Sessions[at].Etag);
            Sessions[at] = updated;
            return updated;
        });

    public Task DeleteSessionAsync(string name, string etag, CancellationToken cancellationToken = default) =>
        Answer($"DeleteSession {name}", () =>
        {
            ThrowRefusal();
            Sessions.RemoveAll(s => s.Name == name);
            return true;
        });

    public Task<Session> MoveSessionAsync(LifecycleMove move, Session session, string reason = "", CancellationToken cancellationToken = default) =>
        Answer($"{move}Session {session.Name} {reason}".TrimEnd(), () =>
        {
            ThrowRefusal();
            var at = Sessions.FindIndex(s => s.Name == session.Name);
            var moved = Sessions[at].Clone();
            moved.State = move switch
            {
                LifecycleMove.Open => Session.Types.State.Open,
                LifecycleMove.Close => Session.Types.State.Closed,
                LifecycleMove.Complete => Session.Types.State.Completed,
                _ => Session.Types.State.Cancelled,
            };
            moved.CancelReason = reason;
            moved.Etag = NextEtag(moved.Etag);
            Sessions[at] = moved;
            if (move == LifecycleMove.Cancel)
                foreach (var live in Nominations.Where(n => n.Session == session.Name && n.State is Nomination.Types.State.Submitted
                             or Nomination.Types.State.Waitlisted or Nomination.Types.State.Confirmed).ToList())
                {
                    var cancelled = live.Clone();
                    cancelled.State = Nomination.Types.State.Cancelled;
                    Publish(cancelled);
                }
            return moved;
        });

    public Task<RecruitmentRequest> CreateRequestAsync(RecruitmentRequest request, string requestId, CancellationToken cancellationToken = default) =>
        Answer($"CreateRequest {request.Title}", () =>
        {
            ThrowRefusal();
            var created = request.Clone();
            created.Name = $"requests/r{Requests.Count + 1}";
            created.State = RecruitmentRequest.Types.State.Draft;
            created.Etag = "\"1\"";
            Requests.Add(created);
            return created;
        });

    public Task<RecruitmentRequest> UpdateRequestAsync(RecruitmentRequest request, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        Answer($"UpdateRequest {request.Name} {string.Join(",", fields)}", () =>
        {
            ThrowRefusal();
            var at = Requests.FindIndex(r => r.Name == request.Name);
            if (request.Etag != Requests[at].Etag) throw EtagMismatch(request.Name);
            var updated = request.Clone();
            updated.State = Requests[at].State;
            updated.Etag = NextEtag(Requests[at].Etag);
            Requests[at] = updated;
            return updated;
        });

    public Task<RecruitmentRequest> MoveRequestAsync(LifecycleMove move, RecruitmentRequest request, string reason = "", CancellationToken cancellationToken = default) =>
        Answer($"{move}Request {request.Name} {reason}".TrimEnd(), () =>
        {
            ThrowRefusal();
            var at = Requests.FindIndex(r => r.Name == request.Name);
            var moved = Requests[at].Clone();
            moved.State = move switch
            {
                LifecycleMove.Open => RecruitmentRequest.Types.State.Open,
                LifecycleMove.Close => RecruitmentRequest.Types.State.Closed,
                _ => RecruitmentRequest.Types.State.Cancelled,
            };
            moved.CancelReason = reason;
            moved.Etag = NextEtag(moved.Etag);
            Requests[at] = moved;
            return moved;
        });

    public Task<CreateAccessTokenResponse> CreateAccessTokenAsync(AccessToken token, CancellationToken cancellationToken = default) =>
        Answer($"CreateAccessToken {token.DisplayName}", () =>
        {
            ThrowRefusal();
            var issued = token.Clone();
            issued.Name = $"accessTokens/t{AccessTokens.Count + 1}";
            issued.CreateTime = Timestamp.FromDateTimeOffset(Clock.GetUtcNow());
            issued.Creator = Caller.AccessToken;
            AccessTokens.Insert(0, issued);
            return new CreateAccessTokenResponse { AccessToken = issued, Secret = $"trn_secret{AccessTokens.Count}_0123456789abcdef" };
        });

    public Task<IReadOnlyList<AccessToken>> ListAccessTokensAsync(bool showInactive, CancellationToken cancellationToken = default) =>
        Answer($"ListAccessTokens {(showInactive ? "all" : "active")}", () => (IReadOnlyList<AccessToken>)AccessTokens
            .Where(t => showInactive || (t.RevokeTime is null && (t.ExpireTime is null || t.ExpireTime.ToDateTimeOffset() > Clock.GetUtcNow()))).ToList());

    public Task<AccessToken> RevokeAccessTokenAsync(string name, CancellationToken cancellationToken = default) =>
        Answer($"RevokeAccessToken {name}", () =>
        {
            ThrowRefusal();
            var at = AccessTokens.FindIndex(t => t.Name == name);
            if (at < 0) throw new RpcException(new Status(StatusCode.NotFound, $"{name} does not exist."));
            var revoked = AccessTokens[at].Clone();
            revoked.RevokeTime = Timestamp.FromDateTimeOffset(Clock.GetUtcNow());
            AccessTokens[at] = revoked;
            return revoked;
        });

    /// <summary>Filters like the service (actor, resource prefix, times); pages by offset tokens.</summary>
    public Task<ListAuditEventsResponse> ListAuditEventsAsync(ListAuditEventsRequest request, CancellationToken cancellationToken = default)
    {
        AuditRequests.Add(request.Clone());
        return Answer($"ListAuditEvents {request.Actor}|{request.Resource}|{request.PageToken}", () =>
        {
            var matches = AuditEvents.Where(e => (request.Actor == "" || e.Actor == request.Actor)
                && (request.Resource == "" || e.Resource == request.Resource || e.Resource.StartsWith(request.Resource + "/", StringComparison.Ordinal))
                && (request.StartTime is null || e.EventTime.ToDateTime() >= request.StartTime.ToDateTime())
                && (request.EndTime is null || e.EventTime.ToDateTime() < request.EndTime.ToDateTime())).ToList();
            var start = request.PageToken == "" ? 0 : int.Parse(request.PageToken, CultureInfo.InvariantCulture);
            var size = request.PageSize == 0 ? 100 : request.PageSize;
            return new ListAuditEventsResponse
            {
                AuditEvents = { matches.Skip(start).Take(size) },
                NextPageToken = start + size < matches.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : "",
            };
        });
    }
}
