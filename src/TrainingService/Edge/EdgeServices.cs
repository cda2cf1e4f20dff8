using Grpc.AspNetCore.Server.Model;

namespace Training.Service.Edge;

/// <summary>What a request meets before any handler: per-caller rate limits, then checked deserialisation.</summary>
public static class EdgeServices
{
    /// <summary>Call after everything that calls <c>AddGrpc</c> (which registers grpc-dotnet's binder again): it replaces grpc-dotnet's method binder with <see cref="CheckedServiceMethodProvider{TService}"/>.</summary>
    public static IServiceCollection AddRequestEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RefusalLog>();
        // Only grpc-dotnet's own binder is replaced: other providers (JSON transcoding) bind the same methods for HTTP.
        foreach (var builtIn in services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                     && d.ImplementationType?.Assembly == typeof(IServiceMethodProvider<>).Assembly).ToList())
            services.Remove(builtIn);
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
