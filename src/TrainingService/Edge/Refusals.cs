using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Training.Service.Api;
using Training.Service.Domain.Common;
using Status = Google.Rpc.Status;

namespace Training.Service.Edge;

/// <summary>
/// The refusals made before any handler runs (proto/unpol/training/v1/limits.proto), built with the same rich details
/// as every other error: an ErrorInfo with the reason, and what the caller needs to do better.
/// </summary>
public static class Refusals
{
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>INVALID_ARGUMENT: the bytes are not a message of the method's request type.</summary>
    public static RpcException Malformed(string messageType, string problem) => ErrorMapping.RichStatus(
        Code.InvalidArgument, MalformedRequest, $"The request is not a well-formed {messageType}: {problem}", 0).ToRpcException();

    /// <summary>INVALID_ARGUMENT with a BadRequest naming each field over its count or size limit.</summary>
    public static RpcException TooLarge(IReadOnlyList<FieldViolation> violations) => ErrorMapping.RichStatus(
        Code.InvalidArgument, RequestTooLarge,
        violations.Count == 1
            ? $"The request is too large: {Describe(violations[0])}"
            : $"The request is too large: {violations.Count} fields are over their limits, first {Describe(violations[0])}",
        ErrorMapping.Omitted(violations.Count), ErrorMapping.BoundedBadRequest(violations)).ToRpcException();

    /// <summary>RESOURCE_EXHAUSTED with a RetryInfo: this caller spent its budget; nothing was done.</summary>
    public static Status TooManyRequests(TimeSpan retryAfter) => ErrorMapping.RichStatus(
        Code.ResourceExhausted, RateLimited,
        $"Too many requests from this caller: retry in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.", 0,
        new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });

    private static string Describe(FieldViolation violation) =>
        violation.Field.Length == 0 ? violation.Description : $"{violation.Field} {violation.Description}";
}
