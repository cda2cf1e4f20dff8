using System.Diagnostics;
using Grpc.Core;
using Training.Service.Security;

namespace Training.Service.Operations;

/// <summary>
/// One log line per gRPC call, at Information, in category <c>Training.Service.Calls</c>: the method, the caller's
/// token (its id, never its secret), the caller's Member State(s), the status and the duration. Written as an HTTP
/// middleware, so calls refused before any service runs (rate limits, malformed requests, bad tokens) are logged
/// too. Health checks, which probes send every few seconds, are logged at Debug. The line is written by
/// <see cref="CallLogWriter"/>, off the calling thread.
/// </summary>
public sealed class CallLog(RequestDelegate next, CallLogWriter lines)
{
    public const string Category = "Training.Service.Calls";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var level = http.Request.Path.StartsWithSegments("/grpc.health.v1.Health") ? LogLevel.Debug : LogLevel.Information;
            if (lines.IsEnabled(level))
            {
                var caller = http.Items.TryGetValue(AuthenticationInterceptor.CallerKey, out var admitted) ? admitted as Caller : null;
                lines.Add(new CallLine(level, http.Request.Path.Value, caller?.TokenName ?? "anonymous", MemberStates(caller), Status(http),
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }
    }

    private static string MemberStates(Caller? caller) => caller switch
    {
        { RegionCode: { } region } => region,
        { Scope: { AllMemberStates: true } } => "all",
        { Scope: { } scope } => string.Join(",", scope.RegionCodes),
        null => "-",
        _ => "all",
    };

    /// <summary>The call's grpc-status: in the trailers, or in the headers of a trailers-only answer; a cut call has none.</summary>
    private static string Status(HttpContext http)
    {
        var value = http.Response.SupportsTrailers() && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers is { } trailers
            && trailers.TryGetValue("grpc-status", out var trailer) ? trailer.ToString() : http.Response.Headers["grpc-status"].ToString();
        return int.TryParse(value, out var code) ? ((StatusCode)code).ToString() : http.RequestAborted.IsCancellationRequested ? "Cancelled" : "Unknown";
    }
}
