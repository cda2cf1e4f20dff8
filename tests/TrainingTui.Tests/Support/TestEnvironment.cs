using System.Runtime.CompilerServices;

namespace Training.Tui.Tests.Support;

internal static class TestEnvironment
{
    /// <summary>
    /// Runs before any test: without it the ANSI driver opens the controlling terminal even under
    /// <c>dotnet test</c>, draws on it and leaves it in raw mode.
    /// </summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
