using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Training.Bench;

/// <summary>
/// A gRPC server run as its own process, as an operator runs it: launched with <c>dotnet</c>, timed from launch to
/// its health service answering SERVING, and read from /proc while it runs (resident memory, CPU time), so nothing
/// of the load generator is counted in its figures. Stopped with SIGTERM, as systemd or a terminal would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private string _lastAttempt = "";

    private ServerProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>From the launch to the first health check answered SERVING.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>The service as built beside this benchmark (same configuration), as <c>dotnet TrainingService.dll</c> runs it.</summary>
    public static string ServiceAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = Path.GetFullPath(Path.Combine(output.FullName, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "TrainingService", "bin", configuration, output.Name, "TrainingService.dll");
        return File.Exists(dll) ? dll
            : throw new FileNotFoundException($"Build the service first: dotnet build src/TrainingService -c {configuration} ({dll} is missing).");
    }

    /// <summary>Whether the program at <paramref name="assembly"/> is set to the server garbage collector.</summary>
    public static bool UsesServerGc(string assembly)
    {
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(config)) return false;
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.TryGetProperty("runtimeOptions", out var runtime)
            && runtime.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server)
            && server.ValueKind == JsonValueKind.True;
    }

    /// <summary>Launches <c>dotnet {assembly} {arguments}</c> listening on a free loopback port and waits until it serves.</summary>
    public static async Task<ServerProcess> LaunchAsync(string name, string assembly, Func<Uri, IEnumerable<string>> arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments(address)) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var launched = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var server = new ServerProcess(name, process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync(TimeSpan.FromMinutes(3));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.StartUp = launched.Elapsed;
        return server;
    }

    /// <summary>Resident set now and its peak so far, in MiB (VmRSS, VmHWM of /proc/PID/status).</summary>
    public (double ResidentMiB, double PeakMiB) Memory()
    {
        double resident = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) resident = Kibibytes(line) / 1024.0;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kibibytes(line) / 1024.0;
        }
        return (resident, peak);
    }

    /// <summary>User and system CPU seconds the process has used so far (/proc/PID/stat, in ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command: state(0) … utime(11) stime(12).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        _lastAttempt = "the port did not accept a connection";
        // First the port: a channel that fails to connect backs off for a second, which would blur the figure.
        while (!await AcceptsAsync())
        {
            EnsureRunning(deadline, limit);
            await Task.Delay(5);
        }
        while (true)
        {
            EnsureRunning(deadline, limit);
            using var channel = GrpcChannel.ForAddress(Address);
            try
            {
                var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
                _lastAttempt = $"health answered {reply.Status}";
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                _lastAttempt = $"health check failed: {e.Status}";
            }
            await Task.Delay(5);
        }
    }

    private void EnsureRunning(Stopwatch waited, TimeSpan limit)
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before serving:{Environment.NewLine}{Output()}");
        if (waited.Elapsed > limit)
            throw new TimeoutException($"{Name} did not serve within {limit.TotalSeconds:0} s ({_lastAttempt}):{Environment.NewLine}{Output()}");
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Address.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private string Output()
    {
        lock (_lastLines) return string.Join(Environment.NewLine, _lastLines);
    }

    private static long Kibibytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running this benchmark (or the one on PATH when it runs from its apphost).</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
