using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Edge;

/// <summary>
/// Requests with huge repeated fields, masks and texts are refused from their counts alone (REQUEST_TOO_LARGE) before
/// any entry is looked at, quickly; and an error about many entries lists a bounded number of them, so its trailer
/// fits and the connection carries the next call.
/// </summary>
public sealed class RequestLimitTests(EdgeCallers callers) : IClassFixture<EdgeCallers>
{
    /// <summary>Generous for a shared 2-core machine; the refusal itself takes about a millisecond (docs/benchmarks.md).</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(2);

    private CallInvoker Admin => callers.All[EdgeCallers.Administrator];
    private CallInvoker FocalPoint => callers.All[EdgeCallers.FocalPoint];

    public static TheoryData<string> HugeRequests => new(Huge.Keys);

    private static readonly Dictionary<string, (string Method, string Field, Func<IMessage> Request)> Huge = new()
    {
        ["10,000 session states"] = ("CatalogService/ListSessions", "states", () => new ListSessionsRequest
        {
            Parent = "courses/-", States = { Enumerable.Repeat(Session.Types.State.Open, 10_000) },
        }),
        ["10,000 nomination states"] = ("NominationService/ListNominations", "states", () => new ListNominationsRequest
        {
            Parent = "memberStates/SN", States = { Enumerable.Repeat(Nomination.Types.State.Submitted, 10_000) },
        }),
        ["100,000 update_mask paths"] = ("CatalogService/UpdateCourse", "update_mask.paths", () => new UpdateCourseRequest
        {
            Course = new Course { Name = "courses/cptm" },
            UpdateMask = new FieldMask { Paths = { Enumerable.Range(0, 100_000).Select(i => $"title{i}") } },
        }),
        ["1,000 allocations"] = ("CatalogService/CreateSession", "session.allocations", () => new CreateSessionRequest
        {
            Parent = "courses/cptm",
            Session = new Session { Allocations = { Enumerable.Range(0, 1_000).Select(i => new MemberStateAllocation { RegionCode = "SN", Quota = i }) } },
        }),
        ["100,000 region codes"] = ("RosterService/SearchOfficers", "region_codes", () => new SearchOfficersRequest
        {
            RegionCodes = { Enumerable.Repeat("SN", 100_000) },
        }),
        ["1,000 skills"] = ("RosterService/SearchOfficers", "skills", () => new SearchOfficersRequest
        {
            Skills = { Enumerable.Range(0, 1_000).Select(i => new SkillRequirement { SkillCode = $"no-such-skill-{i}" }) },
        }),
        ["a name of 100,000 characters"] = ("RosterService/SearchOfficers", "name_text", () => new SearchOfficersRequest
        {
            NameText = new string('a', 100_000),
        }),
        ["1,100 entries spread over nested lists"] = ("CatalogService/CreateCourse", "", () => new CreateCourseRequest
        {
            Course = new Course
            {
                Requirements = new CourseRequirements
                {
                    Languages =
                    {
                        Enumerable.Range(0, 100).Select(_ => new LanguageRequirement { Skills = { Enumerable.Repeat(LanguageSkill.Reading, 10) } }),
                    },
                },
            },
        }),
    };

    [Theory]
    [MemberData(nameof(HugeRequests))]
    public async Task AHugeRequest_IsRefusedAsTooLarge_Quickly_NamingTheField(string request)
    {
        var (method, field, build) = Huge[request];
        var bytes = build().ToByteArray();

        foreach (var (who, invoker) in callers.All)
        {
            var answer = await RawCalls.SendAsync(invoker, RawCalls.Method(method), bytes, TimeSpan.FromSeconds(30));

            Assert.True((StatusCode.InvalidArgument, "REQUEST_TOO_LARGE") == (answer.Code, answer.Reason), $"{who}: {answer}");
            Assert.True(answer.Elapsed < Quickly, $"{who}: {answer}");
        }
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Admin.AsyncUnaryCall(
            RawMethod(method), null, new CallOptions(), bytes));
        Assert.Equal([field], error.BadFields());
    }

    [Fact]
    public async Task AnErrorAboutManyEntries_ListsTheFirstTwenty_AndCountsTheRest()
    {
        var roster = new RosterService.RosterServiceClient(FocalPoint);
        var request = new SearchOfficersRequest
        {
            Skills = { Enumerable.Range(0, 100).Select(i => new SkillRequirement { SkillCode = $"no-such-skill-{i}" }) },
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => roster.SearchOfficersAsync(request));

        var status = error.GetRpcStatus()!;
        var more = int.Parse(status.GetDetail<ErrorInfo>()!.Metadata["more_violations"]);
        Assert.Equal(20, error.BadFields().Count);
        Assert.True(more >= 80, $"more_violations is {more}");
        Assert.True(status.Message.Length <= 1_000, status.Message);
    }

    [Fact]
    public async Task AfterARefusedHugeRequest_TheSameConnectionAnswersTheNextCallPromptly()
    {
        var roster = new RosterService.RosterServiceClient(FocalPoint);
        var access = new AccessService.AccessServiceClient(FocalPoint);
        foreach (var count in new[] { 100, 1_000 })
        {
            var request = new SearchOfficersRequest
            {
                Skills = { Enumerable.Range(0, count).Select(i => new SkillRequirement { SkillCode = $"no-such-skill-{i}" }) },
            };
            await Assert.ThrowsAsync<RpcException>(async () =>
                await roster.SearchOfficersAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)));

            var clock = Stopwatch.StartNew();
            var caller = await access.GetCallerAsync(new GetCallerRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.Equal(Role.FocalPoint, caller.Role);
            Assert.True(clock.Elapsed < Quickly, $"the next call took {clock.Elapsed}");
        }
    }

    private static Method<byte[], byte[]> RawMethod(string serviceAndMethod)
    {
        var method = RawCalls.Method(serviceAndMethod);
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        return new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, bytes, bytes);
    }
}
