using System.Text.RegularExpressions;

namespace Training.Tui.Tests.Support;

/// <summary>Reading a screen as a person does: a sentence wrapped over several lines still reads whole.</summary>
public static partial class ScreenText
{
    /// <summary>The screen's lines trimmed and joined by single spaces, so a word-wrapped sentence is one run of text.</summary>
    public static string Flowing(string screen) => Spaces().Replace(string.Join(' ', screen.Split('\n').Select(l => l.Trim())), " ");

    /// <summary>Fails unless <paramref name="sentence"/> is on the screen whole (on one line or wrapped over several).</summary>
    public static void AssertWhole(string screen, string sentence) =>
        Assert.True(Flowing(screen).Contains(sentence, StringComparison.Ordinal), $"\"{sentence}\" is not whole on the screen:\n{screen}");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
