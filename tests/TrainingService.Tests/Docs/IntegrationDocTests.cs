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
/// against a real service; each grpcurl line must name a method of the contract and send a well-formed request.
/// </summary>
public sealed partial class IntegrationDocTests
{
    private static readonly string Document = Path.Combine(Repository.Root, "docs", "integration.md");

    [CurlFact]
    public async Task TheCurlExamples_RunAsWritten_AgainstARealService()
    {
        await using var service = await TestService.StartAsync(http: true);
        var catalog = new CatalogService.CatalogServiceClient(service.AsAdmin());
        var course = await catalog.CreateCourseAsync("DOC-STM", "doc-stm");
        var session = await catalog.CreateSessionAsync(course.Name, new DateOnly(2027, 3, 1), "march");
        await catalog.OpenSessionAsync(new OpenSessionRequest { Name = session.Name });
        var roster = new RosterService.RosterServiceClient(service.As(await service.FocalPointAsync("SN")));
        foreach (var family in new[] { "Diop", "Fall", "Sy" })
            await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer(family) });

        var blocks = Blocks("sh").ToList();
        Assert.True(blocks.Count >= 8, $"Expected the curl examples in {Document}, found {blocks.Count} blocks.");
        var folder = Directory.CreateTempSubdirectory("training-doc-");
        try
        {
            var script = "set -euo pipefail\n" + string.Join("\n", blocks);
            var (exit, output) = await RunAsync(script, folder.FullName, new Dictionary<string, string>
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

    private static IEnumerable<string> Blocks(string language) =>
        FencedBlock().Matches(File.ReadAllText(Document)).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value);

    private static async Task<(int Exit, string Output)> RunAsync(string script, string folder, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
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
        await process.WaitForExitAsync(bound.Token);
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
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        if (!path.Any(p => File.Exists(Path.Combine(p, "curl"))) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "curl is not installed: the curl examples of docs/integration.md were not run.";
    }
}
