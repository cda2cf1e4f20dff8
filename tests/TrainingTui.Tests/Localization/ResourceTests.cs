using System.Text.RegularExpressions;
using System.Xml.Linq;
using Training.Tui.Localization;
using Training.Tui.Tests.Support;

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

    /// <summary>Every English file of the folder ("Strings.resx", "Roster.resx"…); each has its French beside it.</summary>
    private static IEnumerable<string> EnglishFiles() =>
        Directory.EnumerateFiles(Folder, "*.resx").Select(Path.GetFileName).OfType<string>()
            .Where(f => f.Count(c => c == '.') == 1).Order(StringComparer.Ordinal);

    private static string FrenchOf(string english) => english[..^".resx".Length] + ".fr.resx";

    /// <summary>Every English key of every file, each in exactly one file.</summary>
    private static Dictionary<string, string> AllEnglish()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in EnglishFiles())
            foreach (var (key, text) in Read(file))
                Assert.True(all.TryAdd(key, text), $"{key} is in more than one resource file ({file} and another)");
        return all;
    }

    private static Dictionary<string, string> AllFrench() =>
        EnglishFiles().SelectMany(f => Read(FrenchOf(f))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

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
    public void EveryFile_HasItsFrench_AndNoOtherFileIsThere()
    {
        var english = EnglishFiles().ToList();
        Assert.Contains("Strings.resx", english);
        foreach (var file in english) Assert.True(File.Exists(Path.Combine(Folder, FrenchOf(file))), $"{FrenchOf(file)} is missing");
        var expected = english.Concat(english.Select(FrenchOf)).ToHashSet(StringComparer.Ordinal);
        var present = Directory.EnumerateFiles(Folder, "*.resx").Select(Path.GetFileName).OfType<string>();
        Assert.All(present, f => Assert.Contains(f, expected));
    }

    [Fact]
    public void EveryKey_IsInEnglishAndInFrench_WithTheSamePlaceholders_AndNoneIsEmpty()
    {
        foreach (var file in EnglishFiles())
        {
            var english = Read(file);
            var french = Read(FrenchOf(file));
            Assert.True(!english.Keys.Except(french.Keys).Any(), $"missing in {FrenchOf(file)}: {string.Join(", ", english.Keys.Except(french.Keys))}");
            Assert.True(!french.Keys.Except(english.Keys).Any(), $"missing in {file}: {string.Join(", ", french.Keys.Except(english.Keys))}");
        }

        var (englishAll, frenchAll) = (AllEnglish(), AllFrench());
        foreach (var (key, text) in englishAll)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in English");
            Assert.False(string.IsNullOrWhiteSpace(frenchAll[key]), $"{key} is empty in French");
            Assert.Equal(Placeholder().Matches(text).Select(m => m.Value).Order(), Placeholder().Matches(frenchAll[key]).Select(m => m.Value).Order());
        }
    }

    [Fact]
    public void EveryKey_IsUsedByTheCode_AndEveryKeyTheCodeAsksFor_Exists()
    {
        var keys = AllEnglish().Keys.ToHashSet(StringComparer.Ordinal);
        var code = Code();
        var asked = Asked().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(asked.Except(keys));
        // A hint is used through its key: Help(key, "X") reads "X_Hint" too.
        var unused = keys.Where(k => !asked.Contains(k) && !(k.EndsWith("_Hint", StringComparison.Ordinal) && asked.Contains(k[..^5])));
        Assert.Empty(unused);
    }

    [Fact]
    public void TheClient_ReadsEveryKeyOfEveryFile_InBothLanguages()
    {
        using (Speaking.English())
            foreach (var (key, text) in AllEnglish()) Assert.Equal(text, Strings.Get(key));
        using (Speaking.French())
            foreach (var (key, text) in AllFrench()) Assert.Equal(text, Strings.Get(key));
    }

    [Fact]
    public void TheFrench_UsesTheUnitedNationsTerms()
    {
        var french = AllFrench();
        Assert.Equal("point focal {0}", french["Role_FocalPoint"]);
        Assert.Equal("Candidats", french["Screen_Roster"]);
        Assert.Contains("séance", french["Key_OpenSession"], StringComparison.Ordinal);
    }
}
