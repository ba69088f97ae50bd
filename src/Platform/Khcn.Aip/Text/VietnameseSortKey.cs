using System.Globalization;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// An ASCII sort key whose ordinal order is Vietnamese dictionary order, so a database can sort Vietnamese names
/// with a plain binary collation (SQLite and PostgreSQL "C" both compare bytes).
/// </summary>
/// <remarks>
/// The key is the primary part (letters as their own letters: a ă â b c d đ e ê ... with f, j, w, z after their
/// Latin neighbours; spaces before any letter; digits between the two), a terminator that sorts before every symbol
/// (so "An" precedes "An Giang"), then one tone digit per letter (none, huyền, hỏi, ngã, sắc, nặng). Tones therefore
/// only break ties between texts whose letters are all the same. Case and punctuation are ignored.
/// </remarks>
public static class VietnameseSortKey
{
    // 62 symbols in ascending ordinal order; a symbol's index is its rank.
    private const string Symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Letters = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
    private const int TerminatorRank = 0;
    private const int SpaceRank = 1;
    private const int FirstDigitRank = 2;
    private const int FirstLetterRank = FirstDigitRank + 10;
    private static readonly int OtherLetterRank = FirstLetterRank + Letters.Length;

    public static string For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Symbols[TerminatorRank].ToString();
        }

        var primary = new StringBuilder(text.Length + 1);
        var tones = new StringBuilder(text.Length);
        var pendingSpace = false;

        foreach (var element in EnumerateGraphemes(text))
        {
            var (baseChar, tone, modifier) = Decompose(element);
            if (char.IsWhiteSpace(baseChar))
            {
                pendingSpace = primary.Length > 0;
                continue;
            }

            if (!char.IsLetterOrDigit(baseChar))
            {
                // Punctuation ("Bà Rịa - Vũng Tàu") is ignored; the spaces around it still count once.
                continue;
            }

            if (pendingSpace)
            {
                primary.Append(Symbols[SpaceRank]);
                pendingSpace = false;
            }

            if (char.IsAsciiDigit(baseChar))
            {
                primary.Append(Symbols[FirstDigitRank + (baseChar - '0')]);
                continue;
            }

            var letter = ApplyModifier(char.ToLowerInvariant(baseChar), modifier);
            var index = Letters.IndexOf(letter);
            if (index >= 0)
            {
                primary.Append(Symbols[FirstLetterRank + index]);
            }
            else
            {
                // Letters outside the Vietnamese alphabet sort after it, by code point. Marker plus three
                // fixed-width symbols keeps the code prefix-free, so ordinal order survives.
                primary.Append(Symbols[OtherLetterRank]);
                AppendFixedWidth(primary, letter);
            }

            tones.Append((char)('0' + tone));
        }

        primary.Append(Symbols[TerminatorRank]);
        return primary.Append(tones).ToString();
    }

    private static IEnumerable<string> EnumerateGraphemes(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormD));
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    private enum LetterModifier { None, Breve, Circumflex, Horn, Stroke }

    private static (char BaseChar, int Tone, LetterModifier Modifier) Decompose(string element)
    {
        var baseChar = element[0];
        var tone = 0;
        var modifier = LetterModifier.None;
        if (baseChar is 'đ' or 'Đ')
        {
            baseChar = 'd';
            modifier = LetterModifier.Stroke;
        }

        foreach (var mark in element.AsSpan(1))
        {
            switch (mark)
            {
                case '\u0300': tone = 1; break; // huyền
                case '\u0309': tone = 2; break; // hỏi
                case '\u0303': tone = 3; break; // ngã
                case '\u0301': tone = 4; break; // sắc
                case '\u0323': tone = 5; break; // nặng
                case '\u0306': modifier = LetterModifier.Breve; break;
                case '\u0302': modifier = LetterModifier.Circumflex; break;
                case '\u031B': modifier = LetterModifier.Horn; break;
                default: break; // other marks (e.g. from foreign names) do not change the letter
            }
        }

        return (baseChar, tone, modifier);
    }

    private static char ApplyModifier(char letter, LetterModifier modifier) => (letter, modifier) switch
    {
        ('a', LetterModifier.Breve) => 'ă',
        ('a', LetterModifier.Circumflex) => 'â',
        ('e', LetterModifier.Circumflex) => 'ê',
        ('o', LetterModifier.Circumflex) => 'ô',
        ('o', LetterModifier.Horn) => 'ơ',
        ('u', LetterModifier.Horn) => 'ư',
        ('d', LetterModifier.Stroke) => 'đ',
        _ => letter,
    };

    private static void AppendFixedWidth(StringBuilder builder, char c)
    {
        // Base 62, 3 symbols: covers the whole BMP (62^3 = 238,328 > 65,536).
        var value = (int)c;
        builder.Append(Symbols[value / (62 * 62)]);
        builder.Append(Symbols[value / 62 % 62]);
        builder.Append(Symbols[value % 62]);
    }
}
