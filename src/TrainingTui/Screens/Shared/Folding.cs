using System.Globalization;
using System.Text;

namespace Training.Tui.Screens.Shared;

/// <summary>Accent- and case-insensitive matching, as the roster search on the service does it.</summary>
public static class Folding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }
}
