using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Security;

/// <summary>
/// Every mutation leaves exactly one audit event naming the caller, and a failed call leaves none; the trail
/// is read by whom the rights table says, filtered and paged as the contract says.
/// </summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private TestService _service = null!;
    private CallInvoker _administrator = null!;
    private CallInvoker _senegal = null!;
    private CallInvoker _france = null!;
    private CallInvoker _auditor = null!;
    private CallInvoker _senegalHr = null!;
    private string _administratorName = "";
    private string _senegalName = "";
    private string _franceName = "";
    private string _senegalHrName = "";
    private int _courses;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        (_administrator, _administratorName) = await CallerAsync(await _service.IssueTokenAsync(Role.Administrator, displayName: "Course administrator"));
        (_senegal, _senegalName) = await CallerAsync(await _service.FocalPointAsync("SN"));
        (_france, _franceName) = await CallerAsync(await _service.FocalPointAsync("FR"));
        (_auditor, _) = await CallerAsync(await _service.IssueTokenAsync(Role.Auditor, displayName: "Auditor"));
        (_senegalHr, _senegalHrName) = await CallerAsync(await _service.IssueTokenAsync(Role.Integration,
            scope: new IntegrationScope { RegionCodes = { "SN" }, ReadWrite = true }, displayName: "Senegal HR system"));
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    /// <summary>A caller and its token's name, as GetCaller reports it.</summary>
    private async Task<(CallInvoker Invoker, string TokenName)> CallerAsync(string secret)
    {
        var invoker = _service.As(secret);
        var caller = await new AccessService.AccessServiceClient(invoker).GetCallerAsync(new GetCallerRequest());
        return (invoker, caller.AccessToken);
    }

    private static AccessService.AccessServiceClient Access(CallInvoker i) => new(i);
    private static RosterService.RosterServiceClient Roster(CallInvoker i) => new(i);
    private static CatalogService.CatalogServiceClient Catalog(CallInvoker i) => new(i);
    private static NominationService.NominationServiceClient Nominations(CallInvoker i) => new(i);

    /// <summary>Every event that matches <paramref name="filter"/>, through every page, as <paramref name="reader"/> sees them.</summary>
    private async Task<List<AuditEvent>> TrailAsync(ListAuditEventsRequest? filter = null, CallInvoker? reader = null, Metadata? headers = null)
    {
        var request = filter?.Clone() ?? new ListAuditEventsRequest();
        request.PageSize = 1000;
        var events = new List<AuditEvent>();
        do
        {
            var page = await Access(reader ?? _service.AsAdmin()).ListAuditEventsAsync(request, headers);
            events.AddRange(page.AuditEvents);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken != "");
        return events;
    }

    // ---- Arrangements, all through the public API -------------------------------------------------------------

    private async Task<Officer> OfficerAsync(string family = "Diop") =>
        await Roster(_senegal).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer(family) });

    private async Task<Course> CourseAsync() =>
        await Catalog(_administrator).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course($"AUDIT-{++_courses}") });

    private async Task<Session> DraftSessionAsync(Course? course = null) =>
        await Catalog(_administrator).CreateSessionAsync(new CreateSessionRequest
        {
            Parent = (course ?? await CourseAsync()).Name, Session = Samples.Session(),
        });

    private async Task<Session> OpenSessionAsync() =>
        await Catalog(_administrator).OpenSessionAsync(new OpenSessionRequest { Name = (await DraftSessionAsync()).Name });

    private async Task<Session> ClosedSessionAsync() =>
        await Catalog(_administrator).CloseSessionAsync(new CloseSessionRequest { Name = (await OpenSessionAsync()).Name });

    private async Task<Nomination> NominationAsync(Session? session = null)
    {
        var officer = await OfficerAsync();
        var response = await Nominations(_senegal).SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN",
            Nomination = new Nomination { Officer = officer.Name, Session = (session ?? await OpenSessionAsync()).Name },
        });
        return response.Nomination;
    }

    // ---- Every mutation: one event naming the caller, none when it fails -------------------------------------

    /// <summary>A failing call made after the mutation succeeded, and the status it must fail with.</summary>
    private sealed record Failure(string What, StatusCode Code, Func<Task> Call);

    /// <summary>A mutation by <paramref name="Actor"/> (its token name) that returns the name of the resource it changed.</summary>
    private sealed record Mutation(string Actor, Func<Task<string>> Perform, IReadOnlyList<Failure> Failures);

    private static readonly Dictionary<string, Func<AuditTrailTests, Task<Mutation>>> Mutations = new()
    {
        ["RosterService/CreateOfficer"] = t => t.CreateOfficer(),
        ["RosterService/UpdateOfficer"] = t => t.UpdateOfficer(),
        ["RosterService/DeleteOfficer"] = t => t.DeleteOfficer(),
        ["AccessService/CreateAccessToken"] = t => t.CreateAccessToken(),
        ["AccessService/RevokeAccessToken"] = t => t.RevokeAccessToken(),
        ["CatalogService/CreateCourse"] = t => t.CreateCourse(),
        ["CatalogService/UpdateCourse"] = t => t.UpdateCourse(),
        ["CatalogService/DeleteCourse"] = t => t.DeleteCourse(),
        ["CatalogService/CreateSession"] = t => t.CreateSession(),
        ["CatalogService/UpdateSession"] = t => t.UpdateSession(),
        ["CatalogService/DeleteSession"] = t => t.DeleteSession(),
        ["CatalogService/OpenSession"] = t => t.OpenSession(),
        ["CatalogService/CloseSession"] = t => t.CloseSession(),
        ["CatalogService/CompleteSession"] = t => t.CompleteSession(),
        ["CatalogService/CancelSession"] = t => t.CancelSession(),
        ["NominationService/SubmitNomination"] = t => t.SubmitNomination(),
        ["NominationService/ConfirmNomination"] = t => t.ConfirmNomination(),
        ["NominationService/WaitlistNomination"] = t => t.WaitlistNomination(),
        ["NominationService/RejectNomination"] = t => t.RejectNomination(),
        ["NominationService/ReconsiderNomination"] = t => t.ReconsiderNomination(),
        ["NominationService/WithdrawNomination"] = t => t.WithdrawNomination(),
        ["NominationService/RecordOutcome"] = t => t.RecordOutcome(),
        ["NominationService/ShortlistNomination"] = t => t.DeploymentStep("NominationService/ShortlistNomination"),
        ["NominationService/SelectNomination"] = t => t.DeploymentStep("NominationService/SelectNomination"),
        ["NominationService/ClearNomination"] = t => t.DeploymentStep("NominationService/ClearNomination"),
        ["NominationService/DeployNomination"] = t => t.DeploymentStep("NominationService/DeployNomination"),
        ["RecruitmentService/CreateRequest"] = t => t.CreateRequest(),
        ["RecruitmentService/UpdateRequest"] = t => t.UpdateRequest(),
        ["RecruitmentService/DeleteRequest"] = t => t.DeleteRequest(),
        ["RecruitmentService/OpenRequest"] = t => t.RequestTransition("RecruitmentService/OpenRequest"),
        ["RecruitmentService/CloseRequest"] = t => t.RequestTransition("RecruitmentService/CloseRequest"),
        ["RecruitmentService/CancelRequest"] = t => t.RequestTransition("RecruitmentService/CancelRequest"),
        ["RosterService/ImportOfficers"] = t => t.ImportOfficers(),
        ["RosterService/ImportOfficerFile"] = t => t.ImportOfficerFile(),
    };

    public static TheoryData<string> MutatingMethods => new(Mutations.Keys);

    [Theory]
    [MemberData(nameof(MutatingMethods))]
    public async Task Mutation_LeavesExactlyOneEventNamingTheCaller_AndAFailedOneLeavesNone(string method)
    {
        var mutation = await Mutations[method](this);
        var before = await TrailAsync();

        var resource = await mutation.Perform();

        var added = (await TrailAsync()).ExceptBy(before.Select(e => e.Name), e => e.Name).ToList();
        var recorded = Assert.Single(added);
        Assert.Equal(recorded, Assert.Single(await TrailAsync(new ListAuditEventsRequest { Resource = resource }),
            e => before.All(b => b.Name != e.Name)));
        Assert.Equal(mutation.Actor, recorded.Actor);
        Assert.Equal(method, recorded.Method);
        Assert.Equal(resource, recorded.Resource);
        Assert.False(string.IsNullOrWhiteSpace(recorded.Summary), "The event has no summary.");
        Assert.False(string.IsNullOrWhiteSpace(recorded.ActorDisplayName), "The event does not name the actor for people.");
        Assert.Equal(Timestamp.FromDateTimeOffset(_service.Clock.GetUtcNow()), recorded.EventTime);

        foreach (var failure in mutation.Failures)
        {
            var trail = await TrailAsync();
            var error = await Assert.ThrowsAsync<RpcException>(failure.Call);
            Assert.True(failure.Code == error.StatusCode,
                $"{failure.What}: expected {failure.Code}, got {error.StatusCode}: {error.Status.Detail}");
            Assert.Equal(trail, await TrailAsync());
        }
    }

    /// <summary>A new RPC that is not a read by its verb (Get, List, Search, Check, Watch, Match, Export, Backup) needs a row above.</summary>
    [Fact]
    public void EveryMutatingRpcOfTheContract_IsCoveredHere()
    {
        // A backup reads the whole database and changes nothing in it.
        var reads = new[] { "Get", "List", "Search", "Check", "Watch", "Match", "Export", "Backup" };
        var mutating = RoleMatrixTests.DeclaredMethods()
            .Where(m => !reads.Any(r => m.Split('/')[1].StartsWith(r, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(mutating, Mutations.Keys.Order(StringComparer.Ordinal));
    }

    private async Task<Mutation> CreateOfficer()
    {
        var invalid = Samples.Officer();
        invalid.GivenName = "";
        var client = Roster(_senegalHr);
        return new(_senegalHrName,
            async () => (await client.CreateOfficerAsync(new CreateOfficerRequest
            {
                Parent = "memberStates/SN", OfficerId = "awa-diop", Officer = Samples.Officer(policeId: "SN-1"),
            })).Name,
            [
                new("bad input", StatusCode.InvalidArgument,
                    () => client.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = invalid }).ResponseAsync),
                new("same id again", StatusCode.AlreadyExists,
                    () => client.CreateOfficerAsync(new CreateOfficerRequest
                    {
                        Parent = "memberStates/SN", OfficerId = "awa-diop", Officer = Samples.Officer(policeId: "SN-2"),
                    }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> UpdateOfficer()
    {
        var officer = await OfficerAsync();
        var other = await OfficerAsync("Ndiaye");
        var client = Roster(_senegal);
        Officer? updated = null;
        return new(_senegalName,
            async () =>
            {
                var change = officer.Clone();
                change.Rank = "Commissaire de police";
                updated = await client.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = change, UpdateMask = new FieldMask { Paths = { "rank" } } });
                return updated.Name;
            },
            [
                new("stale etag", StatusCode.Aborted, () =>
                {
                    var change = officer.Clone();
                    change.Rank = "Lieutenant";
                    return client.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = change, UpdateMask = new FieldMask { Paths = { "rank" } } }).ResponseAsync;
                }),
                new("police id of another officer", StatusCode.AlreadyExists, () =>
                {
                    var change = updated!.Clone();
                    change.NationalPoliceId = other.NationalPoliceId;
                    return client.UpdateOfficerAsync(new UpdateOfficerRequest
                    {
                        Officer = change, UpdateMask = new FieldMask { Paths = { "national_police_id" } },
                    }).ResponseAsync;
                }),
            ]);
    }

    private async Task<Mutation> DeleteOfficer()
    {
        var officer = await OfficerAsync();
        var other = await OfficerAsync("Ndiaye");
        var client = Roster(_senegal);
        return new(_senegalName,
            async () =>
            {
                await client.DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name, Etag = officer.Etag });
                return officer.Name;
            },
            [
                new("already deleted", StatusCode.NotFound,
                    () => client.DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name }).ResponseAsync),
                new("stale etag", StatusCode.Aborted,
                    () => client.DeleteOfficerAsync(new DeleteOfficerRequest { Name = other.Name, Etag = "\"99\"" }).ResponseAsync),
            ]);
    }

    private Task<Mutation> CreateAccessToken()
    {
        var client = Access(_administrator);
        return Task.FromResult(new Mutation(_administratorName,
            async () => (await client.CreateAccessTokenAsync(new CreateAccessTokenRequest
            {
                AccessToken = new AccessToken { DisplayName = "Focal point, Senegal (M. Ndiaye)", Role = Role.FocalPoint, RegionCode = "SN" },
            })).AccessToken.Name,
            [
                new("focal point without region", StatusCode.InvalidArgument,
                    () => client.CreateAccessTokenAsync(new CreateAccessTokenRequest
                    {
                        AccessToken = new AccessToken { DisplayName = "Focal point", Role = Role.FocalPoint },
                    }).ResponseAsync),
            ]));
    }

    private async Task<Mutation> RevokeAccessToken()
    {
        var client = Access(_administrator);
        var token = (await client.CreateAccessTokenAsync(new CreateAccessTokenRequest
        {
            AccessToken = new AccessToken { DisplayName = "Leaving auditor", Role = Role.Auditor },
        })).AccessToken;
        return new(_administratorName,
            async () => (await client.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = token.Name })).Name,
            [
                new("unknown token", StatusCode.NotFound,
                    () => client.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = "accessTokens/no-such-token" }).ResponseAsync),
                new("malformed name", StatusCode.InvalidArgument,
                    () => client.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = "tokens/x" }).ResponseAsync),
            ]);
    }

    private Task<Mutation> CreateCourse()
    {
        var client = Catalog(_administrator);
        var invalid = Samples.Course("AUDIT-X");
        invalid.Title = "";
        return Task.FromResult(new Mutation(_administratorName,
            async () => (await client.CreateCourseAsync(new CreateCourseRequest { CourseId = "unpol-stm", Course = Samples.Course() })).Name,
            [
                new("bad input", StatusCode.InvalidArgument,
                    () => client.CreateCourseAsync(new CreateCourseRequest { Course = invalid }).ResponseAsync),
                new("same id again", StatusCode.AlreadyExists,
                    () => client.CreateCourseAsync(new CreateCourseRequest { CourseId = "unpol-stm", Course = Samples.Course() }).ResponseAsync),
            ]));
    }

    private async Task<Mutation> UpdateCourse()
    {
        var course = await CourseAsync();
        var client = Catalog(_administrator);
        UpdateCourseRequest Retitle(string title)
        {
            var change = course.Clone();
            change.Title = title;
            return new UpdateCourseRequest { Course = change, UpdateMask = new FieldMask { Paths = { "title" } } };
        }
        return new(_administratorName,
            async () => (await client.UpdateCourseAsync(Retitle("UNPOL STM, 2027 edition"))).Name,
            [
                new("stale etag", StatusCode.Aborted, () => client.UpdateCourseAsync(Retitle("Another title")).ResponseAsync),
            ]);
    }

    private async Task<Mutation> DeleteCourse()
    {
        var course = await CourseAsync();
        var scheduled = await CourseAsync();
        await DraftSessionAsync(scheduled);
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () =>
            {
                await client.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name, Etag = course.Etag });
                return course.Name;
            },
            [
                new("course with sessions", StatusCode.FailedPrecondition,
                    () => client.DeleteCourseAsync(new DeleteCourseRequest { Name = scheduled.Name }).ResponseAsync),
                new("already deleted", StatusCode.NotFound,
                    () => client.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> CreateSession()
    {
        var course = await CourseAsync();
        var client = Catalog(_administrator);
        var invalid = Samples.Session();
        invalid.EndDate = Samples.Date(2027, 2, 1);
        return new(_administratorName,
            async () => (await client.CreateSessionAsync(new CreateSessionRequest
            {
                Parent = course.Name, SessionId = "entebbe-2027-03", Session = Samples.Session(),
            })).Name,
            [
                new("end before start", StatusCode.InvalidArgument,
                    () => client.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = invalid }).ResponseAsync),
                new("same id again", StatusCode.AlreadyExists,
                    () => client.CreateSessionAsync(new CreateSessionRequest
                    {
                        Parent = course.Name, SessionId = "entebbe-2027-03", Session = Samples.Session(),
                    }).ResponseAsync),
                new("unknown course", StatusCode.NotFound,
                    () => client.CreateSessionAsync(new CreateSessionRequest { Parent = "courses/no-such-course", Session = Samples.Session() }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> UpdateSession()
    {
        var session = await DraftSessionAsync();
        var client = Catalog(_administrator);
        UpdateSessionRequest Move(string venue)
        {
            var change = session.Clone();
            change.Venue = venue;
            return new UpdateSessionRequest { Session = change, UpdateMask = new FieldMask { Paths = { "venue" } } };
        }
        return new(_administratorName,
            async () => (await client.UpdateSessionAsync(Move("Accra, KAIPTC"))).Name,
            [
                new("stale etag", StatusCode.Aborted, () => client.UpdateSessionAsync(Move("Dakar")).ResponseAsync),
            ]);
    }

    private async Task<Mutation> DeleteSession()
    {
        var draft = await DraftSessionAsync();
        var open = await OpenSessionAsync();
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () =>
            {
                await client.DeleteSessionAsync(new DeleteSessionRequest { Name = draft.Name, Etag = draft.Etag });
                return draft.Name;
            },
            [
                new("open session", StatusCode.FailedPrecondition,
                    () => client.DeleteSessionAsync(new DeleteSessionRequest { Name = open.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> OpenSession()
    {
        var draft = await DraftSessionAsync();
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () => (await client.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name, Etag = draft.Etag })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name, Etag = draft.Etag }).ResponseAsync),
                new("already open", StatusCode.FailedPrecondition,
                    () => client.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> CloseSession()
    {
        var open = await OpenSessionAsync();
        var draft = await DraftSessionAsync();
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () => (await client.CloseSessionAsync(new CloseSessionRequest { Name = open.Name, Etag = open.Etag })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.CloseSessionAsync(new CloseSessionRequest { Name = open.Name, Etag = open.Etag }).ResponseAsync),
                new("draft session", StatusCode.FailedPrecondition,
                    () => client.CloseSessionAsync(new CloseSessionRequest { Name = draft.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> CompleteSession()
    {
        var closed = await ClosedSessionAsync();
        var alsoClosed = await ClosedSessionAsync();
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () =>
            {
                _service.Clock.Set(new DateTimeOffset(2027, 3, 13, 9, 0, 0, TimeSpan.Zero));
                return (await client.CompleteSessionAsync(new CompleteSessionRequest { Name = closed.Name, Etag = closed.Etag })).Name;
            },
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.CompleteSessionAsync(new CompleteSessionRequest { Name = closed.Name, Etag = closed.Etag }).ResponseAsync),
                new("not ended yet", StatusCode.FailedPrecondition, async () =>
                {
                    _service.Clock.Set(new DateTimeOffset(2027, 3, 12, 9, 0, 0, TimeSpan.Zero));
                    await client.CompleteSessionAsync(new CompleteSessionRequest { Name = alsoClosed.Name });
                }),
            ]);
    }

    private async Task<Mutation> CancelSession()
    {
        var open = await OpenSessionAsync();
        var client = Catalog(_administrator);
        return new(_administratorName,
            async () => (await client.CancelSessionAsync(new CancelSessionRequest
            {
                Name = open.Name, Etag = open.Etag, Reason = "The venue is no longer available.",
            })).Name,
            [
                new("no reason", StatusCode.InvalidArgument,
                    () => client.CancelSessionAsync(new CancelSessionRequest { Name = open.Name }).ResponseAsync),
                new("already cancelled", StatusCode.FailedPrecondition,
                    () => client.CancelSessionAsync(new CancelSessionRequest { Name = open.Name, Reason = "Again." }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> SubmitNomination()
    {
        var session = await OpenSessionAsync();
        var officer = await OfficerAsync();
        var client = Nominations(_senegal);
        SubmitNominationRequest Nominate(string sessionName) => new()
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Session = sessionName },
        };
        return new(_senegalName,
            async () => (await client.SubmitNominationAsync(Nominate(session.Name))).Nomination.Name,
            [
                new("no session", StatusCode.InvalidArgument, () => client.SubmitNominationAsync(Nominate("")).ResponseAsync),
                new("officer already nominated", StatusCode.FailedPrecondition,
                    () => client.SubmitNominationAsync(Nominate(session.Name)).ResponseAsync),
            ]);
    }

    private async Task<Mutation> ConfirmNomination()
    {
        var nomination = await NominationAsync();
        var client = Nominations(_administrator);
        return new(_administratorName,
            async () => (await client.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name, Etag = nomination.Etag })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name, Etag = nomination.Etag }).ResponseAsync),
                new("already confirmed", StatusCode.FailedPrecondition,
                    () => client.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> WaitlistNomination()
    {
        var nomination = await NominationAsync();
        var client = Nominations(_administrator);
        return new(_administratorName,
            async () => (await client.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name, Etag = nomination.Etag })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name, Etag = nomination.Etag }).ResponseAsync),
                new("already waitlisted", StatusCode.FailedPrecondition,
                    () => client.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> RejectNomination()
    {
        var nomination = await NominationAsync();
        var client = Nominations(_administrator);
        return new(_administratorName,
            async () => (await client.RejectNominationAsync(new RejectNominationRequest
            {
                Name = nomination.Name, Etag = nomination.Etag, Reason = "The Member State's quota is reached.",
            })).Name,
            [
                new("no reason", StatusCode.InvalidArgument,
                    () => client.RejectNominationAsync(new RejectNominationRequest { Name = nomination.Name }).ResponseAsync),
                new("already rejected", StatusCode.FailedPrecondition,
                    () => client.RejectNominationAsync(new RejectNominationRequest { Name = nomination.Name, Reason = "Again." }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> ReconsiderNomination()
    {
        var client = Nominations(_administrator);
        var rejected = await client.RejectNominationAsync(new RejectNominationRequest
        {
            Name = (await NominationAsync()).Name, Reason = "Missing documents.",
        });
        return new(_administratorName,
            async () => (await client.ReconsiderNominationAsync(new ReconsiderNominationRequest
            {
                Name = rejected.Name, Etag = rejected.Etag, Reason = "The documents arrived.",
            })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.ReconsiderNominationAsync(new ReconsiderNominationRequest
                    {
                        Name = rejected.Name, Etag = rejected.Etag, Reason = "Again.",
                    }).ResponseAsync),
                new("not rejected", StatusCode.FailedPrecondition,
                    () => client.ReconsiderNominationAsync(new ReconsiderNominationRequest { Name = rejected.Name, Reason = "Again." }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> WithdrawNomination()
    {
        var nomination = await NominationAsync();
        var client = Nominations(_senegal);
        return new(_senegalName,
            async () => (await client.WithdrawNominationAsync(new WithdrawNominationRequest
            {
                Name = nomination.Name, Etag = nomination.Etag, Reason = "The officer was deployed.",
            })).Name,
            [
                new("no reason", StatusCode.InvalidArgument,
                    () => client.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name }).ResponseAsync),
                new("already withdrawn", StatusCode.FailedPrecondition,
                    () => client.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Again." }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> RecordOutcome()
    {
        var client = Nominations(_administrator);
        var session = await OpenSessionAsync();
        var confirmed = await client.ConfirmNominationAsync(new ConfirmNominationRequest { Name = (await NominationAsync(session)).Name });
        var early = await client.ConfirmNominationAsync(new ConfirmNominationRequest { Name = (await NominationAsync(session)).Name });
        RecordOutcomeRequest Passed(Nomination nomination, string etag = "") => new()
        {
            Name = nomination.Name, Etag = etag, Outcome = RecordOutcomeRequest.Types.Outcome.Passed,
        };
        return new(_administratorName,
            async () =>
            {
                _service.Clock.Set(new DateTimeOffset(2027, 3, 12, 17, 0, 0, TimeSpan.Zero));
                return (await client.RecordOutcomeAsync(Passed(confirmed, confirmed.Etag))).Name;
            },
            [
                new("stale etag", StatusCode.Aborted, () => client.RecordOutcomeAsync(Passed(confirmed, confirmed.Etag)).ResponseAsync),
                new("already recorded", StatusCode.FailedPrecondition, () => client.RecordOutcomeAsync(Passed(confirmed)).ResponseAsync),
                new("no outcome", StatusCode.InvalidArgument,
                    () => client.RecordOutcomeAsync(new RecordOutcomeRequest { Name = early.Name }).ResponseAsync),
                new("session not ended", StatusCode.FailedPrecondition, async () =>
                {
                    _service.Clock.Set(new DateTimeOffset(2027, 3, 11, 17, 0, 0, TimeSpan.Zero));
                    await client.RecordOutcomeAsync(Passed(early));
                }),
            ]);
    }

    // ---- Recruitment requests and their nominations -----------------------------------------------------------

    private static RecruitmentService.RecruitmentServiceClient Recruitment(CallInvoker invoker) => new(invoker);

    private static RecruitmentRequest SampleRequest() => new()
    {
        Title = "Forensic investigators, francophone",
        Mission = "missions/minusca",
        Category = PersonnelCategory.Ipo,
        OfficerCount = 3,
        DeploymentDate = Samples.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
        Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
    };

    private async Task<RecruitmentRequest> DraftRequestAsync() =>
        await Recruitment(_administrator).CreateRequestAsync(new CreateRequestRequest { Request = SampleRequest() });

    private async Task<RecruitmentRequest> OpenRequestAsync() =>
        await Recruitment(_administrator).OpenRequestAsync(new OpenRequestRequest { Name = (await DraftRequestAsync()).Name });

    private async Task<Mutation> CreateRequest()
    {
        var client = Recruitment(_administrator);
        var invalid = SampleRequest();
        invalid.OfficerCount = 0;
        return new(_administratorName,
            async () => (await client.CreateRequestAsync(new CreateRequestRequest { RecruitmentRequestId = "minusca-forensics", Request = SampleRequest() })).Name,
            [
                new("bad input", StatusCode.InvalidArgument, () => client.CreateRequestAsync(new CreateRequestRequest { Request = invalid }).ResponseAsync),
                new("same id again", StatusCode.AlreadyExists,
                    () => client.CreateRequestAsync(new CreateRequestRequest { RecruitmentRequestId = "minusca-forensics", Request = SampleRequest() }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> UpdateRequest()
    {
        var client = Recruitment(_administrator);
        var request = await DraftRequestAsync();
        var change = request.Clone();
        change.OfficerCount = 5;
        return new(_administratorName,
            async () => (await client.UpdateRequestAsync(new UpdateRequestRequest { Request = change, UpdateMask = new FieldMask { Paths = { "officer_count" } } })).Name,
            [
                new("stale etag", StatusCode.Aborted,
                    () => client.UpdateRequestAsync(new UpdateRequestRequest { Request = change, UpdateMask = new FieldMask { Paths = { "officer_count" } } }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> DeleteRequest()
    {
        var client = Recruitment(_administrator);
        var draft = await DraftRequestAsync();
        var open = await OpenRequestAsync();
        return new(_administratorName,
            async () =>
            {
                await client.DeleteRequestAsync(new DeleteRequestRequest { Name = draft.Name, Etag = draft.Etag });
                return draft.Name;
            },
            [
                new("not a draft", StatusCode.FailedPrecondition, () => client.DeleteRequestAsync(new DeleteRequestRequest { Name = open.Name }).ResponseAsync),
                new("already deleted", StatusCode.NotFound, () => client.DeleteRequestAsync(new DeleteRequestRequest { Name = draft.Name }).ResponseAsync),
            ]);
    }

    private async Task<Mutation> RequestTransition(string method)
    {
        var client = Recruitment(_administrator);
        var request = method == "RecruitmentService/OpenRequest" ? await DraftRequestAsync() : await OpenRequestAsync();
        return new(_administratorName,
            async () => method switch
            {
                "RecruitmentService/OpenRequest" => (await client.OpenRequestAsync(new OpenRequestRequest { Name = request.Name, Etag = request.Etag })).Name,
                "RecruitmentService/CloseRequest" => (await client.CloseRequestAsync(new CloseRequestRequest { Name = request.Name, Etag = request.Etag })).Name,
                _ => (await client.CancelRequestAsync(new CancelRequestRequest { Name = request.Name, Etag = request.Etag, Reason = "Mandate changed." })).Name,
            },
            [
                new("stale etag", StatusCode.Aborted, () => client.CancelRequestAsync(new CancelRequestRequest { Name = request.Name, Etag = request.Etag, Reason = "x" }).ResponseAsync),
                new("illegal move", StatusCode.FailedPrecondition, () => client.OpenRequestAsync(new OpenRequestRequest { Name = request.Name }).ResponseAsync),
            ]);
    }

    /// <summary>The same through the one-call import: one event, on the officer it created; a file refused whole leaves none.</summary>
    private Task<Mutation> ImportOfficerFile()
    {
        const string header = "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability";
        async Task<ImportSummary> Import(string csv, ImportMode mode) => (await Roster(_senegal).ImportOfficerFileAsync(new ImportOfficerFileRequest
        {
            Parent = "memberStates/SN",
            Mode = mode,
            File = new Google.Api.HttpBody { ContentType = "text/csv", Data = Google.Protobuf.ByteString.CopyFromUtf8(csv) },
        })).Summary;
        return Task.FromResult(new Mutation(_senegalName,
            async () =>
            {
                Assert.Equal(1, (await Import($"{header}\nSN-FILE-1,Sarr,Khady,female,1988-02-03,2012-01-09,available\n", ImportMode.BestEffort)).Created);
                var found = await Roster(_senegal).SearchOfficersAsync(new SearchOfficersRequest { NationalPoliceId = "SN-FILE-1" });
                return Assert.Single(found.Officers).Name;
            },
            [
                new("a bad row refuses the whole file", StatusCode.FailedPrecondition, async () =>
                {
                    var summary = await Import($"{header}\nSN-FILE-2,Fall,Binta,female,1990-01-01,2014-01-01,available\nSN-FILE-3,,x,female,1990-13-01,2014-01-01,available\n",
                        ImportMode.AllOrNothing);
                    Assert.False(summary.Applied);
                    throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, "refused as a whole, as expected"));
                }),
            ]));
    }

    /// <summary>An import of one officer: one event, on the officer it created; a file refused whole leaves none.</summary>
    private Task<Mutation> ImportOfficers()
    {
        const string header = "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability";
        async Task<ImportSummary> Import(string csv, ImportMode mode)
        {
            using var call = Roster(_senegal).ImportOfficers();
            await call.RequestStream.WriteAsync(new ImportOfficersRequest
            {
                Settings = new ImportSettings { Parent = "memberStates/SN", Format = RosterFileFormat.Csv, Mode = mode },
            });
            await call.RequestStream.WriteAsync(new ImportOfficersRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(csv) });
            await call.RequestStream.CompleteAsync();
            ImportSummary? summary = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                if (call.ResponseStream.Current.EventCase == ImportOfficersResponse.EventOneofCase.Summary) summary = call.ResponseStream.Current.Summary;
            return summary!;
        }
        return Task.FromResult(new Mutation(_senegalName,
            async () =>
            {
                Assert.Equal(1, (await Import($"{header}\nSN-IMP-1,Sarr,Khady,female,1988-02-03,2012-01-09,available\n", ImportMode.BestEffort)).Created);
                var found = await Roster(_senegal).SearchOfficersAsync(new SearchOfficersRequest { NationalPoliceId = "SN-IMP-1" });
                return Assert.Single(found.Officers).Name;
            },
            [
                new("a bad row refuses the whole file", StatusCode.FailedPrecondition, async () =>
                {
                    var summary = await Import($"{header}\nSN-IMP-2,Fall,Binta,female,1990-01-01,2014-01-01,available\nSN-IMP-3,,x,female,1990-13-01,2014-01-01,available\n",
                        ImportMode.AllOrNothing);
                    Assert.False(summary.Applied);
                    throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, "refused as a whole, as expected"));
                }),
            ]));
    }

    /// <summary>One step of the deployment path, the nomination brought to the state before it.</summary>
    private async Task<Mutation> DeploymentStep(string method)
    {
        var request = await OpenRequestAsync();
        var officer = await OfficerAsync();
        var nomination = (await Nominations(_senegal).SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Request = request.Name },
        })).Nomination;
        var client = Nominations(_administrator);
        string[] path = ["NominationService/ShortlistNomination", "NominationService/SelectNomination", "NominationService/ClearNomination", "NominationService/DeployNomination"];
        async Task<Nomination> Step(string step, Nomination n) => step switch
        {
            "NominationService/ShortlistNomination" => await client.ShortlistNominationAsync(new ShortlistNominationRequest { Name = n.Name, Etag = n.Etag }),
            "NominationService/SelectNomination" => await client.SelectNominationAsync(new SelectNominationRequest { Name = n.Name, Etag = n.Etag }),
            "NominationService/ClearNomination" => await client.ClearNominationAsync(new ClearNominationRequest { Name = n.Name, Etag = n.Etag }),
            _ => await client.DeployNominationAsync(new DeployNominationRequest { Name = n.Name, Etag = n.Etag }),
        };
        foreach (var before in path.TakeWhile(p => p != method)) nomination = await Step(before, nomination);
        var ready = nomination;
        return new(_administratorName,
            async () => (await Step(method, ready)).Name,
            [
                new("stale etag", StatusCode.Aborted, () => Step(method, ready)),
                new("illegal move", StatusCode.FailedPrecondition,
                    () => client.ShortlistNominationAsync(new ShortlistNominationRequest { Name = ready.Name }).ResponseAsync),
            ]);
    }

    // ---- In the caller's language ------------------------------------------------------------------------------

    private static Metadata InFrench => new() { { "accept-language", "fr" } };

    [Fact]
    public async Task EveryMutationsEvent_ListedInFrench_HasItsSummaryInFrench_AndEverythingElseAsInEnglish()
    {
        // Everything is arranged first, and the two changes that move the clock past their session's end go last, so every
        // other change still falls within its window.
        var last = new[] { "CatalogService/CompleteSession", "NominationService/RecordOutcome" };
        var mutations = new List<Mutation>();
        foreach (var (_, arrange) in Mutations.OrderBy(m => Array.IndexOf(last, m.Key))) mutations.Add(await arrange(this));
        foreach (var mutation in mutations) await mutation.Perform();

        var english = await TrailAsync();
        var french = await TrailAsync(headers: InFrench);

        Assert.Superset(Mutations.Keys.ToHashSet(), english.Select(e => e.Method).ToHashSet());
        Assert.Equal(english.Count, french.Count);
        foreach (var (inEnglish, inFrench) in english.Zip(french))
        {
            var sameButSummary = inEnglish.Clone();
            sameButSummary.Summary = inFrench.Summary;
            Assert.Equal(sameButSummary, inFrench);
            // Every summary says what the actor did, in the passé composé: "a modifié…", "a délivré…".
            Assert.True(inFrench.Summary.StartsWith("a ", StringComparison.Ordinal) && inFrench.Summary != inEnglish.Summary,
                $"{inEnglish.Method}: \"{inEnglish.Summary}\" reads \"{inFrench.Summary}\" in French.");
        }

        var said = english.Zip(french, (e, f) => (e.Summary, f.Summary)).ToHashSet();
        // Days are said the French way: "1 mars 2027".
        var (scheduled, scheduledInFrench) = said.First(s => s.Item1.StartsWith("scheduled a session of ", StringComparison.Ordinal)
            && s.Item1.EndsWith(", 1 Mar 2027 to 12 Mar 2027 at Entebbe, Regional Service Centre", StringComparison.Ordinal));
        var code = scheduled.Split(' ')[4].TrimEnd(',');
        Assert.Equal($"a planifié une séance de formation du cours {code}, du 1 mars 2027 au 12 mars 2027 à Entebbe, Regional Service Centre",
            scheduledInFrench);
        Assert.Subset(said, new HashSet<(string, string)>
        {
            ("issued an administrator token \"Course administrator\"", "a délivré un jeton d'accès d'administrateur « Course administrator »"),
            ("issued a focal point token \"Focal point SN\" for SN", "a délivré un jeton d'accès de point focal « Focal point SN » pour SN"),
            ("issued an auditor token \"Auditor\"", "a délivré un jeton d'accès d'auditeur « Auditor »"),
            ("issued an integration token \"Senegal HR system\"", "a délivré un jeton d'accès d'intégration « Senegal HR system »"),
            ("revoked the token \"Leaving auditor\"", "a révoqué le jeton d'accès « Leaving auditor »"),
            ("added the officer to the roster", "a ajouté l'agent à la liste de candidats"),
            ("updated rank", "a modifié rank"),
            ("deleted the officer", "a supprimé l'agent"),
            ("created course UNPOL-STM \"UNPOL Specialized Training Materials\"",
                "a créé le cours UNPOL-STM « UNPOL Specialized Training Materials »"),
            ("updated title", "a modifié title"),
            ("opened the session", "a ouvert la séance"),
            ("closed the session", "a fermé la séance"),
            ("completed the session", "a terminé la séance"),
            ("cancelled the session: The venue is no longer available.", "a annulé la séance : The venue is no longer available."),
            ("waitlisted", "a mis la candidature en liste d'attente"),
            ("rejected: The Member State's quota is reached.", "a rejeté la candidature : The Member State's quota is reached."),
            ("reconsidered: The documents arrived.", "a réexaminé la candidature : The documents arrived."),
            ("withdrew: The officer was deployed.", "a retiré la candidature : The officer was deployed."),
            ("recorded passed", "a consigné le résultat : réussi"),
            ("shortlisted", "a présélectionné la candidature"),
            ("selected for deployment", "a sélectionné la candidature pour le déploiement"),
            ("cleared for deployment", "a habilité la candidature pour le déploiement"),
            ("published a request for 3 officer(s) for missions/minusca", "a publié une demande de recrutement de 3 agent(s) pour missions/minusca"),
            ("updated officer_count", "a modifié officer_count"),
            ("opened the request", "a ouvert la demande"),
            ("cancelled the request: Mandate changed.", "a annulé la demande : Mandate changed."),
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData(null)]
    public async Task TheTrail_ListedWithoutFrench_IsInEnglish(string? language)
    {
        await (await OpenSession()).Perform();
        var headers = language is null ? null : new Metadata { { "accept-language", language } };

        var summaries = (await TrailAsync(headers: headers)).Select(e => e.Summary).ToList();

        Assert.Contains("opened the session", summaries);
        Assert.Contains("issued a focal point token \"Focal point SN\" for SN", summaries);
        Assert.DoesNotContain(summaries, s => s.StartsWith("a ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokingARevokedToken_ChangesNothing_AndLeavesNoEvent()
    {
        var admin = Access(_administrator);
        var token = (await admin.CreateAccessTokenAsync(new CreateAccessTokenRequest
        {
            AccessToken = new AccessToken { DisplayName = "Auditor", Role = Role.Auditor },
        })).AccessToken;
        var first = await admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = token.Name });
        var trail = await TrailAsync();

        _service.Clock.Advance(TimeSpan.FromHours(1));
        var again = await admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = token.Name });

        Assert.Equal(first, again);
        Assert.Equal(trail, await TrailAsync());
    }

    [Fact]
    public async Task WithdrawingAConfirmedSeat_LeavesOneEventNamingTheCaller_AndThePromotionIsAuditedAsTheService()
    {
        var decisions = Nominations(_administrator);
        var full = await Catalog(_administrator).OpenSessionAsync(new OpenSessionRequest
        {
            Name = (await Catalog(_administrator).CreateSessionAsync(new CreateSessionRequest
            {
                Parent = (await CourseAsync()).Name, Session = Samples.Session(seats: 1),
            })).Name,
        });
        var seated = await decisions.ConfirmNominationAsync(new ConfirmNominationRequest { Name = (await NominationAsync(full)).Name });
        var waiting = await decisions.WaitlistNominationAsync(new WaitlistNominationRequest { Name = (await NominationAsync(full)).Name });
        var before = await TrailAsync();

        await Nominations(_senegal).WithdrawNominationAsync(new WithdrawNominationRequest
        {
            Name = seated.Name, Etag = seated.Etag, Reason = "The officer was deployed.",
        });

        var added = (await TrailAsync()).ExceptBy(before.Select(e => e.Name), e => e.Name).ToList();
        var byCaller = Assert.Single(added, e => e.Actor == _senegalName);
        Assert.Equal((seated.Name, "NominationService/WithdrawNomination"), (byCaller.Resource, byCaller.Method));
        var promotion = Assert.Single(added, e => e.Actor != _senegalName);
        Assert.Equal(waiting.Name, promotion.Resource);
        Assert.DoesNotContain(promotion.Actor, new[] { _senegalName, _administratorName, "" });
        Assert.Equal($"promoted from the waitlist of {full.Name}", promotion.Summary);
        Assert.Equal($"a promu la candidature depuis la liste d'attente de {full.Name}",
            Assert.Single(await TrailAsync(new ListAuditEventsRequest { Resource = waiting.Name }, headers: InFrench), e => e.Name == promotion.Name).Summary);
    }

    /// <summary>
    /// Deleting an officer with nomination history anonymises the personal fields (DOMAIN.md, "Officer record");
    /// the trail, which is never rewritten, must not keep them either, or anonymising achieves nothing.
    /// </summary>
    [Fact]
    public async Task AnonymisedOfficer_LeavesNoNameOrPoliceIdInTheAuditTrail()
    {
        var officer = await Roster(_senegal).CreateOfficerAsync(new CreateOfficerRequest
        {
            Parent = "memberStates/SN", Officer = Samples.Officer("Sarr", "Khady", policeId: "SN-PRIV-0427"),
        });
        var nomination = (await Nominations(_senegal).SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Session = (await OpenSessionAsync()).Name },
        })).Nomination;
        await Nominations(_senegal).WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Retiring." });
        var current = await Roster(_senegal).GetOfficerAsync(new GetOfficerRequest { Name = officer.Name });
        await Roster(_senegal).DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name, Etag = current.Etag });
        Assert.True((await Roster(_senegal).GetOfficerAsync(new GetOfficerRequest { Name = officer.Name })).Anonymized);

        var trail = await TrailAsync();
        var leaks = trail
            .Where(e => new[] { "Sarr", "Khady", "SN-PRIV-0427" }.Any(personal => e.Summary.Contains(personal, StringComparison.OrdinalIgnoreCase)
                || e.ActorDisplayName.Contains(personal, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Method} on {e.Resource}: \"{e.Summary}\"")
            .ToList();
        Assert.True(leaks.Count == 0, "The trail still names the anonymised officer:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task RefusedCall_LeavesNoEvent()
    {
        var trail = await TrailAsync();

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Roster(_france).CreateOfficerAsync(
            new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Access(_senegal).CreateAccessTokenAsync(
            new CreateAccessTokenRequest { AccessToken = new AccessToken { DisplayName = "Me again", Role = Role.Administrator } }));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Roster(_service.As(null)).CreateOfficerAsync(
            new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() }));

        Assert.Equal(trail, await TrailAsync());
    }

    // ---- Who reads the trail, and how it is filtered and paged ------------------------------------------------

    [Fact]
    public async Task FocalPoint_SeesOnlyItsOwnEvents_AndIsRefusedAnotherActorsEvents()
    {
        var mine = new[] { (await OfficerAsync("Diop")).Name, (await OfficerAsync("Fall")).Name };
        await Roster(_france).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/FR", Officer = Samples.Officer("Martin") });
        await Roster(_senegalHr).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer("Sow") });

        var seen = await TrailAsync(reader: _senegal);
        Assert.Equal(mine, seen.Select(e => e.Resource));
        Assert.All(seen, e => Assert.Equal(_senegalName, e.Actor));
        Assert.Equal(seen, await TrailAsync(new ListAuditEventsRequest { Actor = _senegalName }, _senegal));
        Assert.Equal([mine[0]], (await TrailAsync(new ListAuditEventsRequest { Resource = mine[0] }, _senegal)).Select(e => e.Resource));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Access(_senegal).ListAuditEventsAsync(new ListAuditEventsRequest { Actor = _franceName }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Access(_senegal).ListAuditEventsAsync(new ListAuditEventsRequest { Actor = _senegalHrName }));
    }

    [Fact]
    public async Task Auditor_SeesEveryonesEvents()
    {
        await OfficerAsync();
        await Roster(_france).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/FR", Officer = Samples.Officer("Martin") });
        await Access(_administrator).CreateAccessTokenAsync(new CreateAccessTokenRequest
        {
            AccessToken = new AccessToken { DisplayName = "Second auditor", Role = Role.Auditor },
        });

        var seen = await TrailAsync(reader: _auditor);

        Assert.Equal(await TrailAsync(), seen);
        Assert.Contains(seen, e => e.Actor == _senegalName);
        Assert.Contains(seen, e => e.Actor == _franceName);
        Assert.Contains(seen, e => e.Actor == _administratorName);
        Assert.Contains(seen, e => e.Actor == "accessTokens/bootstrap");
        Assert.Equal(seen.Where(e => e.Actor == _franceName), await TrailAsync(new ListAuditEventsRequest { Actor = _franceName }, _auditor));
    }

    [Fact]
    public async Task ListAuditEvents_ByActor_ReturnsOnlyThatActorsEvents_OldestFirst()
    {
        var first = await OfficerAsync("Diop");
        await Roster(_france).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/FR", Officer = Samples.Officer("Martin") });
        _service.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await OfficerAsync("Fall");

        var events = await TrailAsync(new ListAuditEventsRequest { Actor = _senegalName });

        Assert.Equal([first.Name, second.Name], events.Select(e => e.Resource));
        Assert.True(events[0].EventTime < events[1].EventTime);
        Assert.Empty(await TrailAsync(new ListAuditEventsRequest { Actor = "accessTokens/nobody" }));
    }

    [Fact]
    public async Task ListAuditEvents_ByResource_MatchesTheResourceAndItsChildrenOnly()
    {
        var senegalese = await OfficerAsync();
        await Roster(_france).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/FR", Officer = Samples.Officer("Martin") });

        Assert.Equal([senegalese.Name], (await TrailAsync(new ListAuditEventsRequest { Resource = "memberStates/SN" })).Select(e => e.Resource));
        Assert.Empty(await TrailAsync(new ListAuditEventsRequest { Resource = "memberStates/S" }));
    }

    [Fact]
    public async Task ListAuditEvents_ByTimeRange_IncludesTheStartAndExcludesTheEnd()
    {
        var start = _service.Clock.GetUtcNow().AddMinutes(10);
        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            _service.Clock.Advance(TimeSpan.FromMinutes(10));
            names.Add((await OfficerAsync($"Family{i}")).Name);
        }

        var window = await TrailAsync(new ListAuditEventsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(start.AddMinutes(10)),
            EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)),
        });
        Assert.Equal(names[1..3], window.Select(e => e.Resource));

        var from = await TrailAsync(new ListAuditEventsRequest { StartTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) });
        Assert.Equal([names[3]], from.Select(e => e.Resource));

        var until = await TrailAsync(new ListAuditEventsRequest { EndTime = Timestamp.FromDateTimeOffset(start) });
        Assert.DoesNotContain(until, e => names.Contains(e.Resource));

        var mine = await TrailAsync(new ListAuditEventsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(20)),
        }, _senegal);
        Assert.Equal(names[..2], mine.Select(e => e.Resource));
    }

    [Fact]
    public async Task ListAuditEvents_WithANegativePageSize_IsInvalidArgument()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Access(_service.AsAdmin()).ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = -1 }));
        Assert.Equal(["page_size"], error.BadFields());
    }

    [Fact]
    public async Task ListAuditEvents_WithEndNotAfterStart_IsInvalidArgument()
    {
        var now = Timestamp.FromDateTimeOffset(_service.Clock.GetUtcNow());
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Access(_service.AsAdmin()).ListAuditEventsAsync(new ListAuditEventsRequest { StartTime = now, EndTime = now }));
        Assert.Equal(["end_time"], error.BadFields());
    }

    [Fact]
    public async Task ListAuditEvents_PagedThroughMoreThanOnePage_YieldsEachEventOnce()
    {
        for (var i = 0; i < 23; i++) await OfficerAsync($"Family{i:D2}");
        var everything = await TrailAsync();
        var mine = await TrailAsync(new ListAuditEventsRequest { Actor = _senegalName });
        Assert.Equal(23, mine.Count);

        Assert.Equal(everything, await PagedAsync(new ListAuditEventsRequest { PageSize = 7 }));
        Assert.Equal(mine, await PagedAsync(new ListAuditEventsRequest { PageSize = 5, Actor = _senegalName }));
        Assert.Equal(mine, await PagedAsync(new ListAuditEventsRequest { PageSize = 4 }, _senegal));
        Assert.Equal(mine, await PagedAsync(new ListAuditEventsRequest { PageSize = 6, Resource = "memberStates/SN" }));

        async Task<List<AuditEvent>> PagedAsync(ListAuditEventsRequest request, CallInvoker? reader = null)
        {
            var seen = new List<AuditEvent>();
            do
            {
                var page = await Access(reader ?? _service.AsAdmin()).ListAuditEventsAsync(request);
                Assert.InRange(page.AuditEvents.Count, 1, request.PageSize);
                seen.AddRange(page.AuditEvents);
                request.PageToken = page.NextPageToken;
            } while (request.PageToken != "");
            Assert.Equal(seen.Count, seen.DistinctBy(e => e.Name).Count());
            return seen;
        }
    }

    [Fact]
    public async Task ListAuditEvents_PageTokenWithAnotherFilter_IsInvalidArgument()
    {
        for (var i = 0; i < 3; i++) await OfficerAsync($"Family{i}");
        var admin = Access(_service.AsAdmin());
        var first = await admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 1, Actor = _senegalName });

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { PageSize = 1, Actor = _franceName, PageToken = first.NextPageToken }));
        Assert.Equal(["page_token"], error.BadFields());
    }
}
