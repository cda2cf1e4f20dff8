using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Training.Service.Http;

/// <summary>
/// Errors over HTTP/JSON: the same google.rpc.Status as over gRPC, as the JSON body (AIP-193), with the HTTP status
/// that Google's HTTP mapping gives each gRPC code (the one JSON transcoding uses for the errors it writes itself).
/// </summary>
public static class JsonStatus
{
    /// <summary>The detail types the service sends, so that a detail can be written and read as JSON.</summary>
    public static readonly TypeRegistry Details = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Details));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(Details).WithIgnoreUnknownFields(true));

    public static string Format(Status status) => Formatter.Format(status);

    /// <summary>The status in a JSON error body, or null when the body is not one.</summary>
    public static Status? TryParse(string json)
    {
        try { return Parser.Parse<Status>(json); }
        catch (InvalidProtocolBufferException) { return null; }
        catch (InvalidJsonException) { return null; }
    }

    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Answers an HTTP/JSON call from middleware, before it reaches its method.</summary>
    public static Task WriteAsync(HttpContext http, Status status)
    {
        var response = http.Response;
        response.StatusCode = HttpStatusOf((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        if (status.Details.FirstOrDefault(d => d.Is(RetryInfo.Descriptor))?.Unpack<RetryInfo>() is { RetryDelay: { } delay })
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.ToTimeSpan().TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.WriteAsync(Format(status));
    }
}
