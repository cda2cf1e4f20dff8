using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Training.Service.Edge;

namespace Training.Service.Http;

/// <summary>
/// The count and size limits of limits.proto for requests that arrived as JSON: JSON transcoding builds the request
/// itself, without the protobuf reader of <see cref="CheckedRequests"/>, so the same check runs here, before
/// authentication as there, and refuses with the same REQUEST_TOO_LARGE.
/// </summary>
public sealed class TranscodedRequestLimits(RefusalLog log) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && CalledMethod.IsTranscoded(context.GetHttpContext()))
        {
            var violations = RequestLimits.Check(message);
            if (violations.Count > 0)
            {
                log.Refused(context.Method, Refusals.RequestTooLarge, $"{violations[0].Field} {violations[0].Description}");
                throw Refusals.TooLarge(violations);
            }
        }
        return continuation(request, context);
    }
}
