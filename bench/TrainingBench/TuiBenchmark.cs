using System.Diagnostics;

namespace Training.Bench;

/// <summary>
/// The built terminal client against the service on loopback, in a real terminal (tmux), timed by watching the
/// screen: time to the first screen, to a 10,000-officer roster fully loaded, and from each keystroke (filter
/// typing, page down) to the redrawn list. The screen is read every 5 ms, so figures carry that granularity.
/// </summary>
public static class TuiBenchmark
{
    public static async Task RunAsync(BenchOptions options, string seed)
    {
        if (!Tmux("-V").Ok) { Console.WriteLine("tui: tmux is not installed; skipped."); return; }
        if (ClientCommand() is not { } client) { Console.WriteLine("tui: build the client first (scripts/publish-client, which ./demo runs)."); return; }
        Console.WriteLine($"TUI: measuring {client}");
        await FirstScreenOnTheDemoAsync(options, client);
        await LargeRosterAsync(options, seed, client);
    }

    /// <summary>
    /// The client as ./demo runs it: published into out/tui by scripts/publish-client (natively compiled, or
    /// ReadyToRun when that failed), else the plain Release build.
    /// </summary>
    private static string? ClientCommand()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var published = Path.Combine(root, "out", "tui");
        if (File.Exists(Path.Combine(published, "TrainingTui.dll"))) return $"dotnet {Path.Combine(published, "TrainingTui.dll")}";
        if (File.Exists(Path.Combine(published, "TrainingTui"))) return Path.Combine(published, "TrainingTui");
        var built = Path.Combine(root, "src", "TrainingTui", "bin", "Release", "net10.0", "TrainingTui.dll");
        return File.Exists(built) ? $"dotnet {built}" : null;
    }

    /// <summary>
    /// Launch to first screen on the demo data, ten launches: to the catalogue listed, and to every session's seat
    /// figures filled in (they come from a second call per session, shown as "?" until then).
    /// </summary>
    private static async Task FirstScreenOnTheDemoAsync(BenchOptions options, string client)
    {
        var (server, credentials) = await BenchServer.StartDemoAsync(Path.Combine(options.DataDirectory, "run-tui-demo.db"));
        await using var _ = server;
        var token = credentials.For(Training.Service.Security.Role.FocalPoint, "SN").Secret;
        var listed = new List<double>();
        var complete = new List<double>();
        for (var run = 0; run < 10; run++)
        {
            var session = $"training-bench-{Environment.ProcessId}-{run}";
            var launched = Stopwatch.StartNew();
            Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", $"{client} --server {server.Address} --token {token}");
            try
            {
                await WaitAsync(session, s => s.Contains("upcoming sessions"), TimeSpan.FromSeconds(30));
                listed.Add(launched.Elapsed.TotalMilliseconds);
                await WaitAsync(session, s => s.Contains("upcoming sessions") && !s.Contains("?/") && !s.Contains("working…"), TimeSpan.FromSeconds(30));
                complete.Add(launched.Elapsed.TotalMilliseconds);
            }
            finally
            {
                Tmux("kill-session", "-t", session);
            }
        }
        listed.Sort();
        complete.Sort();
        Console.WriteLine($"TUI: first screen on the demo data (10 launches): catalogue listed median {listed[5]:0} ms, max {listed[^1]:0} ms; " +
                          $"with every seat figure median {complete[5]:0} ms, max {complete[^1]:0} ms");
    }

    private static async Task LargeRosterAsync(BenchOptions options, string seed, string client)
    {
        await using var server = await BenchServer.StartAsync(BenchDatabase.FreshCopy(options, seed, "tui"));
        var region = BenchData.MemberStates[0];
        var token = await server.FocalPointAsync(region);
        var session = $"training-bench-{Environment.ProcessId}";
        var launched = Stopwatch.StartNew();
        Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", $"{client} --server {server.Address} --token {token}");
        try
        {
            await WaitAsync(session, s => s.Contains("upcoming sessions"), TimeSpan.FromSeconds(30));
            Console.WriteLine($"TUI: first screen (the catalogue, {options.Sessions:N0} sessions listed) {launched.ElapsedMilliseconds} ms after launching the client");

            var roster = Stopwatch.StartNew();
            Tmux("send-keys", "-t", session, "2");
            var officers = BenchData.OfficersIn(0, options.Officers);
            var loadedText = $"{region}: {officers:N0} officers";
            await WaitAsync(session, s => s.Contains(loadedText) && !s.Contains("more coming"), TimeSpan.FromSeconds(120));
            Console.WriteLine($"TUI: roster of {officers:N0} officers fully loaded {roster.ElapsedMilliseconds} ms after pressing 2 (first rows appear after the first page of 500)");

            var typing = new List<double>();
            await KeystrokeAsync(session, "/");
            foreach (var letter in "diop") typing.Add(await KeystrokeAsync(session, letter.ToString()));
            await KeystrokeAsync(session, "Escape");
            Console.WriteLine($"TUI: filter keystroke to redrawn list over {officers:N0} rows: {string.Join(", ", typing.Select(t => $"{t:0} ms"))} (each letter narrows the list)");

            var paging = new List<double>();
            for (var i = 0; i < 10; i++) paging.Add(await KeystrokeAsync(session, "PageDown"));
            paging.Sort();
            Console.WriteLine($"TUI: page down to redrawn list: median {paging[paging.Count / 2]:0} ms, max {paging[^1]:0} ms (10 pages)");
            Tmux("send-keys", "-t", session, "q");
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }
    }

    /// <summary>Sends one key and times until the screen differs from before it.</summary>
    private static async Task<double> KeystrokeAsync(string session, string key)
    {
        var before = Capture(session);
        var watch = Stopwatch.StartNew();
        Tmux("send-keys", "-t", session, key);
        await WaitAsync(session, s => s != before, TimeSpan.FromSeconds(10));
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await Task.Delay(150);
        return elapsed;
    }

    private static async Task WaitAsync(string session, Func<string, bool> seen, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (seen(Capture(session))) return;
            await Task.Delay(5);
        }
        throw new TimeoutException($"The screen never showed what was awaited:\n{Capture(session)}");
    }

    private static string Capture(string session) => Tmux("capture-pane", "-p", "-t", session).Output;

    private static (bool Ok, string Output) Tmux(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("tmux", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0, output);
    }
}
