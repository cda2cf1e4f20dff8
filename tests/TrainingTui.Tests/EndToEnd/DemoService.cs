using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>The real service, as built, started with <c>--demo</c> on a free loopback port and a temporary database.</summary>
public sealed class DemoService : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public DemoService()
    {
        Folder = Directory.CreateTempSubdirectory("training-e2e-").FullName;
        Address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet",
            [Built.ServiceDll, "--demo", $"--Storage:Path={Path.Combine(Folder, "training.db")}", $"--urls={Address}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        _process.OutputDataReceived += (_, e) =>
        {
            lock (_log) _log.AppendLine(e.Data);
            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException($"The service did not start:\n{Log}");
    }

    public string Folder { get; }
    public string Address { get; }
    public string CredentialsFile => Path.Combine(Folder, "demo-credentials.json");

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above the test's folder.");
    }
}
