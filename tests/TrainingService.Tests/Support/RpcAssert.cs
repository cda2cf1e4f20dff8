using Google.Rpc;
using Grpc.Core;

namespace Training.Service.Tests.Support;

/// <summary>Asserts on the status and rich error details of a failed call.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    public static Task<RpcException> FailsWith<T>(StatusCode code, Func<AsyncUnaryCall<T>> call) =>
        FailsWith(code, async () => await call());

    public static string Reason(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";

    public static IReadOnlyList<string> BadFields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static IReadOnlyList<string> ViolationTypes(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Select(v => v.Type).ToList() ?? [];
}
