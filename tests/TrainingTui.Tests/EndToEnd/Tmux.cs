using System.Diagnostics;

namespace Training.Tui.Tests.EndToEnd;

/// <summary>A detached tmux session running one command, read with capture-pane and driven with send-keys.</summary>
public sealed class Tmux : IDisposable
{
    private readonly string _session = $"training-e2e-{Guid.NewGuid():N}"[..24];

    public static bool IsInstalled => Run("tmux", "-V").ExitCode == 0;

    public Tmux(string command, int columns = 120, int rows = 32)
    {
        var started = Run("tmux", "new-session", "-d", "-s", _session, "-x", columns.ToString(), "-y", rows.ToString(), command);
        if (started.ExitCode != 0) throw new InvalidOperationException($"tmux did not start: {started.Output}");
    }

    public string Screen() => Run("tmux", "capture-pane", "-p", "-t", _session).Output;

    /// <summary>Sends keys one call each, with a pause: bursts of escape sequences get merged by the terminal.</summary>
    public void Press(params string[] keys)
    {
        foreach (var key in keys)
        {
            Run("tmux", "send-keys", "-t", _session, key);
            Thread.Sleep(150);
        }
    }

    public void Type(string text)
    {
        Run("tmux", "send-keys", "-t", _session, "-l", text);
        Thread.Sleep(150);
    }

    /// <summary>Polls the screen until <paramref name="seen"/> holds; fails with the last screen after the timeout.</summary>
    public string WaitFor(Func<string, bool> seen, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var screen = "";
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            screen = Screen();
            if (seen(screen)) return screen;
            Thread.Sleep(100);
        }
        throw new Xunit.Sdk.XunitException($"Waited in vain for {what}. The screen:\n{screen}");
    }

    public string WaitFor(string text, TimeSpan? timeout = null) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"\"{text}\"", timeout);

    public void Dispose() => Run("tmux", "kill-session", "-t", _session);

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, $"{file} is not installed");
        }
    }
}
