using System.Globalization;
using Training.Tui.Localization;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;

namespace Training.Tui.Tests.Localization;

public sealed class UiLanguageTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("fr_FR.UTF-8", "fr")]
    [InlineData("fr_SN", "fr")]
    [InlineData("fr_CA.UTF-8@euro", "fr")]
    [InlineData("en_GB.UTF-8", "en")]
    [InlineData("de_DE.UTF-8", "en")]
    [InlineData("C.UTF-8", "en")]
    public void TheSystemsLanguage_IsFrenchForAnyFrench_AndEnglishOtherwise(string lang, string expected)
    {
        Assert.Equal(expected, UiLanguage.FromSystem(Environment(("LANG", lang)), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void LcAll_OverridesLang_AndWithoutEitherTheUiCultureDecides()
    {
        Assert.Equal("en", UiLanguage.FromSystem(Environment(("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")), CultureInfo.InvariantCulture));
        Assert.Equal("fr", UiLanguage.FromSystem(Environment(), CultureInfo.GetCultureInfo("fr-BE")));
    }

    [Fact]
    public void LangOption_WinsOverTheSystem_AndIsTakenOutOfTheArguments()
    {
        var (language, rest) = UiLanguage.FromArguments(["--server", "http://x:1", "--lang", "fr"], Environment(("LANG", "en_US.UTF-8")));
        Assert.Equal("fr", language);
        Assert.Equal(["--server", "http://x:1"], rest);
        Assert.Equal("en", UiLanguage.FromArguments(["--lang=en"], Environment(("LANG", "fr_FR.UTF-8"))).Language);
    }

    [Fact]
    public void AnUnknownLanguage_IsRefused_NotIgnored()
    {
        var refused = Assert.Throws<ArgumentException>(() => UiLanguage.FromArguments(["--lang", "de"], Environment()));
        Assert.Contains("en or fr", refused.Message);
    }

    [Fact]
    public void InFrench_DatesNumbersAndPercentages_ReadTheFrenchWay_AndNamesSortWithAccentsInPlace()
    {
        using var french = Speaking.French();

        Assert.Equal("8 févr. 2027", Format.Date(Sample.Date(2027, 2, 8)));
        Assert.Equal("12\u202f345", 12345.ToString("N0", UiLanguage.Formatting));
        Assert.Matches(@"^25\s%$", Format.Percent(0.25));
        Assert.Equal(["Eddy", "Élodie", "Fatou"], new[] { "Fatou", "Élodie", "Eddy" }.Order(UiLanguage.Collation));
        Assert.Equal("soumise", Format.State(Unpol.Training.V1.Nomination.Types.State.Submitted));
    }

    [Fact]
    public void InEnglish_TheFormsStayAsTheyWere()
    {
        using var english = Speaking.English();

        Assert.Equal("8 Feb 2027", Format.Date(Sample.Date(2027, 2, 8)));
        Assert.Equal("12,345", 12345.ToString("N0", UiLanguage.Formatting));
        Assert.Equal("submitted", Format.State(Unpol.Training.V1.Nomination.Types.State.Submitted));
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("FR", "fr")]
    [InlineData("en", "en")]
    [InlineData("de", "en")]
    public void AConfiguredLanguageTag_SpeaksFrenchForAnyFrench(string tag, string expected) =>
        Assert.Equal(expected, UiLanguage.FromTag(tag));
}
