namespace Khcn.Aip;

/// <summary>
/// Recursive-descent parser for the AIP-160 grammar:
/// <code>
/// expression : sequence { "AND" sequence }
/// sequence   : factor { factor }              (juxtaposition means AND)
/// factor     : term { "OR" term }             (so OR binds tighter than AND)
/// term       : [ "NOT" | "-" ] simple
/// simple     : "(" expression ")" | restriction
/// restriction: comparable [ comparator arg ]  (no comparator: a global text restriction)
/// </code>
/// Function calls are not supported.
/// </summary>
internal sealed class FilterParser
{
    public const int MaxDepth = 16;
    public const int MaxRestrictions = 64;

    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;
    private int _restrictions;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(FilterLexer.Tokenize(filter));
        var node = parser.ParseExpression();
        var trailing = parser.Peek;
        if (trailing.Kind != FilterTokenKind.End)
        {
            throw new FilterSyntaxException(
                trailing.Kind == FilterTokenKind.RightParen ? "unmatched ')'" : $"unexpected {trailing.Describe()}",
                trailing.Position);
        }

        return node;
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next++];

    private FilterNode ParseExpression()
    {
        var operands = new List<FilterNode> { ParseSequence() };
        while (Peek.IsKeyword("AND"))
        {
            Take();
            operands.Add(ParseSequence());
        }

        return operands.Count == 1 ? operands[0] : new AndNode(operands);
    }

    private FilterNode ParseSequence()
    {
        var operands = new List<FilterNode> { ParseFactor() };
        while (StartsTerm(Peek))
        {
            operands.Add(ParseFactor());
        }

        return operands.Count == 1 ? operands[0] : new AndNode(operands);
    }

    private FilterNode ParseFactor()
    {
        var operands = new List<FilterNode> { ParseTerm() };
        while (Peek.IsKeyword("OR"))
        {
            Take();
            operands.Add(ParseTerm());
        }

        return operands.Count == 1 ? operands[0] : new OrNode(operands);
    }

    private FilterNode ParseTerm()
    {
        var token = Peek;
        if (token.IsKeyword("NOT") || token.Kind == FilterTokenKind.Minus)
        {
            Take();
            if (!StartsTerm(Peek))
            {
                throw new FilterSyntaxException($"expected a restriction after '{token.Value}', found {Peek.Describe()}", Peek.Position);
            }

            return Nested(token.Position, () => new NotNode(ParseSimple()));
        }

        return ParseSimple();
    }

    private FilterNode ParseSimple()
    {
        var token = Peek;
        if (token.Kind == FilterTokenKind.LeftParen)
        {
            Take();
            var inner = Nested(token.Position, ParseExpression);
            if (Peek.Kind != FilterTokenKind.RightParen)
            {
                throw new FilterSyntaxException($"expected ')' to close the '(' at position {token.Position}, found {Peek.Describe()}", Peek.Position);
            }

            Take();
            return inner;
        }

        return ParseRestriction();
    }

    private FilterNode ParseRestriction()
    {
        var comparable = Peek;
        if (comparable.Kind is not (FilterTokenKind.Text or FilterTokenKind.String) || IsReservedKeyword(comparable))
        {
            throw new FilterSyntaxException($"expected a field or value, found {comparable.Describe()}", comparable.Position);
        }

        Take();
        if (++_restrictions > MaxRestrictions)
        {
            throw new FilterSyntaxException($"too many restrictions (at most {MaxRestrictions})", comparable.Position);
        }

        if (Peek.Kind != FilterTokenKind.Comparator)
        {
            return new GlobalNode(comparable.Value, comparable.Position);
        }

        var comparator = Take();
        if (comparable.Kind == FilterTokenKind.String)
        {
            throw new FilterSyntaxException("a field name must not be quoted", comparable.Position);
        }

        var arg = Peek;
        if (arg.Kind is not (FilterTokenKind.Text or FilterTokenKind.String) || IsReservedKeyword(arg))
        {
            throw new FilterSyntaxException($"expected a value after '{comparator.Value}', found {arg.Describe()}", arg.Position);
        }

        Take();
        if (arg.Kind == FilterTokenKind.Text && Peek.Kind == FilterTokenKind.Comparator)
        {
            throw new FilterSyntaxException($"unexpected '{Peek.Value}': quote values that contain comparator characters", Peek.Position);
        }

        return new RestrictionNode(comparable.Value, comparator.Operator, arg.Value, comparable.Position, arg.Position);
    }

    private T Nested<T>(int position, Func<T> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw new FilterSyntaxException($"nesting is too deep (at most {MaxDepth} levels)", position);
        }

        var result = parse();
        _depth--;
        return result;
    }

    private static bool StartsTerm(FilterToken token) =>
        token.Kind is FilterTokenKind.LeftParen or FilterTokenKind.Minus or FilterTokenKind.String
        || (token.Kind == FilterTokenKind.Text && !token.IsKeyword("AND") && !token.IsKeyword("OR"));

    private static bool IsReservedKeyword(FilterToken token) =>
        token.IsKeyword("AND") || token.IsKeyword("OR") || token.IsKeyword("NOT");
}
