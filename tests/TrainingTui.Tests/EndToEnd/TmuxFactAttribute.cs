namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// A test that drives the real client in tmux. Without tmux it is skipped on a developer's machine, but under
/// CI=true a missing tmux is a failure, not a skip: CI must run it.
/// </summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "tmux is not installed (apt-get install tmux); CI installs it and runs this test.";
    }
}
