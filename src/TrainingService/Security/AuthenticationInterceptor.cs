using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Training.Service.Security;

/// <summary>
/// Authenticates every call (except health checks and reflection, which stock clients use without a
/// token) and refuses a caller whose role lacks the method's right, before the service reads anything.
/// </summary>
public sealed class AuthenticationInterceptor(Authenticator authenticator) : Interceptor
{
    private const string CallerKey = "training.caller";

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
        var caller = authenticator.Authenticate(context.RequestHeaders.GetValue("authorization"));
        var right = MethodRights.For(context.Method)
            ?? throw new PermissionDeniedException($"The method {context.Method} is not open to any caller.");
        caller.Demand(right);
        context.UserState[CallerKey] = caller;
    }

    private static bool IsOpenMethod(string method) =>
        method.StartsWith("/grpc.health.v1.", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);
}
