using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// The real service, as built, started with <c>--demo</c> on a free loopback port and a temporary database. It can be
/// stopped and started again on the same port and file, as when a server goes away and comes back.
/// </summary>
public sealed class DemoService : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public DemoService()
    {
        Folder = Directory.CreateTempSubdirectory("training-e2e-").FullName;
        Address = $"http://127.0.0.1:{FreePort()}";
        Start(demo: true);
    }

    public string Folder { get; }
    public string Address { get; }
    public string CredentialsFile => Path.Combine(Folder, "demo-credentials.json");

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Kills the service (no clean shutdown, as a crash or a lost host).</summary>
    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// Starts the service on this port and database. Without <paramref name="demo"/> the demo credentials already
    /// issued stay valid (a <c>--demo</c> start mints new ones and revokes the old).
    /// </summary>
    public void Start(bool demo = false)
    {
        if (_process is not null) throw new InvalidOperationException("The service is already running.");
        string[] arguments = [Built.ServiceDll, $"--Storage:Path={Path.Combine(Folder, "training.db")}", $"--urls={Address}",
            // The client speaks gRPC only; an HTTP/JSON endpoint on its default port would collide between parallel tests.
            "--Http:Urls="];
        var start = new ProcessStartInfo("dotnet", demo ? [.. arguments, "--demo"] : arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (_log) _log.AppendLine(e.Data);
            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException($"The service did not start:\n{Log}");
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the build put the programs, in the configuration this test was built in.</summary>
public static class Built
{
    private static readonly string Root = FindRoot();
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string ServiceDll => Path.Combine(Root, "src", "TrainingService", "bin", Configuration, "net10.0", "TrainingService.dll");
    public static string ClientDll => Path.Combine(Root, "src", "TrainingTui", "bin", Configuration, "net10.0", "TrainingTui.dll");

    /// <summary>
    /// The command that starts the client as <c>./demo</c> runs it, published into out/tui by scripts/publish-client
    /// (which <c>./test</c> runs first): the native executable, or the ReadyToRun build; null when not published.
    /// </summary>
    public static string? PublishedClient
    {
        get
        {
            var folder = Path.Combine(Root, "out", "tui");
            if (File.Exists(Path.Combine(folder, "TrainingTui.dll"))) return $"dotnet {Path.Combine(folder, "TrainingTui.dll")}";
            var native = Path.Combine(folder, "TrainingTui");
            return File.Exists(native) ? native : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above the test's folder.");
    }
}
