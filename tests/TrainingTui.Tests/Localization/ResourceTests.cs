using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Training.Tui.Tests.Localization;

/// <summary>
/// The client's words are reviewed as text, one file per language: both files hold the same keys with the same
/// placeholders, every key is used by the code, and every key the code asks for is in them.
/// </summary>
public sealed partial class ResourceTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Folder = Path.Combine(Root, "src", "TrainingTui", "Localization");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above the test's folder.");
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string Code() => string.Join('\n',
        Directory.EnumerateFiles(Path.Combine(Root, "src", "TrainingTui"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    /// <summary>Strings.Get("X"), Strings.Format("X", …), Strings.Find("X"), Help(key, "X"), HelpOnly(key, "X").</summary>
    [GeneratedRegex(@"(?:Strings\.(?:Get|Format|Find)\(|Help(?:Only)?\(""[^""]*"", )""([A-Za-z_]+)""")]
    private static partial Regex Asked();

    [Fact]
    public void EveryKey_IsInEnglishAndInFrench_WithTheSamePlaceholders_AndNoneIsEmpty()
    {
        var english = Read("Strings.resx");
        var french = Read("Strings.fr.resx");

        Assert.Empty(english.Keys.Except(french.Keys));
        Assert.Empty(french.Keys.Except(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in English");
            Assert.False(string.IsNullOrWhiteSpace(french[key]), $"{key} is empty in French");
            Assert.Equal(Placeholder().Matches(text).Select(m => m.Value).Order(), Placeholder().Matches(french[key]).Select(m => m.Value).Order());
        }
    }

    [Fact]
    public void EveryKey_IsUsedByTheCode_AndEveryKeyTheCodeAsksFor_Exists()
    {
        var keys = Read("Strings.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var code = Code();
        var asked = Asked().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(asked.Except(keys));
        // A hint is used through its key: Help(key, "X") reads "X_Hint" too.
        var unused = keys.Where(k => !asked.Contains(k) && !(k.EndsWith("_Hint", StringComparison.Ordinal) && asked.Contains(k[..^5])));
        Assert.Empty(unused);
    }

    [Fact]
    public void TheFrench_UsesTheUnitedNationsTerms()
    {
        var french = Read("Strings.fr.resx");
        Assert.Equal("point focal {0}", french["Role_FocalPoint"]);
        Assert.Equal("Candidats", french["Screen_Roster"]);
        Assert.Contains("séance", french["Key_OpenSession"], StringComparison.Ordinal);
    }
}
