using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Compression;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Bench;

/// <summary>
/// Issue 13: the service through <see cref="LinkSimulator"/> at 300 ms / 256 kbit/s and at 64 kbit/s. Bytes per
/// screen with gzip (as the client asks) and plain; time for a screen of roster, every page of a 10,000-officer
/// roster, a report; and the published client's launch to its first screen through the link, in tmux.
/// Run: dotnet run -c Release --project bench/TrainingBench -- slowlink --officers 50000 --sessions 2000
/// (the first of the bench's Member States then has 10,000 officers).
/// </summary>
public static class SlowLinkBenchmark
{
    public static async Task RunAsync(BenchOptions options, string seed)
    {
        await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "slowlink"));
        var region = BenchData.MemberStates[0];
        var token = await server.FocalPointAsync(region);
        var officers = BenchData.OfficersIn(0, options.Officers);
        Console.WriteLine($"Slow link: {region} has {officers:N0} officers; the service compresses with gzip (Fastest) when asked");

        await BytesPerScreenAsync(server, token, region);
        foreach (var conditions in new[] { LinkConditions.Slow, LinkConditions.VerySlow })
            await TimesAsync(server, token, region, officers, conditions);
        await FirstScreenAsync(options, conditions: LinkConditions.Slow);
    }

    /// <summary>The bytes each kind of screen costs on the wire (gRPC framing, HTTP/2 headers and all), gzipped and plain.</summary>
    private static async Task BytesPerScreenAsync(BenchServer server, string token, string region)
    {
        var screens = new (string Name, Func<CallInvoker, Task> Call)[]
        {
            ("a screen of roster (50 officers)", i => new RosterService.RosterServiceClient(i)
                .SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { region }, PageSize = 50 }).ResponseAsync),
            ("a roster page of 500 officers", i => new RosterService.RosterServiceClient(i)
                .SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { region }, PageSize = 500 }).ResponseAsync),
            ("nominations, a page of 100", i => new NominationService.NominationServiceClient(i)
                .ListNominationsAsync(new ListNominationsRequest { Parent = $"memberStates/{region}", PageSize = 100 }).ResponseAsync),
            ("sessions (catalogue), a page of 100", i => new CatalogService.CatalogServiceClient(i)
                .ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-", PageSize = 100 }).ResponseAsync),
            ("parity report (own State)", i => new ReportService.ReportServiceClient(i)
                .GetParityReportAsync(new GetParityReportRequest { RegionCodes = { region } }).ResponseAsync),
            ("skills report (own State)", i => new ReportService.ReportServiceClient(i)
                .GetSkillsReportAsync(new GetSkillsReportRequest { RegionCodes = { region } }).ResponseAsync),
            ("expiring certifications (own State, 180 days)", i => new ReportService.ReportServiceClient(i)
                .GetExpiringCertificationsAsync(new GetExpiringCertificationsRequest { RegionCodes = { region }, WithinDays = 180 }).ResponseAsync),
        };
        await using var link = new LinkSimulator(server.Address, LinkConditions.Loopback);
        using var gzip = GrpcChannel.ForAddress(link.Address, new GrpcChannelOptions
        {
            CompressionProviders = [new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest)], MaxReceiveMessageSize = 16 << 20,
        });
        using var plain = GrpcChannel.ForAddress(link.Address, new GrpcChannelOptions { CompressionProviders = [], MaxReceiveMessageSize = 16 << 20 });
        Console.WriteLine("Slow link: bytes per screen, service to client    gzip       plain   ratio");
        foreach (var (name, call) in screens)
        {
            async Task<long> Measure(GrpcChannel channel)
            {
                var invoker = server.Client(token, channel);
                await call(invoker);
                link.ResetCounters();
                await call(invoker);
                return link.BytesToClient;
            }
            var zipped = await Measure(gzip);
            var raw = await Measure(plain);
            Console.WriteLine($"  {name,-46} {zipped,9:N0} {raw,11:N0} {(double)raw / zipped,6:0.0}×");
        }
    }

    /// <summary>Times on the link: the first call over a new connection, a screen of roster, the whole roster page by page, a report.</summary>
    private static async Task TimesAsync(BenchServer server, string token, string region, int officers, LinkConditions conditions)
    {
        await using var link = new LinkSimulator(server.Address, conditions);
        using var channel = GrpcChannel.ForAddress(link.Address, new GrpcChannelOptions
        {
            CompressionProviders = [new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest)], MaxReceiveMessageSize = 16 << 20,
        });
        var invoker = server.Client(token, channel);
        var roster = new RosterService.RosterServiceClient(invoker);
        var watch = Stopwatch.StartNew();
        await new AccessService.AccessServiceClient(invoker).GetCallerAsync(new GetCallerRequest());
        var connect = watch.Elapsed;

        link.ResetCounters();
        watch.Restart();
        var first = await roster.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { region }, PageSize = 50 });
        var screen = watch.Elapsed;
        var screenBytes = link.BytesToClient;

        link.ResetCounters();
        watch.Restart();
        var loaded = first.Officers.Count;
        var pageToken = first.NextPageToken;
        while (pageToken != "")
        {
            var page = await roster.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { region }, PageSize = 500, PageToken = pageToken });
            loaded += page.Officers.Count;
            pageToken = page.NextPageToken;
        }
        var whole = watch.Elapsed;
        var wholeBytes = link.BytesToClient;

        link.ResetCounters();
        watch.Restart();
        await new ReportService.ReportServiceClient(invoker).GetSkillsReportAsync(new GetSkillsReportRequest { RegionCodes = { region } });
        var report = watch.Elapsed;

        var rtt = conditions.RoundTrip.TotalSeconds;
        Console.WriteLine($"Slow link at {conditions}: first call over a new connection {connect.TotalSeconds:0.00} s; " +
                          $"a screen of roster {screen.TotalSeconds:0.00} s ({screenBytes:N0} bytes; target 2 round trips + transfer = " +
                          $"{2 * rtt + screenBytes * 8.0 / conditions.BitsPerSecond:0.00} s); the rest of the {officers:N0}-officer roster " +
                          $"({loaded:N0} loaded) {whole.TotalSeconds:0.0} s for {wholeBytes / 1024.0:N0} KB; skills report {report.TotalSeconds:0.00} s");
    }

    /// <summary>The published client (out/tui) through the link, in tmux: launch to the catalogue on the demo data.</summary>
    private static async Task FirstScreenAsync(BenchOptions options, LinkConditions conditions)
    {
        var client = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "out", "tui", "TrainingTui"));
        if (!File.Exists(client) || Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true }) is not { } probe)
        {
            Console.WriteLine("Slow link: the published client (scripts/publish-client) or tmux is missing: launch not measured");
            return;
        }
        await probe.WaitForExitAsync();
        var (server, credentials) = await BenchServer.StartDemoAsync(Path.Combine(options.DataDirectory, "run-slowlink-demo.db"));
        await using var _ = server;
        await using var link = new LinkSimulator(server.Address, conditions);
        var token = credentials.For(Training.Service.Security.Role.FocalPoint, "SN").Secret;
        var times = new List<double>();
        var bytes = new List<long>();
        for (var run = 0; run < 5; run++)
        {
            link.ResetCounters();
            var session = $"training-slowlink-{Environment.ProcessId}-{run}";
            var launched = Stopwatch.StartNew();
            Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", $"{client} --server {link.Address} --token {token}");
            try
            {
                while (!Tmux("capture-pane", "-p", "-t", session).Contains("upcoming sessions", StringComparison.Ordinal))
                {
                    if (launched.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The first screen never came.");
                    await Task.Delay(10);
                }
                times.Add(launched.Elapsed.TotalSeconds);
                bytes.Add(link.BytesToClient);
            }
            finally
            {
                Tmux("kill-session", "-t", session);
            }
        }
        times.Sort();
        Console.WriteLine($"Slow link at {conditions}: the published client's launch to the catalogue (demo data, 5 launches) " +
                          $"median {times[2]:0.00} s, max {times[^1]:0.00} s; {bytes.Max():N0} bytes received by then");
    }

    private static string Tmux(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("tmux", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
