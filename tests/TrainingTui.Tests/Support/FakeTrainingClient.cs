using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Tui.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Support;

/// <summary>
/// An in-memory stand-in for the service that answers every call at once (completed tasks, so view tests
/// stay synchronous) and records each call. Set <see cref="Unreachable"/> to make every call fail as a
/// vanished server does.
/// </summary>
public sealed partial class FakeTrainingClient : ITrainingClient
{
    private readonly List<Channel<NominationEvent>> _watchers = [];
    private long _sequence = 100;
    private readonly Queue<(SearchOfficersRequest Request, TaskCompletionSource<SearchOfficersResponse> Reply)> _heldSearchPages = new();

    public FakeClock Clock { get; } = new(new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
    public List<string> Calls { get; } = [];
    public bool Unreachable { get; set; }
    public Caller Caller { get; set; } = Callers.FocalPoint("SN");

    public List<Course> Courses { get; } = [];
    public List<Session> Sessions { get; } = [];
    public List<Officer> Officers { get; } = [];
    public List<Nomination> Nominations { get; } = [];
    public List<Skill> Skills { get; } = [];
    public List<Language> Languages { get; } = [];
    public Dictionary<string, CheckEligibilityResponse> Eligibility { get; } = [];
    public Dictionary<string, SessionStatistics> Statistics { get; } = [];

    /// <summary>When set, the next officer create or update fails with these field violations.</summary>
    public List<(string Field, string Description)>? NextFieldErrors { get; set; }

    /// <summary>When set, the next submission fails with these rule violations.</summary>
    public Dictionary<string, List<(string Rule, string Description)>> SubmissionRefusals { get; } = [];

    /// <summary>Every submission attempt with its request id, in order (a retry shows the same id twice).</summary>
    public List<(string Officer, string RequestId)> SubmissionRequests { get; } = [];

    /// <summary>Decisions refused with a reason and its description, e.g. Confirm → SESSION_FULL, until removed.</summary>
    public Dictionary<Decision, (string Reason, string Description)> DecisionRefusals { get; } = [];

    /// <summary>Decisions refused with a reason and a violation of a named rule, e.g. Clear → OFFICER_NOT_ELIGIBLE, MEDICAL_CLEARANCE_MISSING.</summary>
    public Dictionary<Decision, (string Reason, string Rule, string Description)> DecisionRuleRefusals { get; } = [];

    /// <summary>When true, a session without an entry in <see cref="Statistics"/> gets figures counted from <see cref="Nominations"/>.</summary>
    public bool CountStatistics { get; set; }

    public int WatcherCount => _watchers.Count;

    /// <summary>The sequence of the last change published (what a list reports as its watch sequence).</summary>
    public long Sequence => _sequence;

    /// <summary>Every officer search, as sent.</summary>
    public List<SearchOfficersRequest> SearchRequests { get; } = [];

    /// <summary>When true, search pages after the first wait for <see cref="ReleaseSearchPage"/> (a slow link).</summary>
    public bool HoldLaterSearchPages { get; set; }

    /// <summary>When true, every search page waits for <see cref="ReleaseSearchPage"/> (a busy machine, a slow link).</summary>
    public bool HoldAllSearchPages { get; set; }

    public int HeldSearchPages => _heldSearchPages.Count;

    /// <summary>Answers the oldest held search page.</summary>
    public void ReleaseSearchPage()
    {
        var (request, reply) = _heldSearchPages.Dequeue();
        var answer = Search(request);
        if (answer.IsFaulted) reply.SetException(answer.Exception!.InnerExceptions);
        else reply.SetResult(answer.Result);
    }

    private Task<T> Answer<T>(string call, Func<T> answer)
    {
        Calls.Add(call);
        if (Unreachable) return Task.FromException<T>(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));
        try
        {
            return Task.FromResult(answer());
        }
        catch (RpcException e)
        {
            return Task.FromException<T>(e);
        }
    }

    public Task<Caller> GetCallerAsync(CancellationToken cancellationToken = default) => Answer("GetCaller", () => Caller);

    public Task<IReadOnlyList<Course>> ListCoursesAsync(CancellationToken cancellationToken = default) =>
        Answer("ListCourses", () => (IReadOnlyList<Course>)Courses.ToList());

    public Task<IReadOnlyList<Session>> ListSessionsAsync(DateOnly from, CancellationToken cancellationToken = default) =>
        Answer($"ListSessions from {from:yyyy-MM-dd}", () => (IReadOnlyList<Session>)Sessions
            .Where(s => new DateOnly(s.StartDate.Year, s.StartDate.Month, s.StartDate.Day) >= from).ToList());

    public Task<Session> GetSessionAsync(string name, CancellationToken cancellationToken = default) =>
        Answer($"GetSession {name}", () => Sessions.Single(s => s.Name == name));

    public Task<IReadOnlyList<Skill>> ListSkillsAsync(CancellationToken cancellationToken = default) =>
        Answer("ListSkills", () => (IReadOnlyList<Skill>)Skills.ToList());

    public Task<IReadOnlyList<Language>> ListLanguagesAsync(CancellationToken cancellationToken = default) =>
        Answer("ListLanguages", () => (IReadOnlyList<Language>)Languages.ToList());

    /// <summary>Filters by Member State, name prefix and gender like the service; paging by offset tokens.</summary>
    public Task<SearchOfficersResponse> SearchOfficersAsync(SearchOfficersRequest request, CancellationToken cancellationToken = default)
    {
        SearchRequests.Add(request.Clone());
        if (!HoldAllSearchPages && (!HoldLaterSearchPages || request.PageToken == "")) return Search(request);
        var reply = new TaskCompletionSource<SearchOfficersResponse>();
        _heldSearchPages.Enqueue((request.Clone(), reply));
        return reply.Task;
    }

    private Task<SearchOfficersResponse> Search(SearchOfficersRequest request) =>
        Answer($"SearchOfficers {request.NameText}|{request.PageToken}", () =>
        {
            var matches = Officers.Where(o =>
                (request.RegionCodes.Count == 0 || request.RegionCodes.Contains(o.Name.Split('/')[1]))
                && (request.NameText == "" || o.FamilyName.StartsWith(request.NameText, StringComparison.OrdinalIgnoreCase)
                    || o.GivenName.StartsWith(request.NameText, StringComparison.OrdinalIgnoreCase))
                && (request.Gender == Gender.Unspecified || o.Gender == request.Gender)
                && (request.Availability == Availability.Unspecified || o.Availability == request.Availability)
                && request.Skills.All(r => o.Skills.Any(k => k.SkillCode == r.SkillCode && k.Level >= r.MinimumLevel))
                && request.Languages.All(r => o.Languages.Any(l => l.LanguageCode == r.LanguageCode
                    && new[] { l.Reading, l.Listening, l.Writing, l.Speaking }.All(level => level >= r.MinimumLevel)))).ToList();
            var start = request.PageToken == "" ? 0 : int.Parse(request.PageToken, System.Globalization.CultureInfo.InvariantCulture);
            var size = request.PageSize == 0 ? 50 : request.PageSize;
            var page = matches.Skip(start).Take(size).ToList();
            return new SearchOfficersResponse
            {
                Officers = { page },
                NextPageToken = start + size < matches.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            };
        });

    public Task<Officer> GetOfficerAsync(string name, CancellationToken cancellationToken = default) =>
        Answer($"GetOfficer {name}", () => Officers.Single(o => o.Name == name));

    public Task<Officer> CreateOfficerAsync(string regionCode, Officer officer, string requestId, CancellationToken cancellationToken = default) =>
        Answer($"CreateOfficer {regionCode} {officer.FamilyName}", () =>
        {
            ThrowFieldErrors();
            var created = officer.Clone();
            created.Name = $"memberStates/{regionCode}/officers/new{Officers.Count + 1}";
            created.Etag = "\"1\"";
            Officers.Add(created);
            return created;
        });

    public Task<Officer> UpdateOfficerAsync(Officer officer, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        Answer($"UpdateOfficer {officer.Name} {string.Join(",", fields)}", () =>
        {
            ThrowFieldErrors();
            var at = Officers.FindIndex(o => o.Name == officer.Name);
            if (at < 0) throw new RpcException(new Status(StatusCode.NotFound, $"{officer.Name} does not exist."));
            if (officer.Etag != "" && officer.Etag != Officers[at].Etag) throw EtagMismatch(officer.Name);
            var updated = officer.Clone();
            updated.Etag = $"\"{int.Parse(Officers[at].Etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1}\"";
            Officers[at] = updated;
            return updated;
        });

    /// <summary>Refuses while nominations are live; anonymises an officer with nomination history, else removes it.</summary>
    public Task<Officer?> DeleteOfficerAsync(string name, string etag, CancellationToken cancellationToken = default) =>
        Answer($"DeleteOfficer {name}", () =>
        {
            var at = Officers.FindIndex(o => o.Name == name);
            if (at < 0) throw new RpcException(new Status(StatusCode.NotFound, $"{name} does not exist."));
            if (etag != "" && etag != Officers[at].Etag) throw EtagMismatch(name);
            var history = Nominations.Where(n => n.Officer == name).ToList();
            var live = history.Count(n => n.State is Nomination.Types.State.Submitted or Nomination.Types.State.Confirmed
                or Nomination.Types.State.Waitlisted or Nomination.Types.State.Shortlisted or Nomination.Types.State.Selected
                or Nomination.Types.State.Cleared);
            if (live > 0)
            {
                throw new Google.Rpc.Status
                {
                    Code = (int)Google.Rpc.Code.FailedPrecondition,
                    Message = "The officer cannot be deleted.",
                    Details =
                    {
                        Any.Pack(new Google.Rpc.ErrorInfo { Reason = "OFFICER_HAS_LIVE_NOMINATIONS", Domain = "training.unpol.un.org" }),
                        Any.Pack(new Google.Rpc.PreconditionFailure
                        {
                            Violations =
                            {
                                new Google.Rpc.PreconditionFailure.Types.Violation
                                {
                                    Type = "OFFICER_HAS_LIVE_NOMINATIONS", Subject = name,
                                    Description = $"This officer has {live} live nomination(s); withdraw them before deleting the officer.",
                                },
                            },
                        }),
                    },
                }.ToRpcException();
            }
            if (history.Count == 0)
            {
                Officers.RemoveAt(at);
                return (Officer?)null;
            }
            var kept = Officers[at].Clone();
            kept.Anonymized = true;
            kept.GivenName = "";
            kept.FamilyName = "";
            kept.Etag = "\"anonymised\"";
            Officers[at] = kept;
            return kept;
        });

    private static RpcException EtagMismatch(string name) => new Google.Rpc.Status
    {
        Code = (int)Google.Rpc.Code.Aborted,
        Message = $"{name} was changed by someone else since you read it. Read it again and retry.",
        Details = { Any.Pack(new Google.Rpc.ErrorInfo { Reason = "ETAG_MISMATCH", Domain = "training.unpol.un.org" }) },
    }.ToRpcException();

    private void ThrowFieldErrors()
    {
        if (NextFieldErrors is not { } errors) return;
        NextFieldErrors = null;
        var status = new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.InvalidArgument,
            Message = $"{errors.Count} invalid fields",
            Details =
            {
                Any.Pack(new Google.Rpc.BadRequest
                {
                    FieldViolations = { errors.Select(e => new Google.Rpc.BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Description }) },
                }),
            },
        };
        throw status.ToRpcException();
    }

    public Task<CheckEligibilityResponse> CheckEligibilityAsync(string officer, string session, CancellationToken cancellationToken = default)
    {
        if (!HoldEligibilityChecks) return Check(officer);
        var reply = new TaskCompletionSource<CheckEligibilityResponse>();
        _heldChecks.Enqueue((officer, reply));
        return reply.Task;
    }

    private Task<CheckEligibilityResponse> Check(string officer) =>
        Answer($"CheckEligibility {officer}", () => Eligibility.GetValueOrDefault(officer) ?? new CheckEligibilityResponse { Eligible = true });

    private readonly Queue<(string Officer, TaskCompletionSource<CheckEligibilityResponse> Reply)> _heldChecks = new();

    /// <summary>When true, eligibility checks wait for <see cref="ReleaseEligibilityCheck"/> (a slow service).</summary>
    public bool HoldEligibilityChecks { get; set; }

    /// <summary>The officers whose checks are waiting, oldest first.</summary>
    public IReadOnlyList<string> HeldEligibilityChecks => _heldChecks.Select(h => h.Officer).ToList();

    /// <summary>Answers the oldest held eligibility check.</summary>
    public void ReleaseEligibilityCheck()
    {
        var (officer, reply) = _heldChecks.Dequeue();
        var answer = Check(officer);
        if (answer.IsFaulted) reply.SetException(answer.Exception!.InnerExceptions);
        else reply.SetResult(answer.Result);
    }

    public Task<SubmitNominationResponse> SubmitNominationAsync(string officer, string session, string requestId, CancellationToken cancellationToken = default)
    {
        SubmissionRequests.Add((officer, requestId));
        return Answer($"SubmitNomination {officer}", () =>
        {
            if (_submittedByRequestId.TryGetValue(requestId, out var first)) return new SubmitNominationResponse { Nomination = first };
            if (SubmissionRefusals.TryGetValue(officer, out var refusal))
            {
                var status = new Google.Rpc.Status
                {
                    Code = (int)Google.Rpc.Code.FailedPrecondition,
                    Message = "The officer cannot be nominated.",
                    Details =
                    {
                        Any.Pack(new Google.Rpc.ErrorInfo { Reason = "OFFICER_NOT_ELIGIBLE", Domain = "training.unpol.un.org" }),
                        Any.Pack(new Google.Rpc.PreconditionFailure
                        {
                            Violations = { refusal.Select(r => new Google.Rpc.PreconditionFailure.Types.Violation { Type = r.Rule, Description = r.Description }) },
                        }),
                    },
                };
                throw status.ToRpcException();
            }
            var o = Officers.Single(x => x.Name == officer);
            var nomination = new Nomination
            {
                Name = $"{string.Join('/', officer.Split('/').Take(2))}/nominations/n{Nominations.Count + 1}",
                Officer = officer,
                Session = session,
                State = Nomination.Types.State.Submitted,
                OfficerDisplayName = $"{o.FamilyName}, {o.GivenName}",
                OfficerGender = o.Gender,
                Etag = "\"1\"",
                UpdateTime = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
            };
            Nominations.Add(nomination);
            _submittedByRequestId[requestId] = nomination;
            return new SubmitNominationResponse { Nomination = nomination };
        });
    }

    private readonly Dictionary<string, Nomination> _submittedByRequestId = [];

    public Task<ListNominationsResponse> ListNominationsAsync(ListNominationsRequest request, CancellationToken cancellationToken = default) =>
        Answer($"ListNominations {request.Parent} {request.Session}", () => new ListNominationsResponse
        {
            Nominations =
            {
                Nominations.Where(n => (request.Parent == "memberStates/-" || n.Name.StartsWith(request.Parent + "/", StringComparison.Ordinal))
                    && (request.Session == "" || n.Session == request.Session)
                    && (request.Request == "" || n.Request == request.Request)
                    && (request.States.Count == 0 || request.States.Contains(n.State))),
            },
            WatchSequence = _sequence,
        });

    public Task<Nomination> DecideAsync(Decision decision, Nomination nomination, string reason = "", CancellationToken cancellationToken = default) =>
        Answer($"{decision} {nomination.Name} {reason}".TrimEnd(), () =>
        {
            if (DecisionRuleRefusals.TryGetValue(decision, out var ruled))
            {
                throw new Google.Rpc.Status
                {
                    Code = (int)Google.Rpc.Code.FailedPrecondition,
                    Message = ruled.Description,
                    Details =
                    {
                        Any.Pack(new Google.Rpc.ErrorInfo { Reason = ruled.Reason, Domain = "training.unpol.un.org" }),
                        Any.Pack(new Google.Rpc.PreconditionFailure
                        {
                            Violations = { new Google.Rpc.PreconditionFailure.Types.Violation { Type = ruled.Rule, Subject = nomination.Officer, Description = ruled.Description } },
                        }),
                    },
                }.ToRpcException();
            }
            if (DecisionRefusals.TryGetValue(decision, out var refusal))
            {
                throw new Google.Rpc.Status
                {
                    Code = (int)Google.Rpc.Code.FailedPrecondition,
                    Message = refusal.Description,
                    Details =
                    {
                        Any.Pack(new Google.Rpc.ErrorInfo { Reason = refusal.Reason, Domain = "training.unpol.un.org" }),
                        Any.Pack(new Google.Rpc.PreconditionFailure
                        {
                            Violations = { new Google.Rpc.PreconditionFailure.Types.Violation { Type = refusal.Reason, Subject = nomination.Session, Description = refusal.Description } },
                        }),
                    },
                }.ToRpcException();
            }
            var at = Nominations.FindIndex(n => n.Name == nomination.Name);
            var moved = Nominations[at].Clone();
            var to = decision switch
            {
                Decision.Confirm => Nomination.Types.State.Confirmed,
                Decision.Waitlist => Nomination.Types.State.Waitlisted,
                Decision.Reject => Nomination.Types.State.Rejected,
                Decision.Reconsider => Nomination.Types.State.Submitted,
                Decision.Withdraw => Nomination.Types.State.Withdrawn,
                Decision.RecordNoShow => Nomination.Types.State.NoShow,
                Decision.Shortlist => Nomination.Types.State.Shortlisted,
                Decision.Select => Nomination.Types.State.Selected,
                Decision.Clear => Nomination.Types.State.Cleared,
                Decision.Deploy => Nomination.Types.State.Deployed,
                _ => Nomination.Types.State.Completed,
            };
            moved.History.Add(new NominationTransition { FromState = moved.State, ToState = to, Reason = reason, ActorDisplayName = Caller.DisplayName });
            moved.State = to;
            Nominations[at] = moved;
            return moved;
        });

    public Task<SessionStatistics> GetSessionStatisticsAsync(string session, CancellationToken cancellationToken = default) =>
        Answer($"GetSessionStatistics {session}", () => Statistics.GetValueOrDefault(session) ?? (CountStatistics ? CountFigures(session) : null) ?? new SessionStatistics
        {
            Session = session,
            Seats = Sessions.FirstOrDefault(s => s.Name == session)?.Seats ?? 0,
            SeatsAvailable = Sessions.FirstOrDefault(s => s.Name == session)?.Seats ?? 0,
            Overall = new NominationFigures(),
            ParityThreshold = 0.2,
            ParityTarget = 0.3,
        });

    /// <summary>Figures as the service counts them: live nominations, seats taken, women, per Member State.</summary>
    private SessionStatistics CountFigures(string session)
    {
        static NominationFigures Count(IReadOnlyList<Nomination> list)
        {
            bool Woman(Nomination n) => n.OfficerGender == Gender.Female;
            var live = list.Where(n => n.State is Nomination.Types.State.Submitted or Nomination.Types.State.Waitlisted or Nomination.Types.State.Confirmed).ToList();
            var confirmed = list.Where(n => n.State == Nomination.Types.State.Confirmed).ToList();
            var waitlisted = list.Where(n => n.State == Nomination.Types.State.Waitlisted).ToList();
            return new NominationFigures
            {
                Nominated = live.Count, NominatedWomen = live.Count(Woman),
                Confirmed = confirmed.Count, ConfirmedWomen = confirmed.Count(Woman),
                Waitlisted = waitlisted.Count, WaitlistedWomen = waitlisted.Count(Woman),
                Submitted = list.Count(n => n.State == Nomination.Types.State.Submitted),
                NominatedWomenShare = live.Count == 0 ? 0 : (double)live.Count(Woman) / live.Count,
                ConfirmedWomenShare = confirmed.Count == 0 ? 0 : (double)confirmed.Count(Woman) / confirmed.Count,
                BelowParityThreshold = live.Count > 0 && (double)live.Count(Woman) / live.Count < 0.2,
            };
        }
        var nominations = Nominations.Where(n => n.Session == session).ToList();
        var seats = Sessions.FirstOrDefault(s => s.Name == session)?.Seats ?? 0;
        var overall = Count(nominations);
        var figures = new SessionStatistics
        {
            Session = session, Seats = seats, SeatsAvailable = Math.Max(0, seats - overall.Confirmed), Overall = overall,
            ParityThreshold = 0.2, ParityTarget = 0.3,
        };
        figures.MemberStates.AddRange(nominations.GroupBy(n => n.Name.Split('/')[1]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MemberStateFigures { RegionCode = g.Key, Figures = Count(g.ToList()) }));
        return figures;
    }

    public List<RecruitmentRequest> Requests { get; } = [];
    public Dictionary<string, MatchCandidatesResponse> Matches { get; } = [];
    public ParityReport ParityReport { get; set; } = new();
    public SkillsReport SkillsReport { get; set; } = new();
    public ExpiringCertifications Expiring { get; set; } = new();

    /// <summary>What ImportOfficers answers: the events streamed back, then the summary.</summary>
    public List<ImportOfficersResponse> ImportEvents { get; } = [];
    public ImportSummary ImportSummary { get; set; } = new();

    /// <summary>The bytes of every imported file, in order.</summary>
    public List<byte[]> ImportedFiles { get; } = [];

    /// <summary>What ExportOfficers writes, and the row count it reports.</summary>
    public (byte[] Content, long Rows) Export { get; set; } = ([], 0);

    public Task<IReadOnlyList<RecruitmentRequest>> ListRequestsAsync(IEnumerable<RecruitmentRequest.Types.State> states, CancellationToken cancellationToken = default)
    {
        var wanted = states.ToList();
        return Answer("ListRequests", () => (IReadOnlyList<RecruitmentRequest>)Requests.Where(r => wanted.Count == 0 || wanted.Contains(r.State)).ToList());
    }

    public Task<MatchCandidatesResponse> MatchCandidatesAsync(string request, string regionCode, int size, CancellationToken cancellationToken = default) =>
        Answer($"MatchCandidates {request} {regionCode}", () => Matches.GetValueOrDefault(request) ?? new MatchCandidatesResponse());

    public Task<CheckEligibilityResponse> CheckRequestEligibilityAsync(string officer, string request, CancellationToken cancellationToken = default) =>
        Answer($"CheckRequestEligibility {officer} {request}", () => Eligibility.GetValueOrDefault(officer) ?? new CheckEligibilityResponse { Eligible = true });

    public Task<SubmitNominationResponse> SubmitToRequestAsync(string officer, string request, string requestId, CancellationToken cancellationToken = default)
    {
        SubmissionRequests.Add((officer, requestId));
        return Answer($"SubmitToRequest {officer} {request}", () =>
        {
            if (_submittedByRequestId.TryGetValue(requestId, out var first)) return new SubmitNominationResponse { Nomination = first };
            if (SubmissionRefusals.TryGetValue(officer, out var refusal))
            {
                throw new Google.Rpc.Status
                {
                    Code = (int)Google.Rpc.Code.FailedPrecondition,
                    Message = "The officer cannot be nominated.",
                    Details =
                    {
                        Any.Pack(new Google.Rpc.ErrorInfo { Reason = "OFFICER_NOT_ELIGIBLE", Domain = "training.unpol.un.org" }),
                        Any.Pack(new Google.Rpc.PreconditionFailure
                        {
                            Violations = { refusal.Select(r => new Google.Rpc.PreconditionFailure.Types.Violation { Type = r.Rule, Description = r.Description }) },
                        }),
                    },
                }.ToRpcException();
            }
            var o = Officers.Single(x => x.Name == officer);
            var nomination = new Nomination
            {
                Name = $"{string.Join('/', officer.Split('/').Take(2))}/nominations/r{Nominations.Count + 1}",
                Officer = officer, Request = request, State = Nomination.Types.State.Submitted,
                OfficerDisplayName = $"{o.FamilyName}, {o.GivenName}", OfficerGender = o.Gender, Etag = "\"1\"",
                UpdateTime = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
            };
            Nominations.Add(nomination);
            _submittedByRequestId[requestId] = nomination;
            return new SubmitNominationResponse { Nomination = nomination };
        });
    }

    public Task<ParityReport> GetParityReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default) =>
        Answer($"GetParityReport {string.Join(",", regionCodes)}", () => ParityReport);

    public Task<SkillsReport> GetSkillsReportAsync(IEnumerable<string> regionCodes, CancellationToken cancellationToken = default) =>
        Answer($"GetSkillsReport {string.Join(",", regionCodes)}", () => SkillsReport);

    public Task<ExpiringCertifications> GetExpiringCertificationsAsync(IEnumerable<string> regionCodes, int withinDays, CancellationToken cancellationToken = default) =>
        Answer($"GetExpiringCertifications {string.Join(",", regionCodes)} {withinDays}", () => Expiring);

    /// <summary>When set, ImportOfficers returns its summary only once this completes or the call is cancelled (an import still running).</summary>
    public Task? ImportHeldUntil { get; set; }

    public async Task<ImportSummary> ImportOfficersAsync(string parent, RosterFileFormat format, ImportMode mode, Stream file,
        Action<ImportOfficersResponse> onEvent, CancellationToken cancellationToken = default)
    {
        var summary = await Answer($"ImportOfficers {parent} {format} {mode}", () =>
        {
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            ImportedFiles.Add(copy.ToArray());
            foreach (var message in ImportEvents) onEvent(message);
            onEvent(new ImportOfficersResponse { Summary = ImportSummary });
            return ImportSummary;
        });
        if (ImportHeldUntil is { } hold) await hold.WaitAsync(cancellationToken);
        return summary;
    }

    public Task<long> ExportOfficersAsync(string parent, RosterFileFormat format, Stream destination, Action<long> onRows,
        CancellationToken cancellationToken = default) =>
        Answer($"ExportOfficers {parent} {format}", () =>
        {
            destination.Write(Export.Content);
            onRows(Export.Rows);
            return Export.Rows;
        });

    public async IAsyncEnumerable<NominationEvent> WatchNominationsAsync(string parent, long sinceSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Add($"WatchNominations {parent} since {sinceSequence}");
        if (Unreachable) throw new RpcException(new Status(StatusCode.Unavailable, "connection refused"));
        var channel = Channel.CreateUnbounded<NominationEvent>();
        _watchers.Add(channel);
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken)) yield return change;
        }
        finally
        {
            _watchers.Remove(channel);
        }
    }

    /// <summary>Sends a change to every open watch (as the service does after a commit).</summary>
    public void Publish(Nomination nomination)
    {
        var at = Nominations.FindIndex(n => n.Name == nomination.Name);
        if (at >= 0) Nominations[at] = nomination;
        else Nominations.Add(nomination);
        var change = new NominationEvent { Sequence = ++_sequence, Nomination = nomination };
        foreach (var watcher in _watchers.ToList()) watcher.Writer.TryWrite(change);
    }

    /// <summary>Breaks every open watch, as a dropped connection does.</summary>
    public void BreakWatches()
    {
        foreach (var watcher in _watchers.ToList()) watcher.Writer.TryComplete(new RpcException(new Status(StatusCode.Unavailable, "stream reset")));
    }
}

/// <summary>A clock the test sets.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
