using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Training.Service.Edge;

/// <summary>What a request meets before any handler: per-caller rate limits, then checked deserialisation.</summary>
public static class EdgeServices
{
    /// <summary>Call after <c>AddGrpc</c>: it replaces grpc-dotnet's method binder with <see cref="CheckedServiceMethodProvider{TService}"/>.</summary>
    public static IServiceCollection AddRequestEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RefusalLog>();
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethodProvider<>));
        services.AddCallerRateLimits(configuration);
        return services;
    }

    /// <summary>Call before the gRPC endpoints are mapped.</summary>
    public static WebApplication UseRequestEdge(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
