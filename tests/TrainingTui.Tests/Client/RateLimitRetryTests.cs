using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Training.Tui.Client;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Client;

/// <summary>
/// A call the service refused for going over the token's budget is retried after the delay the service gave, a
/// bounded number of times; what still fails reads "Too many requests, retry in N s."
/// </summary>
public sealed class RateLimitRetryTests
{
    private static readonly Method<GetCallerRequest, Caller> GetCaller = new(MethodType.Unary, "unpol.training.v1.AccessService", "GetCaller",
        Marshallers.Create<GetCallerRequest>(r => [], _ => new GetCallerRequest()), Marshallers.Create<Caller>(r => [], _ => new Caller()));

    private readonly List<TimeSpan> _waits = [];

    private RateLimitRetry Retry => new((delay, _) =>
    {
        _waits.Add(delay);
        return Task.CompletedTask;
    });

    [Fact]
    public async Task ARateLimitedCall_IsRetriedAfterTheGivenDelay_AndSucceeds()
    {
        var answers = new Queue<Func<AsyncUnaryCall<Caller>>>([() => Refused(TimeSpan.FromSeconds(2)), Answered]);

        var caller = await Call(answers, DateTime.UtcNow.AddSeconds(10));

        Assert.Equal("accessTokens/sn", caller.AccessToken);
        Assert.Equal([TimeSpan.FromSeconds(2)], _waits);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task RetriesAreBounded_ThenTheRefusalReadsTooManyRequests()
    {
        var answers = new Queue<Func<AsyncUnaryCall<Caller>>>(Enumerable.Repeat<Func<AsyncUnaryCall<Caller>>>(
            () => Refused(TimeSpan.FromMilliseconds(1500)), 10));

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(answers, DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(RateLimitRetry.MaxRetries, _waits.Count);
        Assert.Equal("Too many requests, retry in 2 s.", ClientError.From(error).Message);
    }

    [Theory]
    [InlineData(30, 10)]
    [InlineData(3, 2)]
    public async Task ADelayTooLongOrPastTheDeadline_IsNotWaitedFor(int delaySeconds, int deadlineSeconds)
    {
        var answers = new Queue<Func<AsyncUnaryCall<Caller>>>([() => Refused(TimeSpan.FromSeconds(delaySeconds)), Answered]);

        await Assert.ThrowsAsync<RpcException>(() => Call(answers, DateTime.UtcNow.AddSeconds(deadlineSeconds)));

        Assert.Empty(_waits);
    }

    [Fact]
    public async Task OtherErrors_AreNotRetried()
    {
        var tooBig = new Grpc.Core.Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
        var answers = new Queue<Func<AsyncUnaryCall<Caller>>>([() => Failed(new RpcException(tooBig)), Answered]);

        await Assert.ThrowsAsync<RpcException>(() => Call(answers, DateTime.UtcNow.AddSeconds(10)));

        Assert.Empty(_waits);
    }

    private async Task<Caller> Call(Queue<Func<AsyncUnaryCall<Caller>>> answers, DateTime deadline)
    {
        var context = new ClientInterceptorContext<GetCallerRequest, Caller>(GetCaller, null, new CallOptions(deadline: deadline));
        using var call = Retry.AsyncUnaryCall(new GetCallerRequest(), context, (_, _) => answers.Dequeue()());
        return await call;
    }

    private static AsyncUnaryCall<Caller> Answered() => new(Task.FromResult(new Caller { AccessToken = "accessTokens/sn" }),
        Task.FromResult(new Metadata()), () => Grpc.Core.Status.DefaultSuccess, () => [], () => { });

    private static AsyncUnaryCall<Caller> Refused(TimeSpan retryAfter) => Failed(new Google.Rpc.Status
    {
        Code = (int)Code.ResourceExhausted,
        Message = "Too many requests from this caller.",
        Details =
        {
            Any.Pack(new ErrorInfo { Reason = "RATE_LIMITED", Domain = "training.unpol.un.org" }),
            Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }),
        },
    }.ToRpcException());

    private static AsyncUnaryCall<Caller> Failed(RpcException error) => new(Task.FromException<Caller>(error),
        Task.FromResult(new Metadata()), () => error.Status, () => error.Trailers, () => { });
}
