using Khcn.Aip;

namespace Khcn.Aip.Tests.Filtering;

public sealed class FilterParserTests
{
    private static RestrictionNode R(string field, FilterOperator op, string value) => new(field, op, value, 0, 0);

    // Positions are checked by the error tests; structure only here.
    private static FilterNode WithoutPositions(FilterNode node) => node switch
    {
        AndNode a => new AndNode([.. a.Operands.Select(WithoutPositions)]),
        OrNode o => new OrNode([.. o.Operands.Select(WithoutPositions)]),
        NotNode n => new NotNode(WithoutPositions(n.Operand)),
        RestrictionNode r => r with { FieldPosition = 0, ValuePosition = 0 },
        GlobalNode g => g with { Position = 0 },
        _ => node,
    };

    private static string Shape(FilterNode node) => WithoutPositions(node) switch
    {
        AndNode a => $"AND({string.Join(", ", a.Operands.Select(Shape))})",
        OrNode o => $"OR({string.Join(", ", o.Operands.Select(Shape))})",
        NotNode n => $"NOT({Shape(n.Operand)})",
        RestrictionNode r => $"{r.Field} {FilterOperators.Text(r.Operator)} [{r.Value}]",
        GlobalNode g => $"[{g.Value}]",
        _ => "?",
    };

    [Theory]
    [InlineData("a = 1 AND b = 2 OR c = 3", "AND(a = [1], OR(b = [2], c = [3]))")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "AND(OR(a = [1], b = [2]), c = [3])")]
    [InlineData("a = 1 OR b = 2 c = 3", "AND(OR(a = [1], b = [2]), c = [3])")]
    [InlineData("a = 1 b = 2 OR c = 3", "AND(a = [1], OR(b = [2], c = [3]))")]
    [InlineData("(a = 1 AND b = 2) OR c = 3", "OR(AND(a = [1], b = [2]), c = [3])")]
    [InlineData("a = 1 AND b = 2 AND c = 3", "AND(a = [1], b = [2], c = [3])")]
    public void Or_binds_tighter_than_sequence_and_and(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("NOT a = 1", "NOT(a = [1])")]
    [InlineData("-a = 1", "NOT(a = [1])")]
    [InlineData("-(a = 1 OR b = 2)", "NOT(OR(a = [1], b = [2]))")]
    [InlineData("NOT a = 1 OR b = 2", "OR(NOT(a = [1]), b = [2])")]
    [InlineData("x > -5", "x > [-5]")]
    [InlineData("-quang", "NOT([quang])")]
    public void Negation_applies_to_the_next_term_only(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("a=1", "a = [1]")]
    [InlineData("a!=1", "a != [1]")]
    [InlineData("a<1", "a < [1]")]
    [InlineData("a<=1", "a <= [1]")]
    [InlineData("a>1", "a > [1]")]
    [InlineData("a>=1", "a >= [1]")]
    [InlineData("a:1", "a : [1]")]
    [InlineData("a:*", "a : [*]")]
    public void Comparators_need_no_surrounding_spaces(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("name = \"Lạng Sơn\"", "name = [Lạng Sơn]")]
    [InlineData("name = 'Lạng Sơn'", "name = [Lạng Sơn]")]
    [InlineData("name = \"say \\\"hi\\\"\"", "name = [say \"hi\"]")]
    [InlineData("name = 'it\\'s'", "name = [it's]")]
    [InlineData("name = \"a AND b OR c\"", "name = [a AND b OR c]")]
    [InlineData("name = \"(x)\"", "name = [(x)]")]
    [InlineData("created > \"2025-07-01T00:00:00Z\"", "created > [2025-07-01T00:00:00Z]")]
    public void Quoted_strings_are_single_literal_values(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("source.document_id = doc-000", "source.document_id = [doc-000]")]
    [InlineData("positions.role:\"Giám đốc\"", "positions.role : [Giám đốc]")]
    public void Dotted_field_paths_stay_whole(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("quang tri", "AND([quang], [tri])")]
    [InlineData("\"quang tri\"", "[quang tri]")]
    [InlineData("sâm OR gạo", "OR([sâm], [gạo])")]
    public void Bare_values_are_global_restrictions(string filter, string expected)
    {
        Assert.Equal(expected, Shape(FilterParser.Parse(filter)));
    }

    [Fact]
    public void Positions_are_one_based_character_offsets()
    {
        var node = Assert.IsType<RestrictionNode>(FilterParser.Parse("  year >= 2019"));

        Assert.Equal((3, 11), (node.FieldPosition, node.ValuePosition));
        Assert.Equal(R("year", FilterOperator.GreaterOrEqual, "2019"), node with { FieldPosition = 0, ValuePosition = 0 });
    }
}
