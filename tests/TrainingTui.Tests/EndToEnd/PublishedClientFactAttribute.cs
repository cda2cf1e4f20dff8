namespace Training.Tui.Tests.EndToEnd;

/// <summary>
/// A tmux test of the client as users run it (out/tui, from scripts/publish-client). On a developer's machine it is
/// skipped when tmux or the published client is missing; under CI=true either missing is a failure: CI must run it.
/// </summary>
public sealed class PublishedClientFactAttribute : FactAttribute
{
    public PublishedClientFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true") return;
        if (!Tmux.IsInstalled) Skip = "tmux is not installed (apt-get install tmux); CI installs it and runs this test.";
        else if (Built.PublishedClient is null) Skip = "the client is not published: run scripts/publish-client (./test does).";
    }
}
