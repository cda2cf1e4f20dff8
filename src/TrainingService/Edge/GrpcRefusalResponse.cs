using Google.Protobuf;

namespace Training.Service.Edge;

/// <summary>
/// Answers a gRPC call from middleware, before it reaches gRPC: a "trailers-only" response (HTTP 200, the status in the
/// headers, no body), which every gRPC client reads as the call's status with its rich details.
/// </summary>
public static class GrpcRefusalResponse
{
    public static Task WriteAsync(HttpContext http, Google.Rpc.Status status)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
    }
}
