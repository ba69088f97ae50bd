namespace Khcn.Aip;

internal enum FilterTokenKind
{
    Text,
    String,
    LeftParen,
    RightParen,
    Comparator,
    Minus,
    Comma,
    End,
}

/// <summary>A lexeme; <see cref="Position"/> is 1-based. Keywords (AND, OR, NOT) are unquoted <see cref="FilterTokenKind.Text"/>.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Value, int Position, FilterOperator Operator = default)
{
    public bool IsKeyword(string keyword) => Kind == FilterTokenKind.Text && string.Equals(Value, keyword, StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "end of filter",
        FilterTokenKind.String => $"\"{Value}\"",
        _ => $"'{Value}'",
    };
}
