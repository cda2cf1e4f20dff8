using System.Globalization;
using System.Text;

namespace Training.Service.Domain.Common;

/// <summary>
/// Folds names for accent- and case-insensitive matching: "Ndiaye-Sène" and "ndiaye sene" fold alike.
/// </summary>
public static class NameFolding
{
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Plain ASCII (most names) has nothing to decompose, strip or recompose: lower case is all folding does to it.
        if (System.Text.Ascii.IsValid(text)) return text.ToLowerInvariant();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            _ = c switch
            {
                'ß' => folded.Append("ss"),
                'æ' or 'Æ' => folded.Append("ae"),
                'ø' or 'Ø' => folded.Append('o'),
                'đ' or 'Đ' => folded.Append('d'),
                'ł' or 'Ł' => folded.Append('l'),
                'ı' => folded.Append('i'),
                _ => folded.Append(char.ToLowerInvariant(c)),
            };
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of the given names, plus each whole folded name, without duplicates.</summary>
    public static List<string> Tokens(params string[] names)
    {
        var tokens = new List<string>();
        foreach (var name in names)
        {
            var folded = Fold(name).Trim();
            if (folded.Length == 0) continue;
            Add(folded);
            foreach (var word in folded.Split([' ', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries)) Add(word);
        }
        return tokens;

        void Add(string token)
        {
            if (!tokens.Contains(token)) tokens.Add(token);
        }
    }
}
