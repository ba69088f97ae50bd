using Khcn.Aip;
using Khcn.Aip.Tests.Filtering;

namespace Khcn.Aip.Tests.Sorting;

public sealed class OrderingTests
{
    private static int[] Ids(string? orderBy, string defaultOrderBy = "year") =>
        [.. Khcn.Aip.Ordering.Apply(Samples.All.AsQueryable(), orderBy, Samples.OrderBy(), defaultOrderBy, x => x.Id).Select(s => s.Id)];

    [Fact]
    public void Fields_sort_ascending_unless_followed_by_desc()
    {
        Assert.Equal([6, 5, 7, 3, 2, 1, 4], Ids("score"));
        Assert.Equal([4, 1, 2, 3, 7, 5, 6], Ids("score desc"));
    }

    [Fact]
    public void Later_fields_break_ties_of_earlier_ones()
    {
        // Year 2019: scores 4.5 (1), 1.0 (5), 0.0 (6), 2.0 (7).
        Assert.Equal([4, 2, 3, 1, 7, 5, 6], Ids("year desc, score desc"));
    }

    [Fact]
    public void Id_tie_breaker_makes_equal_keys_stable()
    {
        Assert.Equal([1, 5, 6, 7, 3, 2, 4], Ids("year"));
    }

    [Fact]
    public void Empty_order_by_uses_the_default()
    {
        Assert.Equal(Ids("year desc"), Ids(null, "year desc"));
        Assert.Equal(Ids("year desc"), Ids("  ", "year desc"));
    }

    [Fact]
    public void Order_by_tolerates_extra_whitespace()
    {
        Assert.Equal(Ids("year desc, score"), Ids("  year   desc ,score "));
    }

    [Theory]
    [InlineData("foo", "unknown field 'foo'; allowed: name, year, score, create_time")]
    [InlineData("year sideways", "unexpected 'sideways' after 'year': only \"desc\" may follow a field name")]
    [InlineData("year desc score", "'year desc score' is not a field name optionally followed by \"desc\"")]
    [InlineData("year,,score", "has an empty item: separate fields with single commas, e.g. \"display_name, create_time desc\"")]
    [InlineData("year, year desc", "field 'year' appears more than once")]
    public void Invalid_order_by_is_an_invalid_argument_on_order_by(string orderBy, string expected)
    {
        var error = Assert.Throws<ApiException>(() => Ids(orderBy));

        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal(new FieldViolation("order_by", expected), Assert.Single(error.Violations));
    }
}
