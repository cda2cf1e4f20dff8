using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Training.Bench;
using Training.Service.Storage;
using Unpol.Training.V1;

// Benchmarks of the nomination service on a large database, client and server on this machine, over real
// gRPC on loopback. Usage:
//   dotnet run -c Release --project bench/TrainingBench -- [all|eligibility|writes|submit|race|match|ceiling|grpc-ceiling|tui|fuzz|reads|encryption|slowlink|directory]
//        [--officers N] [--sessions N]
//        [--clients N] [--seconds N] [--calls N] [--data DIR] [--rate-limits on|off (fuzz only; default off)]
if (args.FirstOrDefault() == EchoServer.Mode) return await EchoServer.RunAsync(args[1..]);
var options = BenchOptions.Parse(args);
Console.WriteLine($"Training benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
// Builds its own plain and encrypted files: no shared seed needed.
if (options.Scenario == "encryption") { await EncryptionBenchmark.RunAsync(options); return 0; }
var seedFile = await BenchDatabase.EnsureSeedAsync(options);

if (options.Scenario == "grpc-ceiling") { await Scenarios.CeilingAsync(options, seedFile); return 0; }
if (options.Scenario is "all" or "eligibility") await Scenarios.EligibilityAsync(options, seedFile);
if (options.Scenario is "all" or "writes" or "ceiling") await WriteCeiling.RunAsync(options, seedFile);
if (options.Scenario is "all" or "writes" or "submit") await Scenarios.SubmitAsync(options, seedFile);
if (options.Scenario is "all" or "race") await Scenarios.RaceAsync(options, seedFile);
if (options.Scenario is "all" or "match") await Scenarios.MatchAsync(options, seedFile);
if (options.Scenario is "tui") await TuiBenchmark.RunAsync(options, seedFile);
if (options.Scenario is "fuzz") await FuzzBenchmark.RunAsync(options, seedFile);
if (options.Scenario is "reads") await ReadBenchmark.RunAsync(options, seedFile, args);
if (options.Scenario is "slowlink") await SlowLinkBenchmark.RunAsync(options, seedFile);
if (options.Scenario is "directory") DirectoryMemory.Run(options, seedFile);
return 0;

namespace Training.Bench
{
    public sealed record BenchOptions(string Scenario, int Officers, int Sessions, int Clients, int Seconds, int Calls, string DataDirectory,
        bool RateLimits = false)
    {
        public static BenchOptions Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }
            int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) % 2 == 0) ?? "all";
            return new BenchOptions(scenario, Number("--officers", 100_000), Number("--sessions", 2_000), Number("--clients", 50),
                Number("--seconds", 60), Number("--calls", 5_000), Path.GetFullPath(Value("--data", "bench-data")),
                Value("--rate-limits", "off") == "on");
        }
    }

    /// <summary>The seeded database is built once and copied for each scenario, so every run starts from the same state.</summary>
    public static class BenchDatabase
    {
        public static Task<string> EnsureSeedAsync(BenchOptions options)
        {
            Directory.CreateDirectory(options.DataDirectory);
            var seed = Path.Combine(options.DataDirectory, $"seed-{options.Officers}-{options.Sessions}.db");
            if (File.Exists(seed))
            {
                Console.WriteLine($"Using the seeded database {seed}");
                return Task.FromResult(seed);
            }
            Console.Write($"Seeding {options.Officers:N0} officers and {options.Sessions:N0} sessions… ");
            var watch = Stopwatch.StartNew();
            var building = seed + ".building";
            File.Delete(building);
            using (var database = TrainingDatabase.OpenFile(building))
            {
                _ = new ReferenceDataStore(database);
                BenchData.Seed(database, options.Officers, options.Sessions, DateTime.UtcNow);
                database.Lite.Checkpoint();
            }
            File.Move(building, seed);
            Console.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s");
            return Task.FromResult(seed);
        }

        public static string FreshCopy(BenchOptions options, string seed, string scenario)
        {
            var path = Path.Combine(options.DataDirectory, $"run-{scenario}.db");
            File.Copy(seed, path, overwrite: true);
            File.Delete(path.Replace(".db", "-log.db"));
            return path;
        }
    }

    /// <summary>The real service on loopback Kestrel (HTTP/2), as `dotnet TrainingService.dll` runs it.</summary>
    public sealed class BenchServer : IAsyncDisposable
    {
        public const string AdminToken = "bench-administrator-token-0123456789";
        private readonly WebApplication _app;

        private BenchServer(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        /// <summary>Benchmarks measure gRPC: no HTTP/JSON endpoint, whose default port parallel runs would contend for.</summary>
        private const string NoHttpJson = "--Http:Urls=";

        public static async Task<BenchServer> StartAsync(string databasePath)
        {
            var app = TrainingHost.Build(
                // Rate limits off: these scenarios measure how much the service can do, not how much one token may.
                ["--urls=http://127.0.0.1:0", $"--Storage:Path={databasePath}", $"--Security:BootstrapAdminToken={AdminToken}",
                    "--RateLimits:Enabled=false", NoHttpJson],
                builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            await app.StartAsync();
            return new BenchServer(app, new Uri(app.Urls.First()));
        }

        /// <summary>The service as <c>--demo</c> starts it: the demo data seeded into an empty file, fresh demo credentials.</summary>
        public static async Task<(BenchServer Server, Training.Service.Demo.DemoCredentials Credentials)> StartDemoAsync(string databasePath)
        {
            File.Delete(databasePath);
            File.Delete(databasePath.Replace(".db", "-log.db"));
            var app = TrainingHost.Build(
                ["--urls=http://127.0.0.1:0", $"--Storage:Path={databasePath}", "--RateLimits:Enabled=false", NoHttpJson],
                builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            var (_, credentials) = Training.Service.Demo.DemoMode.Start(app.Services, TextWriter.Null);
            await app.StartAsync();
            return (new BenchServer(app, new Uri(app.Urls.First())), credentials);
        }

        public CallInvoker Client(string token, GrpcChannel? channel = null)
        {
            channel ??= GrpcChannel.ForAddress(Address);
            return channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
        }

        public async Task<string> FocalPointAsync(string region)
        {
            var access = new AccessService.AccessServiceClient(Client(AdminToken));
            var issued = await access.CreateAccessTokenAsync(new CreateAccessTokenRequest
            {
                AccessToken = new AccessToken { DisplayName = $"Bench focal point {region}", Role = Role.FocalPoint, RegionCode = region },
            });
            return issued.Secret;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public static class Scenarios
    {
        /// <summary>CheckEligibility latency: sequential calls from one client, random officer and session.</summary>
        public static async Task EligibilityAsync(BenchOptions options, string seed)
        {
            await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "eligibility"));
            var random = new Random(7);
            var clients = new Dictionary<string, NominationService.NominationServiceClient>();
            foreach (var region in BenchData.MemberStates)
                clients[region] = new NominationService.NominationServiceClient(server.Client(await server.FocalPointAsync(region)));

            async Task<double> Once()
            {
                var s = random.Next(BenchData.MemberStates.Length);
                var region = BenchData.MemberStates[s];
                var officer = $"memberStates/{region}/officers/o{random.Next(BenchData.OfficersIn(s, options.Officers)):D6}";
                var session = SessionName(random.Next(options.Sessions));
                var watch = Stopwatch.StartNew();
                await clients[region].CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer, Session = session });
                return watch.Elapsed.TotalMilliseconds;
            }

            var access = new AccessService.AccessServiceClient(server.Client(BenchServer.AdminToken));
            var baseline = new List<double>();
            for (var i = 0; i < 2000; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await access.GetCallerAsync(new GetCallerRequest());
                if (i >= 500) baseline.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Report("GetCaller (the cost of a round trip), 1,500 sequential calls", baseline);

            for (var i = 0; i < 500; i++) await Once();
            var latencies = new List<double>(options.Calls);
            for (var i = 0; i < options.Calls; i++) latencies.Add(await Once());
            Report($"CheckEligibility, {options.Calls:N0} sequential calls", latencies);
        }

        /// <summary>
        /// SubmitNomination throughput: many concurrent clients, each a focal point with its own connection,
        /// submitting random officers of its State to random open sessions, for a fixed time. Every accepted
        /// nomination is then counted again from the database file after the service has stopped.
        /// </summary>
        public static async Task SubmitAsync(BenchOptions options, string seed)
        {
            var path = BenchDatabase.FreshCopy(options, seed, "submit");
            long accepted = 0, refused = 0;
            var latencies = new List<double>();
            TimeSpan elapsed;
            string spent;
            await using (var server = await BenchServer.StartAsync(path))
            {
                var tokens = new Dictionary<string, string>();
                foreach (var region in BenchData.MemberStates) tokens[region] = await server.FocalPointAsync(region);
                var gauge = new WriterGauge();
                using var stop = new CancellationTokenSource();
                var watch = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
                {
                    var s = c % BenchData.MemberStates.Length;
                    var region = BenchData.MemberStates[s];
                    using var channel = GrpcChannel.ForAddress(server.Address);
                    var client = new NominationService.NominationServiceClient(server.Client(tokens[region], channel));
                    var random = new Random(c);
                    var mine = new List<double>();
                    while (!stop.IsCancellationRequested)
                    {
                        var officer = $"memberStates/{region}/officers/o{random.Next(BenchData.OfficersIn(s, options.Officers)):D6}";
                        var started = Stopwatch.GetTimestamp();
                        try
                        {
                            await client.SubmitNominationAsync(new SubmitNominationRequest
                            {
                                Parent = $"memberStates/{region}",
                                Nomination = new Nomination { Officer = officer, Session = SessionName(random.Next(options.Sessions)) },
                                RequestId = Guid.NewGuid().ToString(),
                            });
                            Interlocked.Increment(ref accepted);
                        }
                        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                        {
                            Interlocked.Increment(ref refused);
                        }
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    lock (latencies) latencies.AddRange(mine);
                })).ToList();
                await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
                stop.Cancel();
                await Task.WhenAll(workers);
                elapsed = watch.Elapsed;
                spent = gauge.Describe(accepted + refused);
                gauge.Dispose();
            }

            long stored;
            using (var database = TrainingDatabase.OpenFile(path)) stored = database.Nominations.LongCount();
            Console.WriteLine($"SubmitNomination, {options.Clients} clients for {elapsed.TotalSeconds:0} s: " +
                              $"{accepted:N0} accepted ({accepted / elapsed.TotalSeconds:N0}/s), {refused:N0} refused by the rules; " +
                              $"{stored:N0} found in the database file after the service stopped");
            Report("SubmitNomination latency", latencies);
            Console.WriteLine($"  {spent}");
        }

        /// <summary>The cheapest authenticated call from the same 50 clients: the ceiling gRPC itself puts on this machine.</summary>
        public static async Task CeilingAsync(BenchOptions options, string seed)
        {
            await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "ceiling"));
            var token = await server.FocalPointAsync("SN");
            long calls = 0;
            using var stop = new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
            {
                using var channel = GrpcChannel.ForAddress(server.Address);
                var client = new AccessService.AccessServiceClient(server.Client(token, channel));
                while (!stop.IsCancellationRequested)
                {
                    await client.GetCallerAsync(new GetCallerRequest());
                    Interlocked.Increment(ref calls);
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.Seconds, 15)));
            stop.Cancel();
            await Task.WhenAll(workers);
            Console.WriteLine($"GetCaller, {options.Clients} clients: {calls / watch.Elapsed.TotalSeconds:N0} calls/s");
        }

        /// <summary>
        /// MatchCandidates on the largest Member State (a fifth of all officers): the full hard-rule check of every
        /// officer and the ranking, per call. Requests with and without skill requirements.
        /// </summary>
        public static async Task MatchAsync(BenchOptions options, string seed)
        {
            await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "match"));
            var recruitment = new RecruitmentService.RecruitmentServiceClient(server.Client(BenchServer.AdminToken));
            async Task<string> OpenRequestAsync(Action<RecruitmentRequest> shape)
            {
                var draft = new RecruitmentRequest
                {
                    Title = "Bench request", Mission = "missions/minusca", Category = PersonnelCategory.Ipo, OfficerCount = 12,
                    DeploymentDate = Day(DateTime.UtcNow.AddDays(120)),
                    Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
                };
                shape(draft);
                var created = await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = draft });
                return (await recruitment.OpenRequestAsync(new OpenRequestRequest { Name = created.Name })).Name;
            }
            var requests = new[]
            {
                ("French B2 forensic investigators", await OpenRequestAsync(r =>
                {
                    r.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 });
                    r.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate });
                })),
                ("English B1, no skill required (most officers qualify)", await OpenRequestAsync(r =>
                    r.Languages.Add(new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B1 }))),
            };
            var region = BenchData.MemberStates[0];
            var client = new RecruitmentService.RecruitmentServiceClient(server.Client(await server.FocalPointAsync(region)));
            foreach (var (what, request) in requests)
            {
                MatchCandidatesResponse? last = null;
                for (var i = 0; i < 20; i++) last = await client.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request, RegionCode = region });
                var latencies = new List<double>();
                for (var i = 0; i < 300; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    last = await client.MatchCandidatesAsync(new MatchCandidatesRequest { Request = request, RegionCode = region });
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                Report($"MatchCandidates, {what}: {last!.EligibleCount:N0} of {last.ConsideredCount:N0} officers of {region} eligible", latencies);
            }
        }

        /// <summary>Confirmations racing for too few seats: never more confirmed than seats.</summary>
        public static async Task RaceAsync(BenchOptions options, string seed)
        {
            const int seats = 20, racers = 200;
            await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "race"));
            var admin = server.Client(BenchServer.AdminToken);
            var catalog = new CatalogService.CatalogServiceClient(admin);
            var draft = await catalog.CreateSessionAsync(new CreateSessionRequest
            {
                Parent = "courses/course-01",
                Session = new Session
                {
                    Venue = "Brindisi, UNLB", Seats = seats,
                    StartDate = Day(DateTime.UtcNow.AddDays(60)), EndDate = Day(DateTime.UtcNow.AddDays(70)),
                    NominationOpenTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)),
                    NominationCloseTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
                },
            });
            var session = await catalog.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name });
            var nominations = new List<string>();
            for (var s = 0; s < BenchData.MemberStates.Length; s++)
            {
                var region = BenchData.MemberStates[s];
                var client = new NominationService.NominationServiceClient(server.Client(await server.FocalPointAsync(region)));
                for (var i = 0; i < racers / BenchData.MemberStates.Length; i++)
                {
                    var submitted = await client.SubmitNominationAsync(new SubmitNominationRequest
                    {
                        Parent = $"memberStates/{region}",
                        Nomination = new Nomination { Officer = $"memberStates/{region}/officers/o{i:D6}", Session = session.Name },
                    });
                    nominations.Add(submitted.Nomination.Name);
                }
            }

            var deciders = new NominationService.NominationServiceClient(admin);
            var watch = Stopwatch.StartNew();
            var outcomes = await Task.WhenAll(nominations.Select(async name =>
            {
                try
                {
                    await deciders.ConfirmNominationAsync(new ConfirmNominationRequest { Name = name });
                    return "CONFIRMED";
                }
                catch (RpcException e)
                {
                    return e.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason ?? e.StatusCode.ToString();
                }
            }));
            var stats = await deciders.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
            var confirmed = outcomes.Count(o => o == "CONFIRMED");
            Console.WriteLine($"Race: {racers} concurrent confirmations for {seats} seats in {watch.ElapsedMilliseconds} ms: " +
                              $"{confirmed} confirmed, {outcomes.Count(o => o == "SESSION_FULL")} SESSION_FULL, others: " +
                              $"{string.Join(", ", outcomes.Where(o => o is not ("CONFIRMED" or "SESSION_FULL")).GroupBy(o => o).Select(g => $"{g.Key}×{g.Count()}"))}; " +
                              $"the service counts {stats.Overall.Confirmed} confirmed → {(stats.Overall.Confirmed <= seats && confirmed == seats ? "no overbooking" : "OVERBOOKED")}");
        }

        private static string SessionName(int index) => $"courses/course-{index % 40:D2}/sessions/s{index:D5}";

        private static Google.Type.Date Day(DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

        private static void Report(string what, List<double> latencies)
        {
            latencies.Sort();
            double P(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
            Console.WriteLine($"{what}: p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {latencies.LastOrDefault():0.00} ms (n = {latencies.Count:N0})");
        }
    }
}
