using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Unpol.Training.V1;

namespace Training.Bench;

/// <summary>
/// Reads at scale (issue 15): every read people make all day, measured against a bare grpc-dotnet echo server with
/// the same load generator, at concurrency 1 and <see cref="BenchOptions.Clients"/>. The service runs as an
/// operator runs it — its own process, on a fresh copy of the benchmark database — and so does the echo server;
/// for each call and concurrency an echo run is made right before the service run and the service's figures are
/// given as a ratio to it, so a busy machine shifts both. Then the service's resident memory after all of that,
/// its start-up to SERVING over several launches (the first on the fresh copy, every officer read from its document;
/// the others restarts after a clean stop, from the roster image), and the first MatchCandidates of a State after each.
/// <para>
/// Options: <c>--seconds</c> per measured window (10), <c>--warmup</c> seconds before each (3), <c>--clients</c>
/// the high concurrency (50), <c>--launches</c> of the service timed to SERVING (3), <c>--only key,key</c> to run
/// some calls (see <see cref="Calls"/>), <c>--service-env "NAME=value;…"</c> to try runtime settings on the
/// service (e.g. <c>DOTNET_gcServer=0</c>), <c>--service-dll</c> to run a published service (as operators install it)
/// instead of the build beside the benchmark, <c>--profile</c> to print the service's pid with the dotnet-counters and
/// dotnet-trace commands for it and wait 20 s for them before measuring.
/// </para>
/// </summary>
public static class ReadBenchmark
{
    public const string BootstrapToken = "bench-bootstrap-administrator-0123456789";

    public static async Task RunAsync(BenchOptions options, string seed, string[] args)
    {
        var settings = Settings.Parse(options, args);
        // As an operator runs it: published as docs/operations.md says (ReadyToRun), given by --service-dll; else the build.
        var serviceDll = settings.ServiceDll ?? ServerProcess.ServiceAssembly();
        var serverGc = ServerProcess.UsesServerGc(serviceDll);
        Console.WriteLine($"Reads at scale: {settings.Window.TotalSeconds:0} s measured after {settings.WarmUp.TotalSeconds:0} s of warm-up, " +
                          $"concurrency {string.Join(" and ", settings.Concurrencies)}; load average {LoadGenerator.LoadAverage():0.0} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"  service: dotnet {serviceDll} ({(serverGc ? "server" : "workstation")} GC, rate limits {(settings.RateLimits ? "on" : "off")}" +
                          $"{Describe(settings.ServiceEnvironment)})");

        await using var echo = await ServerProcess.LaunchAsync("echo server", typeof(ReadBenchmark).Assembly.Location,
            address => [EchoServer.Mode, $"--urls={address}"],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = serverGc ? "1" : "0" });
        Console.WriteLine($"  echo server: pid {echo.Pid}, serving {echo.StartUp.TotalMilliseconds:N0} ms after launch, {echo.Memory().ResidentMiB:N0} MiB resident");

        var database = BenchDatabase.FreshCopy(options, seed, "reads");
        var launches = new List<Launch>();
        var results = new List<(Call Call, int Concurrency, Measurement Echo, Measurement Service)>();
        (double ResidentMiB, double PeakMiB) afterReads;
        await using (var service = await LaunchServiceAsync(serviceDll, database, settings))
        {
            launches.Add(await FirstCallsAsync(service));
            Console.WriteLine($"  service: pid {service.Pid}, {launches[0]}");
            var calls = await PrepareAsync(service, options);
            foreach (var call in calls) Console.WriteLine($"  {call.Title}: {call.Answer}");
            if (settings.Profile) await OfferProfilingAsync(service);

            var echoLoop = EchoLoop();
            // The echo server's code tiered up before its first figure counts, as the service's is by its preparation.
            await LoadGenerator.RunAsync(echo, settings.Concurrencies[^1], TimeSpan.Zero, settings.WarmUp + settings.WarmUp, echoLoop);
            foreach (var call in calls.Where(c => settings.Only is null || settings.Only.Contains(c.Key)))
                foreach (var concurrency in settings.Concurrencies)
                {
                    var onEcho = await LoadGenerator.RunAsync(echo, concurrency, settings.WarmUp, settings.Window, echoLoop);
                    var onService = await LoadGenerator.RunAsync(service, concurrency, settings.WarmUp, settings.Window, call.Loop);
                    results.Add((call, concurrency, onEcho, onService));
                    Console.WriteLine($"  {call.Title}, concurrency {concurrency}: {Figures(onService)} | echo {Figures(onEcho)} | " +
                                      $"ratio {onService.CallsPerSecond / onEcho.CallsPerSecond:0.000} | CPU per call: server {Microseconds(onService.ServerCpuPerCall)}, " +
                                      $"client {Microseconds(onService.ClientCpuPerCall)} (echo: {Microseconds(onEcho.ServerCpuPerCall)}, {Microseconds(onEcho.ClientCpuPerCall)}) | " +
                                      $"load {onService.LoadAverage:0.0}" +
                                      (onService.Errors > 0 ? $" | {onService.Errors:N0} errors, first: {onService.FirstError}" : ""));
                }
            afterReads = service.Memory();
            Console.WriteLine($"  service memory after the reads: {afterReads.ResidentMiB:N0} MiB resident, peak {afterReads.PeakMiB:N0} MiB " +
                              $"(echo server: {echo.Memory().ResidentMiB:N0} MiB)");
            if (settings.Profile) await OfferMemoryProfilingAsync(service);
        }

        for (var i = 1; i < settings.Launches; i++)
        {
            await using var again = await LaunchServiceAsync(serviceDll, database, settings);
            launches.Add(await FirstCallsAsync(again));
            Console.WriteLine($"  launch {i + 1}: {launches[^1]}");
        }

        Console.WriteLine();
        Console.WriteLine(Summary(results, launches, afterReads, settings));
    }

    private static Task<ServerProcess> LaunchServiceAsync(string serviceDll, string database, Settings settings) =>
        ServerProcess.LaunchAsync("TrainingService", serviceDll,
            // The budgets per token (RateLimits) would measure the limiter, not the reads: off unless --rate-limits on.
            address => [$"--Storage:Path={database}", $"--Urls={address}", "--Http:Urls=", $"--Security:BootstrapAdminToken={BootstrapToken}",
                $"--RateLimits:Enabled={(settings.RateLimits ? "true" : "false")}"],
            settings.ServiceEnvironment);

    /// <summary>
    /// What a caller meets right after a launch: the first call of all, then the first MatchCandidates of the
    /// largest State and of a second one (a session of a course asking English B1, so most officers qualify), and
    /// the largest State's again for comparison, one candidate more so that the service computes it again rather
    /// than answer the match it remembers.
    /// </summary>
    private static async Task<Launch> FirstCallsAsync(ServerProcess service)
    {
        var memory = service.Memory();
        using var channel = GrpcChannel.ForAddress(service.Address);
        var headers = Bearer(BootstrapToken);
        var access = new AccessService.AccessServiceClient(channel);
        var recruitment = new RecruitmentService.RecruitmentServiceClient(channel);
        var session = SessionName(0);
        async Task<double> TimedAsync(Func<Task> call)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await call();
            return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var firstCall = await TimedAsync(() => access.GetCallerAsync(new GetCallerRequest(), headers).ResponseAsync);
        var firstMatch = await TimedAsync(() => recruitment.MatchCandidatesAsync(
            new MatchCandidatesRequest { Session = session, RegionCode = BenchData.MemberStates[0] }, headers).ResponseAsync);
        var otherState = await TimedAsync(() => recruitment.MatchCandidatesAsync(
            new MatchCandidatesRequest { Session = session, RegionCode = BenchData.MemberStates[1] }, headers).ResponseAsync);
        var secondMatch = await TimedAsync(() => recruitment.MatchCandidatesAsync(
            new MatchCandidatesRequest { Session = session, RegionCode = BenchData.MemberStates[0], PageSize = 51 }, headers).ResponseAsync);
        return new Launch(service.StartUp.TotalMilliseconds, memory.ResidentMiB, firstCall, firstMatch, otherState, secondMatch);
    }

    /// <summary>Tokens and recruitment requests the calls need, then every call made once to show what it answers.</summary>
    private static async Task<List<Call>> PrepareAsync(ServerProcess service, BenchOptions options)
    {
        using var channel = GrpcChannel.ForAddress(service.Address);
        var bootstrap = Bearer(BootstrapToken);
        var access = new AccessService.AccessServiceClient(channel);
        async Task<string> IssueAsync(Role role, string? region) => (await access.CreateAccessTokenAsync(new CreateAccessTokenRequest
        {
            AccessToken = new AccessToken { DisplayName = $"Bench {role} {region}".TrimEnd(), Role = role, RegionCode = region ?? "" },
        }, bootstrap)).Secret;
        var largest = BenchData.MemberStates[0];
        var focalPoint = await IssueAsync(Role.FocalPoint, largest);
        var administrator = await IssueAsync(Role.Administrator, null);

        var recruitment = new RecruitmentService.RecruitmentServiceClient(channel);
        async Task<string> OpenRequestAsync(Action<RecruitmentRequest> shape)
        {
            var draft = new RecruitmentRequest
            {
                Title = "Bench request", Mission = "missions/minusca", Category = PersonnelCategory.Ipo, OfficerCount = 12,
                DeploymentDate = Day(DateTime.UtcNow.AddDays(120)),
                Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
            };
            shape(draft);
            var created = await recruitment.CreateRequestAsync(new CreateRequestRequest { Request = draft }, bootstrap);
            return (await recruitment.OpenRequestAsync(new OpenRequestRequest { Name = created.Name }, bootstrap)).Name;
        }
        void FrenchForensics(RecruitmentRequest r)
        {
            r.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 });
            r.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate });
        }
        void EnglishOnly(RecruitmentRequest r) => r.Languages.Add(new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B1 });
        var frenchForensics = new List<string>();
        var englishOnly = new List<string>();
        for (var i = 0; i < FreshMatches.Requests; i++)
        {
            frenchForensics.Add(await OpenRequestAsync(FrenchForensics));
            englishOnly.Add(await OpenRequestAsync(EnglishOnly));
        }

        var calls = Calls(options, focalPoint, administrator, frenchForensics, englishOnly);
        foreach (var call in calls) call.Answer = await call.DescribeAsync(channel);
        return calls;
    }

    /// <summary>The calls measured, by key (for <c>--only</c>), with the targets of issue 15.</summary>
    private static List<Call> Calls(BenchOptions options, string focalPoint, string administrator, List<string> frenchForensics, List<string> englishOnly)
    {
        var largest = BenchData.MemberStates[0];
        var inLargest = BenchData.OfficersIn(0, options.Officers);
        var narrow = new SearchOfficersRequest
        {
            RegionCodes = { largest },
            Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
            Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Basic } },
        };
        var rare = new SearchOfficersRequest
        {
            RegionCodes = { largest },
            Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
            Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Advanced } },
            Gender = Gender.Female,
        };
        var broad = new SearchOfficersRequest
        {
            Languages = { new LanguageRequirement { LanguageCode = "en", MinimumLevel = CefrLevel.B1 } },
            Availability = Availability.Available,
        };
        var sessions = new ListSessionsRequest { Parent = "courses/-", PageSize = 50 };
        var pairs = EligibilityPairs(options, 20_000);
        var searchTargets = (Target.P99AtMost(25), Target.RateAtLeast(500));
        var matchTargets = (Target.P99AtMost(100), Target.RateAtLeast(100));

        return
        [
            new Call("getcaller-stored", "GetCaller, a stored token", null, Target.RatioAtLeast(0.8),
                (channel, _) => Unary(new AccessService.AccessServiceClient(channel), focalPoint, (c, h) => c.GetCallerAsync(new GetCallerRequest(), h)),
                async channel => $"{(await new AccessService.AccessServiceClient(channel).GetCallerAsync(new GetCallerRequest(), Bearer(focalPoint))).DisplayName}"),
            new Call("getcaller-bootstrap", "GetCaller, the bootstrap token", null, null,
                (channel, _) => Unary(new AccessService.AccessServiceClient(channel), BootstrapToken, (c, h) => c.GetCallerAsync(new GetCallerRequest(), h)),
                async channel => $"{(await new AccessService.AccessServiceClient(channel).GetCallerAsync(new GetCallerRequest(), Bearer(BootstrapToken))).DisplayName}"),
            new Call("getofficer", $"GetOfficer, {inLargest:N0} random officers of {largest}", null, Target.RatioAtLeast(0.5),
                (channel, random) => Unary(new RosterService.RosterServiceClient(channel), focalPoint,
                    (c, h) => c.GetOfficerAsync(new GetOfficerRequest { Name = OfficerName(0, random.Next(inLargest)) }, h)),
                async channel => $"{(await new RosterService.RosterServiceClient(channel).GetOfficerAsync(new GetOfficerRequest { Name = OfficerName(0, 0) }, Bearer(focalPoint))).CalculateSize():N0} bytes an officer"),
            new Call("listsessions", "ListSessions, a page of 50", null, Target.RatioAtLeast(0.3),
                (channel, _) => Unary(new CatalogService.CatalogServiceClient(channel), focalPoint, (c, h) => c.ListSessionsAsync(sessions, h)),
                async channel =>
                {
                    var page = await new CatalogService.CatalogServiceClient(channel).ListSessionsAsync(sessions, Bearer(focalPoint));
                    return $"{page.Sessions.Count} sessions, {page.CalculateSize():N0} bytes";
                }),
            new Call("search-narrow", $"SearchOfficers {largest}, French ≥ B2, forensics", searchTargets.Item1, searchTargets.Item2,
                (channel, _) => Unary(new RosterService.RosterServiceClient(channel), focalPoint, (c, h) => c.SearchOfficersAsync(narrow, h)),
                channel => CountAsync(channel, focalPoint, narrow)),
            new Call("search-rare", $"SearchOfficers {largest}, French ≥ B2, advanced forensics, women", searchTargets.Item1, searchTargets.Item2,
                (channel, _) => Unary(new RosterService.RosterServiceClient(channel), focalPoint, (c, h) => c.SearchOfficersAsync(rare, h)),
                channel => CountAsync(channel, focalPoint, rare)),
            new Call("search-broad", "SearchOfficers all States, English ≥ B1, available", null, null,
                (channel, _) => Unary(new RosterService.RosterServiceClient(channel), administrator, (c, h) => c.SearchOfficersAsync(broad, h)),
                channel => CountAsync(channel, administrator, broad)),
            new Call("checkeligibility", $"CheckEligibility, {pairs.Length:N0} random officer/session pairs", Target.P99AtMost(10), Target.RateAtLeast(5_000),
                (channel, random) => Unary(new NominationService.NominationServiceClient(channel), administrator,
                    (c, h) => c.CheckEligibilityAsync(pairs[random.Next(pairs.Length)], h)),
                async channel =>
                {
                    var client = new NominationService.NominationServiceClient(channel);
                    var eligible = 0;
                    for (var i = 0; i < 200; i++) eligible += (await client.CheckEligibilityAsync(pairs[i], Bearer(administrator))).Eligible ? 1 : 0;
                    return $"{eligible} of the first 200 pairs eligible";
                }),
            new Call("match-french", $"MatchCandidates {largest}, French ≥ B2 + forensics, the same request each time", matchTargets.Item1, matchTargets.Item2,
                (channel, _) => Unary(new RecruitmentService.RecruitmentServiceClient(channel), administrator,
                    (c, h) => c.MatchCandidatesAsync(new MatchCandidatesRequest { Request = frenchForensics[0], RegionCode = largest }, h)),
                channel => MatchedAsync(channel, administrator, frenchForensics[0], largest)),
            new Call("match-all", $"MatchCandidates {largest}, English ≥ B1 (all qualify), the same request each time", matchTargets.Item1, matchTargets.Item2,
                (channel, _) => Unary(new RecruitmentService.RecruitmentServiceClient(channel), administrator,
                    (c, h) => c.MatchCandidatesAsync(new MatchCandidatesRequest { Request = englishOnly[0], RegionCode = largest }, h)),
                channel => MatchedAsync(channel, administrator, englishOnly[0], largest)),
            FreshMatches.Call("match-french-fresh", $"MatchCandidates {largest}, French ≥ B2 + forensics, never the same match twice",
                matchTargets, administrator, frenchForensics, largest),
            FreshMatches.Call("match-all-fresh", $"MatchCandidates {largest}, English ≥ B1 (all qualify), never the same match twice",
                matchTargets, administrator, englishOnly, largest),
        ];
    }

    /// <summary>The echo server's GetCaller, with the same metadata a service call carries.</summary>
    private static LoadGenerator.LoopFactory EchoLoop() =>
        (channel, _) => Unary(new AccessService.AccessServiceClient(channel), BootstrapToken, (c, h) => c.GetCallerAsync(new GetCallerRequest(), h));

    private static Func<Task> Unary<TClient, TReply>(TClient client, string token, Func<TClient, Metadata, AsyncUnaryCall<TReply>> call)
    {
        var headers = Bearer(token);
        return () => call(client, headers).ResponseAsync;
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    /// <summary>How many officers a search finds in all (pages of 500), and what its first page holds.</summary>
    private static async Task<string> CountAsync(GrpcChannel channel, string token, SearchOfficersRequest request)
    {
        var client = new RosterService.RosterServiceClient(channel);
        var first = await client.SearchOfficersAsync(request, Bearer(token));
        var all = request.Clone();
        all.PageSize = 500;
        var total = 0;
        for (var pages = 0; pages < 400; pages++)
        {
            var page = await client.SearchOfficersAsync(all, Bearer(token));
            total += page.Officers.Count;
            if (page.NextPageToken.Length == 0) return $"{total:N0} officers match; a page of {first.Officers.Count} is {first.CalculateSize():N0} bytes";
            all.PageToken = page.NextPageToken;
        }
        return $"over {total:N0} officers match; a page of {first.Officers.Count} is {first.CalculateSize():N0} bytes";
    }

    private static async Task<string> MatchedAsync(GrpcChannel channel, string token, string request, string region)
    {
        var reply = await new RecruitmentService.RecruitmentServiceClient(channel)
            .MatchCandidatesAsync(new MatchCandidatesRequest { Request = request, RegionCode = region }, Bearer(token));
        return $"{reply.EligibleCount:N0} of {reply.ConsideredCount:N0} eligible, {reply.Candidates.Count} returned";
    }

    /// <summary>Officer/session pairs drawn uniformly over every officer of every State and every session.</summary>
    private static CheckEligibilityRequest[] EligibilityPairs(BenchOptions options, int count)
    {
        var random = new Random(15);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var index = random.Next(options.Officers);
            var state = 0;
            while (index >= BenchData.OfficersIn(state, options.Officers)) index -= BenchData.OfficersIn(state++, options.Officers);
            return new CheckEligibilityRequest { Officer = OfficerName(state, index), Session = SessionName(random.Next(options.Sessions)) };
        }).ToArray();
    }

    private static string OfficerName(int state, int index) => $"memberStates/{BenchData.MemberStates[state]}/officers/o{index:D6}";

    private static string SessionName(int index) => $"courses/course-{index % 40:D2}/sessions/s{index:D5}";

    private static Google.Type.Date Day(DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static async Task OfferProfilingAsync(ServerProcess service)
    {
        Console.WriteLine($"""
              Profile the service (pid {service.Pid}) while it is measured, from another terminal:
                dotnet-counters monitor -p {service.Pid} --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft-AspNetCore-Server-Kestrel
                dotnet-trace collect -p {service.Pid} --profile dotnet-sampled-thread-time --duration 00:00:30 -o reads.nettrace
              Measuring in 20 s.
            """);
        await Task.Delay(TimeSpan.FromSeconds(20));
    }

    private static async Task OfferMemoryProfilingAsync(ServerProcess service)
    {
        Console.WriteLine($"""
              What the service holds after the reads (pid {service.Pid}), from another terminal:
                dotnet-gcdump collect -p {service.Pid} -o reads.gcdump && dotnet-gcdump report reads.gcdump
              Stopping it in 30 s.
            """);
        await Task.Delay(TimeSpan.FromSeconds(30));
    }

    private static string Figures(Measurement m) =>
        $"{m.CallsPerSecond:N0}/s, p50 {Milliseconds(m.P50)}, p99 {Milliseconds(m.P99)}";

    private static string Milliseconds(double ms) => ms switch
    {
        double.NaN => "–",
        < 10 => $"{ms:0.00} ms",
        < 1000 => $"{ms:0} ms",
        _ => $"{ms / 1000:0.00} s",
    };

    private static string Microseconds(double us) => double.IsNaN(us) ? "–" : $"{us:N0} µs";

    private static string Describe(IReadOnlyDictionary<string, string> environment) =>
        environment.Count == 0 ? "" : "; " + string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}"));

    /// <summary>The figures as a markdown table for docs/benchmarks.md, with the targets of issue 15 beside them.</summary>
    private static string Summary(List<(Call Call, int Concurrency, Measurement Echo, Measurement Service)> results, List<Launch> launches,
        (double ResidentMiB, double PeakMiB) memory, Settings settings)
    {
        var text = new StringBuilder();
        var low = settings.Concurrencies[0];
        var high = settings.Concurrencies[^1];
        text.AppendLine(CultureInfo.InvariantCulture, $"| call | concurrency {low} | concurrency {high} | ratio to echo at {low} / {high} | server CPU per call at {high} | target | |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => r.Call))
        {
            var one = group.FirstOrDefault(r => r.Concurrency == low);
            // With one concurrency only (--clients 1) there is no second column and no target at many.
            var many = high == low ? default : group.FirstOrDefault(r => r.Concurrency == high);
            var verdicts = new List<string>();
            var targets = new List<string>();
            if (group.Key.AtOne is { } atOne && one.Service is not null)
            {
                targets.Add($"{atOne.Text} at {low}");
                verdicts.Add(atOne.Met(one.Service, one.Echo) ? "met" : "not met");
            }
            if (group.Key.AtMany is { } atMany && many.Service is not null)
            {
                targets.Add($"{atMany.Text} at {high}");
                verdicts.Add(atMany.Met(many.Service, many.Echo) ? "met" : "not met");
            }
            string Cell((Call, int, Measurement Echo, Measurement Service) r) => r.Service is null ? "" :
                $"{Figures(r.Service)} (echo {r.Echo.CallsPerSecond:N0}/s; load {r.Service.LoadAverage:0.0})";
            string Ratio((Call, int, Measurement Echo, Measurement Service) r) => r.Service is null ? "–" : $"{r.Service.CallsPerSecond / r.Echo.CallsPerSecond:0.000}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Title} | {Cell(one)} | {Cell(many)} | {Ratio(one)} / {Ratio(many)} | " +
                $"{(many.Service is null ? "" : $"{Microseconds(many.Service.ServerCpuPerCall)} (echo {Microseconds(many.Echo.ServerCpuPerCall)})")} | " +
                $"{string.Join("; ", targets)} | {string.Join(", ", verdicts)} |");
        }
        // A lazy roster load showed as 0.3–2.8 s on top of the first call of a State (issue 15); JIT adds less than that.
        var waitedForLoad = launches.Max(l => l.FirstMatchMs - l.SecondMatchMs) >= 300;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| first MatchCandidates of a State after start-up ({launches.Count} launches: {BenchData.MemberStates[0]}, then {BenchData.MemberStates[1]}) | " +
            $"{string.Join("; ", launches.Select(l => $"{l.FirstMatchMs:N0} / {l.OtherStateMatchMs:N0} ms (second call {l.SecondMatchMs:N0} ms)"))} | | | | " +
            $"no roster load: the first no more than 300 ms above the second | {(waitedForLoad ? "not met" : "met")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| resident memory after all of the above | {memory.ResidentMiB:N0} MiB (peak {memory.PeakMiB:N0} MiB) | | | | ≤ 400 MB | {(memory.ResidentMiB * 1.048576 <= 400 ? "met" : "not met")} |");
        // The first launch is on a fresh copy of the seed: no roster image, every officer read from its document (as after
        // a crash or a restore). Each later launch follows a clean stop (SIGTERM) of the one before: a restart.
        var restarts = launches.Skip(1).Select(l => l.StartUpMs).Order().ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| start-up to SERVING, first start on the seed (officers from their documents) | {launches[0].StartUpMs:N0} ms " +
            $"(resident at SERVING {launches[0].ResidentMiB:N0} MiB) | | | | | |");
        if (restarts.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| start-up to SERVING, restarts after a clean stop ({restarts.Count}, from the roster image) | " +
                $"{string.Join(", ", launches.Skip(1).Select(l => $"{l.StartUpMs:N0} ms"))} " +
                $"(resident at SERVING {string.Join(", ", launches.Skip(1).Select(l => $"{l.ResidentMiB:N0}"))} MiB) | | | | ≤ 2 s | {(restarts[^1] <= 2000 ? "met" : "not met")} |");
        return text.ToString();
    }

    /// <summary>
    /// Matches the service cannot have remembered: it keeps the last 32 matches (by request, State, page size, data
    /// version and minute), so cycling through <see cref="Requests"/> equal requests × <see cref="Sizes"/> page sizes
    /// of 50 or a little more — more distinct matches than it keeps — makes it compute every one, as fifty
    /// administrators matching fifty different requests would.
    /// </summary>
    private static class FreshMatches
    {
        public const int Requests = 12;
        public const int Sizes = 25;

        public static Call Call(string key, string title, (Target AtOne, Target AtMany) targets, string token, List<string> requests, string region)
        {
            var matches = requests.SelectMany(request => Enumerable.Range(50, Sizes).Select(size =>
                new MatchCandidatesRequest { Request = request, RegionCode = region, PageSize = size })).ToArray();
            var next = -1L;
            return new Call(key, title, targets.AtOne, targets.AtMany,
                (channel, _) => Unary(new RecruitmentService.RecruitmentServiceClient(channel), token,
                    (c, h) => c.MatchCandidatesAsync(matches[(int)(Interlocked.Increment(ref next) % matches.Length)], h)),
                _ => Task.FromResult($"{matches.Length} distinct matches in turn ({requests.Count} equal requests × page sizes 50–{49 + Sizes})"));
        }
    }

    /// <summary>A call measured: how each loop makes it, what it answers (shown before measuring), its targets.</summary>
    private sealed class Call(string key, string title, Target? atOne, Target? atMany, LoadGenerator.LoopFactory loop, Func<GrpcChannel, Task<string>> describe)
    {
        public string Key { get; } = key;
        public string Title { get; } = title;
        public Target? AtOne { get; } = atOne;
        public Target? AtMany { get; } = atMany;
        public LoadGenerator.LoopFactory Loop { get; } = loop;
        public string Answer { get; set; } = "";

        public Task<string> DescribeAsync(GrpcChannel channel) => describe(channel);
    }

    /// <summary>A target of issue 15 on one measurement (with the echo run made next to it).</summary>
    private sealed record Target(string Text, Func<Measurement, Measurement, bool> Met)
    {
        public static Target P99AtMost(double ms) => new($"p99 ≤ {ms:0} ms", (service, _) => service.P99 <= ms);

        public static Target RateAtLeast(double perSecond) => new($"≥ {perSecond:N0}/s", (service, _) => service.CallsPerSecond >= perSecond);

        public static Target RatioAtLeast(double ratio) =>
            new($"≥ {ratio:0.0} × echo", (service, echo) => service.CallsPerSecond >= ratio * echo.CallsPerSecond);
    }

    private sealed record Launch(double StartUpMs, double ResidentMiB, double FirstCallMs, double FirstMatchMs, double OtherStateMatchMs, double SecondMatchMs)
    {
        public override string ToString() =>
            $"serving {StartUpMs:N0} ms after launch, {ResidentMiB:N0} MiB resident; first call {FirstCallMs:N0} ms, " +
            $"first MatchCandidates of {BenchData.MemberStates[0]} {FirstMatchMs:N0} ms, of {BenchData.MemberStates[1]} {OtherStateMatchMs:N0} ms, " +
            $"{BenchData.MemberStates[0]} again {SecondMatchMs:N0} ms";
    }

    private sealed record Settings(TimeSpan Window, TimeSpan WarmUp, int[] Concurrencies, int Launches, HashSet<string>? Only,
        IReadOnlyDictionary<string, string> ServiceEnvironment, bool Profile, bool RateLimits, string? ServiceDll)
    {
        public static Settings Parse(BenchOptions options, string[] args)
        {
            string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
            int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            // --seconds means the whole run for the other scenarios (60 by default); here it is each measured window.
            var window = Value("--seconds") is null ? 10 : options.Seconds;
            var environment = (Value("--service-env") ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
            return new Settings(TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(Number("--warmup", 3)),
                options.Clients == 1 ? [1] : [1, options.Clients], Math.Max(1, Number("--launches", 3)),
                Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
                environment, args.Contains("--profile"), options.RateLimits, Value("--service-dll") is { } dll ? Path.GetFullPath(dll) : null);
        }
    }
}
