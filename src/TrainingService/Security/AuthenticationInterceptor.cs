using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Training.Service.Security;

/// <summary>
/// Authenticates every call (except health checks and reflection, which stock clients use without a
/// token) and refuses a caller whose role lacks the method's right, before the service reads anything.
/// </summary>
public sealed class AuthenticationInterceptor(Authenticator authenticator, Operations.ServiceMetrics metrics) : Interceptor
{
    /// <summary>Where the admitted caller is kept: gRPC's UserState is the HTTP request's Items, which the call log reads.</summary>
    public const string CallerKey = "training.caller";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    /// <summary>The caller admitted for this call.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) && caller is Caller admitted
            ? admitted
            : throw new InvalidOperationException("No caller: the authentication interceptor did not run.");

    private void Admit(ServerCallContext context)
    {
        if (IsOpenMethod(context.Method)) return;
        try
        {
            var caller = authenticator.Authenticate(context.RequestHeaders.GetValue("authorization"));
            // Kept before the right is checked, so the call log names who was refused; a refused call runs nothing.
            context.UserState[CallerKey] = caller;
            var right = MethodRights.For(context.Method)
                ?? throw new PermissionDeniedException($"The method {context.Method} is not open to any caller.");
            caller.Demand(right);
        }
        catch (Domain.Common.DomainException e) when (e is UnauthenticatedException or PermissionDeniedException)
        {
            metrics.AuthFailure(e.Reason);
            throw;
        }
    }

    private static bool IsOpenMethod(string method) =>
        method.StartsWith("/grpc.health.v1.", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);
}
