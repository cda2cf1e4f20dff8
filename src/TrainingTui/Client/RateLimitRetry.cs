using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Training.Tui.Client;

/// <summary>
/// Retries a unary call the service refused for going over this token's budget (RESOURCE_EXHAUSTED with a
/// <see cref="RetryInfo"/>), after the delay the service gave. The service did nothing with a refused call, so a
/// write is as safe to repeat as a read. Bounded: at most <see cref="MaxRetries"/> times, only for a delay up to
/// <see cref="MaxDelay"/> that ends before the call's deadline; otherwise the refusal reaches the screen, which says
/// "Too many requests, retry in N s."
/// </summary>
public sealed class RateLimitRetry(Func<TimeSpan, CancellationToken, Task>? wait = null) : Interceptor
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly Func<TimeSpan, CancellationToken, Task> _wait = wait ?? Task.Delay;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var current = continuation(request, context);
        var response = RespondAsync();
        return new AsyncUnaryCall<TResponse>(response, HeadersAsync(), () => current.GetStatus(), () => current.GetTrailers(),
            () => current.Dispose());

        async Task<TResponse> RespondAsync()
        {
            for (var retries = 0; ; retries++)
            {
                try
                {
                    return await current.ResponseAsync;
                }
                catch (RpcException refusal) when (retries < MaxRetries && DelayOf(refusal) is { } delay && delay <= MaxDelay
                                                   && (context.Options.Deadline is not { } deadline || DateTime.UtcNow + delay < deadline))
                {
                    await _wait(delay, context.Options.CancellationToken);
                    current.Dispose();
                    current = continuation(request, context);
                }
            }
        }

        async Task<Metadata> HeadersAsync()
        {
            try { await response; }
            catch (RpcException) { }
            return await current.ResponseHeadersAsync;
        }
    }

    /// <summary>The delay a rate-limit refusal asks for, or null for any other error.</summary>
    public static TimeSpan? DelayOf(RpcException error) =>
        error.StatusCode == StatusCode.ResourceExhausted && error.GetRpcStatus()?.GetDetail<RetryInfo>() is { RetryDelay: { } delay }
            ? delay.ToTimeSpan()
            : null;
}
