using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Training.Service.Tests.Domain;

/// <summary>
/// The service's words are reviewed as text, one file per language: both hold the same keys with the same
/// placeholders, and every key is used — by name, or as a word of a vocabulary (Availability_Deployed).
/// </summary>
public sealed partial class PhrasesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above the test's folder.");
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Root, "src", "TrainingService", "Domain", "Common", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryPhrase_IsInEnglishAndInFrench_WithTheSamePlaceholders()
    {
        var english = Read("Phrases.resx");
        var french = Read("Phrases.fr.resx");

        Assert.Equal(english.Keys.Order(), french.Keys.Order());
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(french[key]), $"{key} is empty in French");
            Assert.Equal(Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(),
                Placeholder().Matches(french[key]).Select(m => m.Value).Distinct().Order());
        }
    }

    [Fact]
    public void EveryPhrase_IsUsedByTheService()
    {
        var code = string.Join('\n', Directory.EnumerateFiles(Path.Combine(Root, "src", "TrainingService"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unused = Read("Phrases.resx").Keys.Where(key =>
        {
            if (code.Contains($"\"{key}\"", StringComparison.Ordinal)) return false;
            var vocabulary = key.Split('_')[0];
            return !code.Contains($"Word(\"{vocabulary}\"", StringComparison.Ordinal) && !code.Contains($"\"{vocabulary}_{{", StringComparison.Ordinal);
        });

        Assert.Empty(unused);
    }
}
