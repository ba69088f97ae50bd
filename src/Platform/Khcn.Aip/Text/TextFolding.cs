using System.Globalization;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// Folds text for accent- and case-insensitive matching: "  QUẢNG   TRỊ " and "quang tri" fold to the same string.
/// Stored next to the original text so databases can match with plain equality or substring search.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // NFD splits base letters from their marks, whatever form (NFC or NFD) the input came in.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // Đ is a letter of its own, not D with a mark, so NFD leaves it alone.
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
