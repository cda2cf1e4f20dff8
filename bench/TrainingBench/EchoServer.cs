using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Unpol.Training.V1;

namespace Training.Bench;

/// <summary>
/// The floor every read is measured against: a bare grpc-dotnet server answering <c>AccessService.GetCaller</c>
/// with a constant caller — no interceptors, no database, no authentication. Its Kestrel is set up as the
/// service's (HTTP/2 only, the same keep-alive pings, the same log levels), and the read benchmark runs it as a
/// separate process beside the service: <c>TrainingBench.dll echo-server --urls http://127.0.0.1:PORT</c>.
/// </summary>
public static class EchoServer
{
    public const string Mode = "echo-server";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(30);
        });
        // The service's appsettings.json levels, so neither side pays for logging the other does not.
        builder.Logging.SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Grpc", LogLevel.Warning);
        builder.Services.AddGrpc();
        // With no check registered gRPC health answers UNKNOWN; one that always passes stands for the service's.
        builder.Services.AddGrpcHealthChecks().AddCheck("echo", () => HealthCheckResult.Healthy());

        var app = builder.Build();
        app.MapGrpcService<ConstantCaller>();
        // Health answers as the service's does, so start-up to SERVING is measured the same way on both.
        app.MapGrpcHealthChecksService();
        await app.RunAsync();
        return 0;
    }

    /// <summary>GetCaller answered with the same shape of reply the service sends a focal point.</summary>
    private sealed class ConstantCaller : AccessService.AccessServiceBase
    {
        private static readonly Caller Reply = new()
        {
            AccessToken = "accessTokens/0123456789abcdef0123456789abcdef",
            DisplayName = "Bench focal point SN",
            Role = Role.FocalPoint,
            RegionCode = "SN",
        };

        public override Task<Caller> GetCaller(GetCallerRequest request, ServerCallContext context) => Task.FromResult(Reply);
    }
}
