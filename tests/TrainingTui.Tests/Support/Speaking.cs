using System.Globalization;

namespace Training.Tui.Tests.Support;

/// <summary>Speaks a language on the test's thread (its UI culture) until disposed; other tests are not touched.</summary>
public sealed class Speaking : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    private Speaking(string culture) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    public static Speaking French() => new("fr-FR");

    public static Speaking English() => new("en");

    public void Dispose() => CultureInfo.CurrentUICulture = _before;
}
