using System.Text;

namespace Khcn.Aip;

/// <summary>Splits an AIP-160 filter into tokens.</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.LeftParen, "(", position));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.RightParen, ")", position));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", position));
                    i++;
                    continue;
                case '"' or '\'':
                    tokens.Add(ReadString(filter, ref i));
                    continue;
                case '=' or '<' or '>' or ':' or '!':
                    tokens.Add(ReadComparator(filter, ref i));
                    continue;
                case '-' when StartsNegation(filter, i, tokens):
                    tokens.Add(new FilterToken(FilterTokenKind.Minus, "-", position));
                    i++;
                    continue;
                default:
                    tokens.Add(ReadText(filter, ref i));
                    continue;
            }
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, "", filter.Length + 1));
        return tokens;
    }

    // "-" negates the following term ("-kind = X", "-(a OR b)") but is part of a value after a comparator ("year > -5").
    private static bool StartsNegation(string filter, int i, List<FilterToken> tokens) =>
        i + 1 < filter.Length
        && !char.IsWhiteSpace(filter[i + 1])
        && (tokens.Count == 0 || tokens[^1].Kind != FilterTokenKind.Comparator);

    private static FilterToken ReadComparator(string filter, ref int i)
    {
        var position = i + 1;
        var c = filter[i];
        var next = i + 1 < filter.Length ? filter[i + 1] : '\0';
        (FilterOperator op, string text) = (c, next) switch
        {
            ('<', '=') => (FilterOperator.LessOrEqual, "<="),
            ('>', '=') => (FilterOperator.GreaterOrEqual, ">="),
            ('!', '=') => (FilterOperator.NotEqual, "!="),
            ('<', _) => (FilterOperator.Less, "<"),
            ('>', _) => (FilterOperator.Greater, ">"),
            ('=', _) => (FilterOperator.Equal, "="),
            (':', _) => (FilterOperator.Has, ":"),
            _ => throw new FilterSyntaxException("unexpected '!' (did you mean '!=' or 'NOT'?)", position),
        };

        i += text.Length;
        return new FilterToken(FilterTokenKind.Comparator, text, position, op);
    }

    private static FilterToken ReadString(string filter, ref int i)
    {
        var position = i + 1;
        var quote = filter[i++];
        var builder = new StringBuilder();
        while (i < filter.Length)
        {
            var c = filter[i++];
            if (c == quote)
            {
                return new FilterToken(FilterTokenKind.String, builder.ToString(), position);
            }

            if (c == '\\')
            {
                if (i >= filter.Length)
                {
                    break;
                }

                // \" \' \\ keep the character; other escapes are kept literally so "C:\dir" survives.
                var escaped = filter[i++];
                if (escaped is not ('"' or '\'' or '\\'))
                {
                    builder.Append('\\');
                }

                builder.Append(escaped);
                continue;
            }

            builder.Append(c);
        }

        throw new FilterSyntaxException($"unterminated string starting with {quote}", position);
    }

    private static FilterToken ReadText(string filter, ref int i)
    {
        var start = i;
        while (i < filter.Length && IsTextChar(filter[i]))
        {
            i++;
        }

        return new FilterToken(FilterTokenKind.Text, filter[start..i], start + 1);
    }

    private static bool IsTextChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or ',' or '"' or '\'' or '=' or '<' or '>' or ':' or '!');
}
