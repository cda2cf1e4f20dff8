using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;

namespace Training.Bench;

/// <summary>
/// Closed-loop load, the same for the echo server and the service: <c>N</c> loops, each with its own
/// <see cref="GrpcChannel"/> (its own HTTP/2 connection), each making one call after another. Every loop runs
/// through a warm-up (connections opened, code jitted, caches filled) and then a fixed measured window; a call
/// counts when it completes inside the window, so throughput is completions per second of the window and
/// latencies are those of the calls completed in it. The server's CPU time is read from /proc across the
/// same window.
/// </summary>
public static class LoadGenerator
{
    /// <summary>What one loop calls, made once per loop with its own channel and its own random numbers.</summary>
    public delegate Func<Task> LoopFactory(GrpcChannel channel, Random random);

    public static async Task<Measurement> RunAsync(ServerProcess server, int concurrency, TimeSpan warmUp, TimeSpan window, LoopFactory loop)
    {
        var begin = Stopwatch.GetTimestamp();
        var windowStart = begin + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            using var channel = GrpcChannel.ForAddress(server.Address);
            var call = loop(channel, new Random(1000 + i));
            var latencies = new List<double>();
            long errors = 0;
            string? firstError = null;
            while (Stopwatch.GetTimestamp() < windowEnd)
            {
                var started = Stopwatch.GetTimestamp();
                var failed = false;
                try
                {
                    await call();
                }
                catch (RpcException e)
                {
                    failed = true;
                    firstError ??= $"{e.StatusCode}: {e.Status.Detail}";
                }
                var ended = Stopwatch.GetTimestamp();
                if (ended < windowStart || ended > windowEnd) continue;
                if (failed) errors++;
                else latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
            }
            return (latencies, errors, firstError);
        })).ToList();

        await DelayUntil(windowStart);
        var serverCpu = server.CpuSeconds();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        await DelayUntil(windowEnd);
        serverCpu = server.CpuSeconds() - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu;
        var load = LoadAverage();
        var results = await Task.WhenAll(loops);

        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new Measurement(concurrency, window.TotalSeconds, all, results.Sum(r => r.errors),
            results.Select(r => r.firstError).FirstOrDefault(e => e is not null), serverCpu, clientCpu, load);
    }

    /// <summary>The one-minute load average of the machine (/proc/loadavg), the share of it others took.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;

    private static Task DelayUntil(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return remaining > TimeSpan.Zero ? Task.Delay(remaining) : Task.CompletedTask;
    }
}

/// <summary>One measured window: sorted latencies in ms of the calls completed in it, errors, CPU seconds spent in it.</summary>
public sealed record Measurement(int Concurrency, double Seconds, double[] Latencies, long Errors, string? FirstError,
    double ServerCpuSeconds, double ClientCpuSeconds, double LoadAverage)
{
    public double CallsPerSecond => Latencies.Length / Seconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>The server's CPU time per completed call, in µs.</summary>
    public double ServerCpuPerCall => Latencies.Length == 0 ? double.NaN : ServerCpuSeconds * 1e6 / Latencies.Length;

    /// <summary>The load generator's CPU time per completed call, in µs (this process: every loop and its channel).</summary>
    public double ClientCpuPerCall => Latencies.Length == 0 ? double.NaN : ClientCpuSeconds * 1e6 / Latencies.Length;

    /// <summary>Nearest rank.</summary>
    public double Percentile(double p) =>
        Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)];
}
