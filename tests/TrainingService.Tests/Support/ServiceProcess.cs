using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Training.Service.Tests.Support;

/// <summary>
/// The service as built, in a process of its own on a free loopback port (as an operator runs it), so that it
/// can be sent signals, killed, or started twice on one file.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string BootstrapToken = "process-bootstrap-administrator-token";

    private readonly StringBuilder _output = new();
    private readonly Process _process;
    private GrpcChannel? _channel;

    private ServiceProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts the service on <paramref name="databasePath"/>. Returns once it listens, or once it has exited (a
    /// refused start) — read <see cref="HasExited"/>.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string databasePath, params string[] settings)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var dll = Path.Combine(AppContext.BaseDirectory, "TrainingService.dll");
        var start = new ProcessStartInfo("dotnet",
            [dll, $"--Storage:Path={databasePath}", $"--Urls={address}", "--Http:Urls=", $"--Security:BootstrapAdminToken={BootstrapToken}", .. settings])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, address);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (service._output) service._output.AppendLine(e.Data);
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first == exited) await exited;
        else if (first != listening.Task) throw new TimeoutException($"The service did not start:\n{service.Output}");
        return service;
    }

    /// <summary>A call invoker to this process, as the bootstrap administrator.</summary>
    public CallInvoker AsAdmin()
    {
        _channel ??= GrpcChannel.ForAddress(Address);
        return _channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {BootstrapToken}");
            return metadata;
        });
    }

    /// <summary>Asks the process to stop as an operator's service manager does (SIGTERM).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end; false if it has not within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>Runs one of the service's commands (<c>backup</c>, <c>health</c>) to its end: its exit code and everything it wrote.</summary>
    public static async Task<(int Exit, string Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TrainingService.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
