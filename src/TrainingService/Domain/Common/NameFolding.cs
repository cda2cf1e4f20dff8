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
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'ı' => "i",
                _ => char.ToLowerInvariant(c).ToString(),
            });
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
