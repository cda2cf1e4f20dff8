using System.Globalization;
using System.Xml.Linq;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Storage;

namespace Training.Service.Tests.Domain;

/// <summary>
/// The names of reference data are reviewed as text, one file per language: every Member State, language, skill and
/// mission the service seeds has its English name (the seed's own) and a French one, and nothing else is there.
/// </summary>
public sealed class DisplayNamesTests : IDisposable
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly ReferenceDataStore _reference;

    public DisplayNamesTests() => _reference = new ReferenceDataStore(_database);

    public void Dispose() => _database.Dispose();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above the test's folder.");
    }

    private static Dictionary<string, string> Read(params string[] path) =>
        XDocument.Load(Path.Combine([Root(), "src", "TrainingService", "Domain", .. path])).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static readonly PageRequest All = new(1000, null);

    /// <summary>Every seeded entry: its key in the files and its name in the seed.</summary>
    private Dictionary<string, string> Seeded() =>
        _reference.MemberStates(All).Items.Select(s => ($"MemberState_{s.RegionCode}", s.DisplayName))
            .Concat(_reference.Languages(false, All).Items.Select(l => ($"Language_{l.LanguageCode}", l.DisplayName)))
            .Concat(_reference.Skills(null, All).Items.Select(s => ($"Skill_{s.SkillCode}", s.DisplayName)))
            .Concat(_reference.Missions(All).Items.Select(m => ($"Mission_{m.MissionCode}", m.DisplayName)))
            .ToDictionary(e => e.Item1, e => e.Item2);

    [Fact]
    public void EverySeededEntry_HasItsEnglishNameAndAFrenchOne_AndTheFilesHoldNothingElse()
    {
        var seeded = Seeded();
        var english = Read("Reference", "DisplayNames.resx");
        var french = Read("Reference", "DisplayNames.fr.resx");

        Assert.Equal(seeded.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), french.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(seeded.Where(e => english[e.Key] != e.Value).Select(e => $"{e.Key}: seed \"{e.Value}\", file \"{english[e.Key]}\""));
        Assert.Empty(french.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void NoTwoEntriesOfOneVocabulary_ShareAFrenchName()
    {
        var french = Read("Reference", "DisplayNames.fr.resx");

        foreach (var vocabulary in new[] { "MemberState_", "Language_", "Skill_", "Mission_" })
        {
            var names = french.Where(e => e.Key.StartsWith(vocabulary, StringComparison.Ordinal)).Select(e => e.Value).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
        }
    }

    [Fact]
    public void AKey_IsInOnePairOnly_SoAWordIsNeverShadowedByAnother()
    {
        var names = Read("Reference", "DisplayNames.resx").Keys;
        var phrases = Read("Common", "Phrases.resx").Keys;

        Assert.Empty(names.Intersect(phrases));
    }

    [Fact]
    public void ANameIsSaidInTheCallersLanguage_AndAnUnknownCodeAsItself()
    {
        var senegal = DisplayNames.Of(_reference.MemberState("SN")!);

        Assert.Equal(("Senegal", "Sénégal"), (senegal.In(Phrase.English), senegal.In(French)));
        Assert.Equal("République démocratique du Congo", DisplayNames.Of(_reference.MemberState("CD")!).In(French));
        Assert.Equal("Lutte contre les engins explosifs improvisés", DisplayNames.Skill("countering-ieds", _reference).In(French));
        Assert.Equal("français", DisplayNames.Language("fr", _reference).In(French));
        Assert.Equal(("xx", "xx"), (DisplayNames.Language("xx", _reference).In(French), DisplayNames.Skill("xx", _reference).In(Phrase.English)));
    }
}
