using Grpc.Health.V1;
using Grpc.Net.Client;
using Training.Connections;

namespace Training.Service.Operations;

/// <summary>
/// <c>TrainingService health [--server URL] [--ca-file PEM]</c>: asks a running service's standard gRPC health check
/// (no token needed) and exits 0 while it is SERVING, 1 otherwise — for a container's HEALTHCHECK or a monitor that
/// cannot speak gRPC itself.
/// </summary>
public static class HealthCommand
{
    public const string Verb = "health";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var server = new Uri(Value("--server") ?? TrainingHost.DefaultUrl);
        var handler = new SocketsHttpHandler();
        if (Value("--ca-file") is { } caFile) TlsTrust.TrustAuthorities(handler, caFile);
        using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = handler });
        try
        {
            var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            await output.WriteLineAsync(answer.Status.ToString());
            return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (Grpc.Core.RpcException e)
        {
            await output.WriteLineAsync($"{e.StatusCode}: {TlsTrust.Explain(e, server) ?? e.Status.Detail}");
            return 1;
        }
    }
}
