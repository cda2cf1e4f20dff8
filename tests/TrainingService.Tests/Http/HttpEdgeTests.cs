using System.Net;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Http;

/// <summary>The edge in front of every method treats an HTTP/JSON call as the gRPC call it becomes: one budget per token.</summary>
public sealed class HttpEdgeTests
{
    [Fact]
    public async Task WritesOverHttp_SpendTheTokensBudget_AndARefusalIs429WithRetryAfter_ThenGrpcIsRefusedToo()
    {
        await using var service = await TestService.StartAsync(http: true, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Writes:PermitsPerSecond"] = "1",
            ["RateLimits:Writes:Burst"] = "3",
        });
        var token = await service.FocalPointAsync("SN");
        using var http = new JsonCalls(service.HttpAddress!);

        JsonCalls.Answer? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            var answer = await http.DeleteAsync("/v1/memberStates/SN/officers/nobody", token);
            if (answer.Status == HttpStatusCode.TooManyRequests) refused = answer;
            else Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        }
        Assert.NotNull(refused);
        Assert.Equal((8, "RATE_LIMITED"), (refused.Code, refused.Reason));
        Assert.Contains("google.rpc.RetryInfo", refused.Body);
        Assert.True(int.Parse(refused.Headers["Retry-After"]) >= 1);

        // The same budget: a gRPC write is refused at once, not after a burst of its own (a second's refill at most).
        var roster = new RosterService.RosterServiceClient(service.As(token));
        var admittedOverGrpc = 0;
        while (true)
        {
            var call = await Record.ExceptionAsync(() => roster.DeleteOfficerAsync(new DeleteOfficerRequest { Name = "memberStates/SN/officers/nobody" }).ResponseAsync);
            if (call is RpcException { StatusCode: StatusCode.ResourceExhausted }) break;
            Assert.True(++admittedOverGrpc < 3, "gRPC writes got a burst of their own after HTTP spent the token's budget.");
        }
    }
}
