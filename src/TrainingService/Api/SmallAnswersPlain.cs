using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Training.Service.Api;

/// <summary>
/// Answers smaller than <see cref="Threshold"/> go uncompressed even to callers that accept gzip (every grpc-dotnet and
/// grpc-js client says it does): a 100-byte answer cannot shrink by much, and gzipping it cost a compressor per call,
/// a few percent of a cheap call's CPU (docs/benchmarks.md, "Reads at scale"). Pages of officers, sessions and reports
/// are larger and stay gzipped, which is what a focal point on a slow link waits for. Unary answers only: a watch's
/// events follow the service's setting as they are written.
/// </summary>
public sealed class SmallAnswersPlain : Interceptor
{
    /// <summary>Below this many bytes an answer is sent as it is.</summary>
    public const int Threshold = 1024;

    private static readonly WriteOptions Plain = new(WriteFlags.NoCompress);

    private static bool IsGrpc(ServerCallContext context) =>
        context.GetHttpContext().Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        // Over HTTP/JSON (transcoded) there are no gRPC write options: that answer's compression is the HTTP edge's.
        if (response is IMessage message && IsGrpc(context) && message.CalculateSize() < Threshold) context.WriteOptions = Plain;
        return response;
    }
}
