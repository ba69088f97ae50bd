namespace Khcn.Data.Diagnostics;

/// <summary>
/// The first keyword of a SQL text (SELECT, INSERT, PRAGMA, ...), upper-cased: the low-cardinality
/// <c>db.operation.name</c>. Leading whitespace and comments (EF's <c>TagWith</c> writes <c>-- tag</c> lines) are skipped.
/// </summary>
internal static class SqlOperationName
{
    // Longer words are not SQL keywords but identifiers or garbage; they would make span names high-cardinality.
    private const int MaxKeywordLength = 16;

    public static string? Of(string? sql)
    {
        if (string.IsNullOrEmpty(sql))
        {
            return null;
        }

        var text = sql.AsSpan();
        var position = SkipWhitespaceAndComments(text);
        var start = position;
        while (position < text.Length && char.IsAsciiLetter(text[position]))
        {
            position++;
        }

        var length = position - start;
        return length is 0 or > MaxKeywordLength ? null : text.Slice(start, length).ToString().ToUpperInvariant();
    }

    private static int SkipWhitespaceAndComments(ReadOnlySpan<char> text)
    {
        var position = 0;
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position..].StartsWith("--"))
            {
                var end = text[position..].IndexOf('\n');
                position = end < 0 ? text.Length : position + end + 1;
            }
            else if (text[position..].StartsWith("/*"))
            {
                var end = text[(position + 2)..].IndexOf("*/");
                position = end < 0 ? text.Length : position + 2 + end + 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }
}
