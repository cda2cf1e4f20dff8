using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Service.Operations;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Operations;

/// <summary>What an operator sees of the service running: its meters, a log line per call, a Prometheus scrape.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task AuthFailures_AreCountedByReason()
    {
        await using var service = await TestService.StartAsync();
        using var failures = new MetricReader(service, "training.auth.failures");
        var stranger = new AccessService.AccessServiceClient(service.As("not-a-token-this-service-issued"));

        for (var i = 0; i < 3; i++) await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => stranger.GetCallerAsync(new GetCallerRequest()));
        var focalPoint = new CatalogService.CatalogServiceClient(service.As(await service.FocalPointAsync("SN")));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => focalPoint.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() }));

        Assert.Equal(3, failures.Sum("reason", "TOKEN_UNKNOWN"));
        Assert.Equal(1, failures.Sum("reason", "PERMISSION_DENIED"));
    }

    [Fact]
    public async Task NominationTransitions_AreCountedFromAndTo()
    {
        await using var world = await NominationWorld.StartAsync();
        using var transitions = new MetricReader(world.Service, "training.nominations.transitions");
        var session = await world.OpenSessionAsync();
        var first = await world.SubmitAsync(await world.OfficerAsync(), session);
        await world.SubmitAsync(await world.OfficerAsync(family: "Ndiaye", given: "Fatou"), session);
        await world.Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = first.Name });

        Assert.Equal(2, transitions.Sum("from", "new"));
        Assert.Equal(1, transitions.Sum("to", "Confirmed"));
    }

    [Fact]
    public async Task EveryCall_WritesOneLogLine_WithMethodTokenIdMemberStateStatusAndDuration_NeverTheSecret()
    {
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(
            settings: new Dictionary<string, string?> { [$"Logging:LogLevel:{CallLog.Category}"] = "Information" }, logs: logs);
        var secret = await service.FocalPointAsync("SN");
        var tokens = await new AccessService.AccessServiceClient(service.AsAdmin()).ListAccessTokensAsync(new ListAccessTokensRequest());
        var tokenName = tokens.AccessTokens.Single(t => t.RegionCode == "SN").Name;

        await new AccessService.AccessServiceClient(service.As(secret)).GetCallerAsync(new GetCallerRequest());
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            new CatalogService.CatalogServiceClient(service.As(secret)).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() }));

        // The lines are written off the calling thread, within moments: wait for the two calls made with this token.
        var lines = await CallsByAsync(logs, tokenName, 2);
        Assert.Equal(2, lines.Count);
        Assert.Matches($@"^/unpol\.training\.v1\.AccessService/GetCaller by {tokenName} \(SN\): OK in \d+\.\d ms$", lines[0].Message);
        Assert.Matches($@"^/unpol\.training\.v1\.CatalogService/CreateCourse by {tokenName} \(SN\): PermissionDenied in \d+\.\d ms$", lines[1].Message);
        Assert.All(Calls(logs), line => Assert.DoesNotContain(secret, line.Message));
        Assert.All(lines, line => Assert.Equal(LogLevel.Information, line.Level));
    }

    [Fact]
    public async Task ThePrometheusEndpoint_ServesTheServicesOwnMeters()
    {
        var port = FreePort();
        await using var service = await TestService.StartAsync(
            settings: new Dictionary<string, string?> { [Telemetry.PrometheusUrlKey] = $"http://127.0.0.1:{port}/" });
        var stranger = new AccessService.AccessServiceClient(service.As("not-a-token-this-service-issued"));
        for (var i = 0; i < 2; i++) await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => stranger.GetCallerAsync(new GetCallerRequest()));

        using var http = new HttpClient();
        var scraped = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");

        Assert.Matches(@"training_auth_failures_total\{[^}]*reason=""TOKEN_UNKNOWN""[^}]*\} 2", scraped);
        Assert.Contains("training_writer_commit_duration", scraped);
    }

    private static List<CapturedLogs.Entry> Calls(CapturedLogs logs) => logs.Entries.Where(e => e.Category == CallLog.Category).ToList();

    private static async Task<List<CapturedLogs.Entry>> CallsByAsync(CapturedLogs logs, string tokenName, int expected)
    {
        List<CapturedLogs.Entry> By() => Calls(logs).Where(e => e.Message.Contains($" by {tokenName} ", StringComparison.Ordinal)).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (By().Count < expected && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        return By();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sums one instrument of one service (its own meter factory: other tests' services never count).</summary>
    private sealed class MetricReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(long Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

        public MetricReader(TestService service, string instrument)
        {
            var scope = service.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (published, listener) =>
            {
                if (published.Name == instrument && ReferenceEquals(published.Meter.Scope, scope)) listener.EnableMeasurementEvents(published);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                lock (_measurements) _measurements.Add((value, tags.ToArray()));
            });
            _listener.Start();
        }

        public long Sum(string tag, string value)
        {
            lock (_measurements) return _measurements.Where(m => m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))).Sum(m => m.Value);
        }

        public void Dispose() => _listener.Dispose();
    }
}
