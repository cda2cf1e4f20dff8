using System.Diagnostics;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Training.Service.Tests.Http;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Docs;

/// <summary>
/// The examples of docs/integration.md cannot go stale: the curl blocks are run, as written and in order, by bash
/// against a real service; so is the Node.js program, by node with the stock gRPC libraries; each grpcurl line must
/// name a method of the contract and send a well-formed request.
/// </summary>
public sealed partial class IntegrationDocTests
{
    private static readonly string Document = Path.Combine(Repository.Root, "docs", "integration.md");

    /// <summary>Where <c>npm ci --prefix docs/examples/node</c> (run by ./test) installs the Node.js example's libraries.</summary>
    internal static readonly string NodeModules = Path.Combine(Repository.Root, "docs", "examples", "node", "node_modules");

    [CurlFact]
    public async Task TheCurlExamples_RunAsWritten_AgainstARealService()
    {
        await using var service = await TestService.StartAsync(http: true);
        var session = await OpenSessionWithThreeSenegaleseOfficersAsync(service);

        var blocks = Blocks("sh").ToList();
        Assert.True(blocks.Count >= 8, $"Expected the curl examples in {Document}, found {blocks.Count} blocks.");
        var folder = Directory.CreateTempSubdirectory("training-doc-");
        try
        {
            var script = "set -euo pipefail\n" + string.Join("\n", blocks);
            var (exit, output) = await RunAsync("bash", ["-c", script], folder.FullName, new Dictionary<string, string>
            {
                ["TRAINING"] = service.HttpAddress!,
                ["ADMIN_TOKEN"] = TestService.BootstrapToken,
            });
            Assert.True(exit == 0, $"The examples failed (exit {exit}):\n{output}");
            Assert.Contains("ROLE_INTEGRATION", output);
            Assert.Contains(session.Name, output);
            Assert.Contains("\"eligible\":true", output);
            Assert.Contains("OFFICER_NOT_ELIGIBLE", output);
            Assert.Contains("HTTP 400", output);
            Assert.Matches(@"[2-9] pages", output);
            var nominations = Regex.Matches(output, "nomination-[12].json:\"name\":\"(memberStates/SN/nominations/[^\"]+)\"");
            Assert.Equal(2, nominations.Count);
            Assert.Equal(nominations[0].Groups[1].Value, nominations[1].Groups[1].Value);
            Assert.StartsWith("national_police_id,", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "roster-SN.csv")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [NodeFact]
    public async Task TheNodeExample_RunsAsWritten_WithTheStockGrpcLibraries_AgainstARealService()
    {
        Assert.True(Directory.Exists(NodeModules), $"{NodeModules} is missing: run npm ci --prefix docs/examples/node (./test does).");
        await using var service = await TestService.StartAsync(kestrel: true);
        var session = await OpenSessionWithThreeSenegaleseOfficersAsync(service);

        var example = Assert.Single(Blocks("js"));
        // The program as an integrator saves it, beside the libraries that docs/examples/node/package.json pins.
        var folder = Directory.CreateTempSubdirectory("training-node-");
        try
        {
            var program = Path.Combine(folder.FullName, "training.mjs");
            await File.WriteAllTextAsync(program, example);
            Directory.CreateSymbolicLink(Path.Combine(folder.FullName, "node_modules"), NodeModules);
            // Run from the repository root, as the document says: the protos are found there by default.
            var (exit, output) = await RunAsync("node", [program], Repository.Root, new Dictionary<string, string>
            {
                ["TRAINING_GRPC"] = new Uri(service.Urls.Single()).Authority,
                ["ADMIN_TOKEN"] = TestService.BootstrapToken,
            });
            Assert.True(exit == 0, $"The Node.js example failed (exit {exit}):\n{output}");
            Assert.Matches(@"token created: accessTokens/\S+ ROLE_INTEGRATION", output);
            Assert.Contains($"open sessions: 1, first {session.Name}", output);
            Assert.Contains("officers found: 3, first memberStates/SN/officers/", output);
            Assert.Contains("eligible: true", output);
            var first = Regex.Match(output, "submitted: (memberStates/SN/nominations/\\S+)");
            Assert.True(first.Success, $"No nomination submitted:\n{output}");
            var nomination = first.Groups[1].Value;
            Assert.Contains($"submitted again: {nomination}\n", output);
            Assert.Matches(@"officers of SN: 3 in [2-9] pages", output);
            Assert.Contains($"watch saw: {nomination} at sequence ", output);

            // The resubmission returned the first nomination instead of making a second one.
            var nominations = new NominationService.NominationServiceClient(service.AsAdmin());
            var listed = await nominations.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" });
            Assert.Equal([nomination], listed.Nominations.Select(n => n.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheGrpcurlExamples_NameMethodsOfTheContract_AndSendWellFormedRequests()
    {
        var methods = HttpJsonTests.ContractFiles.SelectMany(f => f.Services).SelectMany(s => s.Methods)
            .ToDictionary(m => m.FullName.Replace($".{m.Name}", $"/{m.Name}"));
        var lines = Blocks("grpcurl").SelectMany(b => b.Split('\n')).Where(l => l.StartsWith("grpcurl", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 7, $"Expected the grpcurl examples in {Document}.");
        var parser = new JsonParser(JsonParser.Settings.Default);
        foreach (var line in lines)
        {
            var call = GrpcurlCall().Match(line);
            Assert.True(call.Success, $"Not a grpcurl call with -d and a method: {line}");
            Assert.True(methods.TryGetValue(call.Groups["method"].Value, out var method), $"No method {call.Groups["method"].Value} in the contract.");
            parser.Parse(call.Groups["body"].Value, method.InputType);
        }
    }

    /// <summary>The world every example expects: one open session, and three officers of Senegal with French at C1.</summary>
    private static async Task<Session> OpenSessionWithThreeSenegaleseOfficersAsync(TestService service)
    {
        var catalog = new CatalogService.CatalogServiceClient(service.AsAdmin());
        var course = await catalog.CreateCourseAsync("DOC-STM", "doc-stm");
        var session = await catalog.CreateSessionAsync(course.Name, new DateOnly(2027, 3, 1), "march");
        await catalog.OpenSessionAsync(new OpenSessionRequest { Name = session.Name });
        var roster = new RosterService.RosterServiceClient(service.As(await service.FocalPointAsync("SN")));
        foreach (var family in new[] { "Diop", "Fall", "Sy" })
            await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer(family) });
        return session;
    }

    private static IEnumerable<string> Blocks(string language) =>
        FencedBlock().Matches(File.ReadAllText(Document)).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value);

    /// <summary>
    /// Runs an example to its end, or for two minutes at most: an example that hangs (a watch never cancelled, a
    /// service that stopped answering) is killed, and its output so far is the failure message.
    /// </summary>
    private static async Task<(int Exit, string Output)> RunAsync(string program, IEnumerable<string> arguments, string folder,
        IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{await output}{await errors}\n({program} was still running after 2 minutes and was killed.)");
        }
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"-d '(?<body>[^']*)' \S+ (?<method>unpol\.training\.v1\.\w+/\w+)\s*$")]
    private static partial Regex GrpcurlCall();
}

/// <summary>A test that needs curl: skipped with a message where it is missing, except under CI=true, where it must run.</summary>
public sealed class CurlFactAttribute : FactAttribute
{
    public CurlFactAttribute()
    {
        if (!Tools.OnPath("curl") && !Tools.UnderCi)
            Skip = "curl is not installed: the curl examples of docs/integration.md were not run.";
    }
}

/// <summary>
/// A test that needs node and the Node.js example's libraries (installed by ./test with npm ci): skipped with a message
/// where either is missing, except under CI=true, where it must run.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Tools.UnderCi) return;
        if (!Tools.OnPath("node"))
            Skip = "node is not installed: the Node.js example of docs/integration.md was not run.";
        else if (!Directory.Exists(IntegrationDocTests.NodeModules))
            Skip = "docs/examples/node/node_modules is missing (./test installs it with npm ci --prefix docs/examples/node): "
                + "the Node.js example of docs/integration.md was not run.";
    }
}

internal static class Tools
{
    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(p => File.Exists(Path.Combine(p, program)));
}
