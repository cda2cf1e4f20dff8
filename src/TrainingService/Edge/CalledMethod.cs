using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Training.Service.Edge;

/// <summary>Which gRPC method a request calls, whether it came over gRPC or as HTTP/JSON transcoded to it.</summary>
public static class CalledMethod
{
    /// <summary>True when the request reached a method through JSON transcoding.</summary>
    public static bool IsTranscoded(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;

    /// <summary>
    /// The method's full gRPC name, <c>/package.Service/Method</c>, from the routed endpoint; the path when no method
    /// is routed (over gRPC the path is that name).
    /// </summary>
    public static string Of(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? http.Request.Path.Value ?? "";
}
