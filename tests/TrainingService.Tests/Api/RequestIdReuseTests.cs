using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>
/// AIP-155 on every method that takes a request_id: the same id with the same request returns the first result;
/// the same id with a different request is refused with REQUEST_ID_REUSED and creates nothing — sequentially and
/// when both requests race.
/// </summary>
public sealed class RequestIdReuseTests : IAsyncLifetime
{
    private NominationWorld _world = null!;

    public async Task InitializeAsync() => _world = await NominationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SubmitNomination_SameIdForAnotherOfficer_IsRefusedAndNothingIsCreatedForThem()
    {
        var session = await _world.OpenSessionAsync();
        var first = await _world.OfficerAsync(family: "Ndiaye");
        var second = await _world.OfficerAsync(family: "Sow");
        var id = Guid.NewGuid().ToString();

        var made = await _world.SubmitAsync(first, session, id);
        var retry = await _world.SubmitAsync(first, session, id);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.SubmitAsync(second, session, id));

        Assert.Equal(made.Name, retry.Name);
        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        Assert.Contains(made.Name, error.Status.Detail);
        Assert.Empty(await NominationsOf(second));
    }

    [Fact]
    public async Task SubmitNomination_ToARequest_SameIdForAnotherOfficer_IsRefused()
    {
        var recruitment = new RecruitmentService.RecruitmentServiceClient(_world.Service.AsAdmin());
        var draft = await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = SampleRequest() });
        var request = await recruitment.OpenRequestAsync(new OpenRequestRequest { Name = draft.Name });
        var first = await _world.OfficerAsync(family: "Ndiaye");
        var second = await _world.OfficerAsync(family: "Sow");
        var id = Guid.NewGuid().ToString();

        Task<SubmitNominationResponse> Submit(Officer officer) => _world.Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN",
            Nomination = new Nomination { Officer = officer.Name, Request = request.Name },
            RequestId = id,
        }).ResponseAsync;

        var made = await Submit(first);
        Assert.Equal(made.Nomination.Name, (await Submit(first)).Nomination.Name);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Submit(second));
        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        Assert.Empty(await NominationsOf(second));
    }

    [Fact]
    public async Task CreateOfficer_SameIdWithAnotherOfficer_IsRefusedAndTheSecondIsNotAdded()
    {
        var id = Guid.NewGuid().ToString();
        var ndiaye = Samples.Officer("Ndiaye", "Awa", policeId: "SN-0001");
        CreateOfficerRequest Create(Officer officer) => new() { Parent = "memberStates/SN", Officer = officer, RequestId = id };

        var made = await _world.SenegalRoster.CreateOfficerAsync(Create(ndiaye));
        Assert.Equal(made.Name, (await _world.SenegalRoster.CreateOfficerAsync(Create(ndiaye))).Name);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.SenegalRoster.CreateOfficerAsync(Create(Samples.Officer("Sow", "Awa", policeId: "SN-0002"))));

        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        var roster = await _world.SenegalRoster.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN" });
        Assert.DoesNotContain(roster.Officers, o => o.FamilyName == "Sow");
    }

    [Fact]
    public async Task CreateCourse_SameIdWithAnotherCourse_IsRefused()
    {
        var id = Guid.NewGuid().ToString();
        var made = await _world.Catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("FIRST-1"), RequestId = id });
        var retry = await _world.Catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("FIRST-1"), RequestId = id });
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.Catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("OTHER-2"), RequestId = id }));

        Assert.Equal(made.Name, retry.Name);
        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        var courses = await _world.Catalog.ListCoursesAsync(new ListCoursesRequest());
        Assert.DoesNotContain(courses.Courses, c => c.Code == "OTHER-2");
    }

    [Fact]
    public async Task CreateSession_SameIdWithOtherSeats_IsRefused()
    {
        var course = await _world.Catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course("SESS-1") });
        var id = Guid.NewGuid().ToString();
        CreateSessionRequest Create(int seats) => new() { Parent = course.Name, Session = Samples.Session(seats), RequestId = id };

        var made = await _world.Catalog.CreateSessionAsync(Create(20));
        Assert.Equal(made.Name, (await _world.Catalog.CreateSessionAsync(Create(20))).Name);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Catalog.CreateSessionAsync(Create(30)));

        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        var sessions = await _world.Catalog.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name });
        Assert.Single(sessions.Sessions);
    }

    [Fact]
    public async Task CreateRequest_SameIdWithAnotherCount_IsRefused()
    {
        var recruitment = new RecruitmentService.RecruitmentServiceClient(_world.Service.AsAdmin());
        var id = Guid.NewGuid().ToString();
        CreateRequestRequest Create(int officers) => new() { Request = SampleRequest(officers), RequestId = id };

        var made = await recruitment.CreateRequestAsync(Create(2));
        Assert.Equal(made.Name, (await recruitment.CreateRequestAsync(Create(2))).Name);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => recruitment.CreateRequestAsync(Create(5)));

        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        var listed = await recruitment.ListRequestsAsync(new ListRequestsRequest());
        Assert.DoesNotContain(listed.Requests, r => r.OfficerCount == 5);
    }

    [Fact]
    public async Task SubmitNomination_TwentyFivePairsRacingWithSharedIds_EachIdNamesOnlyItsOwnOfficer()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 100);
        var pairs = new List<(Officer A, Officer B, string Id)>();
        for (var i = 0; i < 25; i++)
            pairs.Add((await _world.OfficerAsync(family: $"Aly{i:D2}"), await _world.OfficerAsync(family: $"Ba{i:D2}"), Guid.NewGuid().ToString()));

        async Task<(Officer Officer, string Id, Nomination? Made, RpcException? Refused)> Try(Officer officer, string id)
        {
            try { return (officer, id, await _world.SubmitAsync(officer, session, id), null); }
            catch (RpcException e) { return (officer, id, null, e); }
        }

        var outcomes = await Task.WhenAll(pairs.SelectMany(p => new[] { Try(p.A, p.Id), Try(p.B, p.Id) }));

        foreach (var pair in outcomes.GroupBy(o => o.Id))
        {
            var made = Assert.Single(pair, o => o.Made is not null);
            var refused = Assert.Single(pair, o => o.Refused is not null);
            Assert.Equal(made.Officer.Name, made.Made!.Officer);
            Assert.Equal(StatusCode.FailedPrecondition, refused.Refused!.StatusCode);
            Assert.Equal("REQUEST_ID_REUSED", refused.Refused.Reason());
            Assert.Empty(await NominationsOf(refused.Officer));
        }
    }

    private async Task<IReadOnlyList<Nomination>> NominationsOf(Officer officer) =>
        (await _world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-", Officer = officer.Name })).Nominations;

    private static RecruitmentRequest SampleRequest(int officers = 2) => new()
    {
        Title = "Forensic investigators, francophone",
        Mission = "missions/minusca",
        Category = PersonnelCategory.Ipo,
        Stream = SkillStream.PoliceOperations,
        OfficerCount = officers,
        DeploymentDate = Samples.Date(2027, 6, 1),
        Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
    };
}
