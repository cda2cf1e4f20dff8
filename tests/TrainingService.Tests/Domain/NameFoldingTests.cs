using Training.Service.Domain.Common;

namespace Training.Service.Tests.Domain;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Ndiaye-Sène", "ndiaye-sene")]
    [InlineData("MÜLLER", "muller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ægir Øster", "aegir oster")]
    [InlineData("Łukasz Đorđević", "lukasz dordevic")]
    [InlineData("O'Brien", "o'brien")]
    [InlineData("DIALLO", "diallo")]
    [InlineData("", "")]
    public void Folds_CaseAndAccents(string name, string folded) => Assert.Equal(folded, NameFolding.Fold(name));

    [Fact]
    public void PlainAscii_FoldsAsTheFullFoldingWould()
    {
        // A name with one accented letter takes the full path (decompose, strip, recompose); the same name without it
        // takes the plain-ASCII path: both must agree on every printable ASCII character.
        var random = new Random(15);
        for (var i = 0; i < 2000; i++)
        {
            var ascii = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => (char)random.Next(0x20, 0x7f)).ToArray());
            Assert.Equal(NameFolding.Fold(ascii) + "e", NameFolding.Fold(ascii + "é"));
        }
    }
}
