using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Training.Service.Tests.Fuzzing;
using Unpol.Training.V1;

namespace Training.Bench;

/// <summary>
/// A hostile integration's worth of requests (issue 16): the fuzzer of the test suite, for as long as asked, against the
/// service as its own process on a copy of the seeded database, while a well-behaved focal point keeps working. Reports
/// the answers by status, any finding (an answer that is not success or a documented caller error, or slower than the
/// bound), answer times, the neighbour's latency, and the service's resident memory as the run goes.
/// </summary>
public static class FuzzBenchmark
{
    private const string AdminToken = "bench-administrator-token-0123456789";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchOptions options, string seed)
    {
        var database = BenchDatabase.FreshCopy(options, seed, "fuzz");
        using var service = StartService(database, options.RateLimits, out var address);
        try
        {
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
            CallInvoker As(string? token) => token is null
                ? channel.CreateCallInvoker()
                : channel.Intercept(metadata =>
                {
                    metadata.Add("authorization", $"Bearer {token}");
                    return metadata;
                });
            await WaitUntilServingAsync(As(AdminToken));
            var access = new AccessService.AccessServiceClient(As(AdminToken));
            string Issue(string region, string name) => access.CreateAccessToken(new CreateAccessTokenRequest
            {
                AccessToken = new AccessToken { DisplayName = name, Role = Role.FocalPoint, RegionCode = region },
            }).Secret;
            var callers = new Dictionary<string, CallInvoker>
            {
                ["administrator"] = As(AdminToken),
                ["focal point"] = As(Issue(BenchData.MemberStates[0], "Hostile focal point")),
                ["anonymous"] = As(null),
            };
            // The neighbour has a connection of its own, as another user's terminal would.
            using var neighbourChannel = GrpcChannel.ForAddress(address);
            var neighbourToken = Issue(BenchData.MemberStates[1], "Neighbour focal point");
            var neighbour = neighbourChannel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {neighbourToken}");
                return metadata;
            });

            Console.WriteLine($"Fuzz: rate limits {(options.RateLimits ? "on (the defaults)" : "off")}; service pid {service.Id}, " +
                              $"resident {Resident(service) / 1e6:0} MB before any request");
            await ReportsUnloadedAsync(callers["administrator"]);
            using var stop = new CancellationTokenSource();
            var neighbourTimes = NeighbourAsync(neighbour, stop.Token);
            var clock = Stopwatch.StartNew();
            var codes = new Dictionary<StatusCode, int>();
            var findings = new List<FuzzRun.Finding>();
            var times = new List<double>();
            var requests = 0;
            for (var round = 0; clock.Elapsed < TimeSpan.FromSeconds(options.Seconds); round++)
            {
                var report = await FuzzRun.RunAsync(callers, 5_000, seed: 1_000 + round, Bound, parallelism: 8);
                requests += report.Requests;
                foreach (var (code, count) in report.Codes) codes[code] = codes.GetValueOrDefault(code) + count;
                findings.AddRange(report.Findings);
                times.AddRange(report.Times.Select(t => t.TotalMilliseconds));
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s  {requests,9:N0} requests  resident {Resident(service) / 1e6,5:0} MB  findings {findings.Count}");
            }
            await stop.CancelAsync();
            var neighbourMs = await neighbourTimes;

            Console.WriteLine($"Fuzz: {requests:N0} requests in {clock.Elapsed.TotalSeconds:0} s ({requests / clock.Elapsed.TotalSeconds:N0}/s), " +
                              string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}")));
            Report("Fuzz: answer times", times);
            Report("Fuzz: a neighbour focal point's GetCaller + ListCourses meanwhile", neighbourMs);
            var wrong = findings.Where(f => !FuzzRun.CallerErrors.Contains(f.Answer.Code) && f.Answer.Elapsed < Bound).ToList();
            Console.WriteLine($"Fuzz: {wrong.Count} answers with a status other than success or a documented caller error");
            foreach (var finding in wrong.Take(30)) Console.WriteLine($"  {finding}");
            Console.WriteLine($"Fuzz: {findings.Count - wrong.Count} answers slower than {Bound.TotalSeconds:0} s, by method and caller:");
            foreach (var slow in findings.Except(wrong).GroupBy(f => $"{f.Method} as {f.Caller}").OrderByDescending(g => g.Count()))
                Console.WriteLine($"  {slow.Count(),5}  {slow.Key}");
        }
        finally
        {
            var resident = Resident(service);
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            Console.WriteLine($"Fuzz: service resident memory at the end {resident / 1e6:0} MB");
        }
    }

    /// <summary>The reports over every Member State, one at a time on an idle service: what each costs by itself.</summary>
    private static async Task ReportsUnloadedAsync(CallInvoker administrator)
    {
        var reports = new ReportService.ReportServiceClient(administrator);
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("GetParityReport", async () => await reports.GetParityReportAsync(new GetParityReportRequest())),
            ("GetSkillsReport", async () => await reports.GetSkillsReportAsync(new GetSkillsReportRequest())),
            ("GetExpiringCertifications", async () => await reports.GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { WithinDays = 365 })),
        };
        foreach (var (name, call) in calls)
        {
            await call();
            var started = Stopwatch.GetTimestamp();
            await call();
            Console.WriteLine($"Fuzz: {name} over every Member State, alone: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms");
        }
    }

    /// <summary>A focal point doing ordinary work the whole time: how long the hostile traffic makes it wait.</summary>
    private static async Task<List<double>> NeighbourAsync(CallInvoker invoker, CancellationToken stop)
    {
        var access = new AccessService.AccessServiceClient(invoker);
        var catalog = new CatalogService.CatalogServiceClient(invoker);
        var times = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            await access.GetCallerAsync(new GetCallerRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
            await catalog.ListCoursesAsync(new ListCoursesRequest { PageSize = 20 }, deadline: DateTime.UtcNow.AddSeconds(30));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
        }
        return times;
    }

    /// <summary>
    /// The service as its own process. With rate limits off every request reaches the checks behind them; with them on,
    /// the run shows what a hostile token meets in production.
    /// </summary>
    private static Process StartService(string database, bool rateLimits, out Uri address)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        address = new Uri($"http://127.0.0.1:{port}");
        var dll = typeof(TrainingHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet",
        [
            dll, $"--urls={address}", $"--Storage:Path={database}", $"--Security:BootstrapAdminToken={AdminToken}",
            $"--RateLimits:Enabled={rateLimits}", "--Logging:LogLevel:Default=Warning",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  service: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(CallInvoker invoker)
    {
        var access = new AccessService.AccessServiceClient(invoker);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await access.GetCallerAsync(new GetCallerRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException) when (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(100);
            }
        }
    }

    private static long Resident(Process process)
    {
        process.Refresh();
        return process.HasExited ? 0 : process.WorkingSet64;
    }

    private static void Report(string what, List<double> latencies)
    {
        latencies.Sort();
        double P(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine($"{what}: p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {latencies.LastOrDefault():0.00} ms (n = {latencies.Count:N0})");
    }
}
