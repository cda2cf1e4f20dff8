using Google.Rpc;
using Grpc.Core;

namespace Training.Tui.Client;

/// <summary>A failed call as a person reads it: one sentence, the rule or field violations, and whether the server is away.</summary>
public sealed record ClientError(string Message, IReadOnlyList<(string Field, string Description)> FieldErrors,
    IReadOnlyList<(string Rule, string Description)> RuleViolations, bool ServerUnreachable, string Reason)
{
    /// <summary>The gRPC status (Unknown for a failure that was not a call's).</summary>
    public StatusCode Code { get; init; } = StatusCode.Unknown;

    public static ClientError From(Exception error)
    {
        if (error is not RpcException rpc)
            return new ClientError(error.Message, [], [], false, "");
        var status = rpc.GetRpcStatus();
        var reason = status?.GetDetail<ErrorInfo>()?.Reason ?? "";
        var fields = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [];
        var rules = status?.GetDetail<PreconditionFailure>()?.Violations.Select(v => (v.Type, v.Description)).ToList() ?? [];
        var unreachable = rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
        var message = rpc.StatusCode switch
        {
            StatusCode.Unavailable => Strings.Get("Error_Unreachable"),
            StatusCode.DeadlineExceeded => Strings.Get("Error_NoAnswerInTime"),
            StatusCode.Unauthenticated => Strings.Format("Error_AccessRefused", rpc.Status.Detail),
            StatusCode.PermissionDenied => Strings.Format("Error_NotAllowed", rpc.Status.Detail),
            StatusCode.ResourceExhausted when RateLimitRetry.DelayOf(rpc) is { } delay =>
                Strings.Format("Error_TooManyRequests", Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds))),
            _ => rpc.Status.Detail,
        };
        return new ClientError(message, fields, rules, unreachable, reason) { Code = rpc.StatusCode };
    }
}
