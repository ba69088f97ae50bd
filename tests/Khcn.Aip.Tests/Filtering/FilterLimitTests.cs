using Khcn.Aip;

namespace Khcn.Aip.Tests.Filtering;

/// <summary>
/// The complexity limits of a filter (length, nesting depth, number of restrictions) refuse hostile input before it
/// costs anything, and say which limit was hit on the "filter" field.
/// </summary>
public sealed class FilterLimitTests
{
    [Fact]
    public void Nesting_far_beyond_the_limit_is_refused_at_the_limit_without_overflowing_the_stack()
    {
        // Past the length limit on purpose (the parser is called directly): 200,000 unguarded recursive descents would
        // overflow the test thread's stack and kill the process rather than fail the test.
        var filter = new string('(', 200_000) + "year = 1";

        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(filter));

        Assert.Contains($"at most {FilterParser.MaxDepth} levels", error.Message);
        Assert.Equal(FilterParser.MaxDepth + 1, error.Position);
    }

    [Fact]
    public void NOT_counts_towards_the_nesting_depth_like_parentheses()
    {
        var levels = (FilterParser.MaxDepth / 2) + 1;
        var filter = string.Concat(Enumerable.Repeat("NOT (", levels)) + "year = 1" + new string(')', levels);

        Assert.Contains($"at most {FilterParser.MaxDepth} levels", Violation(filter).Description);
    }

    [Fact]
    public void Filter_of_exactly_the_maximum_length_is_not_refused_for_its_length()
    {
        const string prefix = "name = \"";
        var filter = prefix + new string('a', Filters.MaxLength - prefix.Length - 1) + "\"";

        Assert.Equal(Filters.MaxLength, filter.Length);
        Assert.NotNull(Filters.Compile(filter, Samples.Schema()));
    }

    [Fact]
    public void Filter_one_character_over_the_maximum_length_is_refused_naming_the_limit()
    {
        var filter = "name = \"" + new string('a', Filters.MaxLength - 8) + "\"";

        Assert.Equal(Filters.MaxLength + 1, filter.Length);
        Assert.Contains($"at most {Filters.MaxLength}", Violation(filter).Description);
    }

    [Fact]
    public void Restrictions_up_to_the_limit_are_accepted_and_one_more_is_refused_naming_the_limit()
    {
        string Restrictions(int count) => string.Join(" OR ", Enumerable.Repeat("year = 2019", count));

        Assert.NotNull(Filters.Compile(Restrictions(FilterParser.MaxRestrictions), Samples.Schema()));
        Assert.Contains($"at most {FilterParser.MaxRestrictions}", Violation(Restrictions(FilterParser.MaxRestrictions + 1)).Description);
    }

    private static FieldViolation Violation(string filter)
    {
        var error = Assert.Throws<ApiException>(() => Filters.Compile(filter, Samples.Schema()));
        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal("INVALID_FILTER", error.Reason);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("filter", violation.Field);
        return violation;
    }
}
