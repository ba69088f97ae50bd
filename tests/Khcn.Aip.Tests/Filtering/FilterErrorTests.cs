using Khcn.Aip;

namespace Khcn.Aip.Tests.Filtering;

public sealed class FilterErrorTests
{
    private static FieldViolation Fail(string filter, FilterSchema<Sample>? schema = null)
    {
        var error = Assert.Throws<ApiException>(() => Filters.Compile(filter, schema ?? Samples.Schema()));
        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal("INVALID_FILTER", error.Reason);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("filter", violation.Field);
        return violation;
    }

    [Fact]
    public void Unknown_field_is_named_with_its_position_and_the_allowed_fields()
    {
        const string filter = "name = \"x\" AND foo = 1";

        var violation = Fail(filter);

        Assert.StartsWith($"unknown field 'foo' at position {filter.IndexOf("foo", StringComparison.Ordinal) + 1}; allowed: name, code, folded, kind", violation.Description);
    }

    [Fact]
    public void Unknown_enum_value_lists_the_proto_names()
    {
        var violation = Fail("kind = VISIT");

        Assert.Contains("unknown value 'VISIT' for field 'kind'; allowed: SAMPLE_KIND_UNSPECIFIED, WORKING_VISIT, ANNUAL_REVIEW", violation.Description);
        Assert.Contains("at position 8", violation.Description);
    }

    [Theory]
    [InlineData("kind < WORKING_VISIT", "operator '<' is not supported for field 'kind'")]
    [InlineData("active : true", "operator ':' is not supported for field 'active'")]
    [InlineData("name > b", "operator '>' is not supported for field 'name'")]
    [InlineData("year = abc", "'abc' is not an integer for field 'year' at position 8")]
    [InlineData("budget = 1.5", "'1.5' is not an integer for field 'budget'")]
    [InlineData("score = NaN", "'NaN' is not a number for field 'score'")]
    [InlineData("active = yes", "'yes' is not a boolean for field 'active'")]
    [InlineData("date = 2019-13", "'2019-13' is not a date for field 'date'")]
    [InlineData("date = 2019-02-30", "'2019-02-30' is not a date for field 'date'")]
    [InlineData("created > 2020", "'2020' is not an RFC 3339 timestamp for field 'created'")]
    public void Literal_that_does_not_fit_the_field_is_rejected(string filter, string expected)
    {
        Assert.Contains(expected, Fail(filter).Description);
    }

    [Theory]
    [InlineData("(year = 2019", "expected ')' to close the '(' at position 1, found end of filter at position 13")]
    [InlineData("year = 2019)", "unmatched ')' at position 12")]
    [InlineData("name = \"abc", "unterminated string starting with \" at position 8")]
    [InlineData("year =", "expected a value after '=', found end of filter at position 7")]
    [InlineData("AND year = 1", "expected a field or value, found 'AND' at position 1")]
    [InlineData("year = 1 AND", "expected a field or value, found end of filter at position 13")]
    [InlineData("NOT", "expected a restriction after 'NOT', found end of filter at position 4")]
    [InlineData("year ! 1", "unexpected '!' (did you mean '!=' or 'NOT'?) at position 6")]
    [InlineData("\"year\" = 1", "a field name must not be quoted at position 1")]
    [InlineData("year = 1 = 2", "unexpected '=': quote values that contain comparator characters at position 10")]
    [InlineData("year = 1, year = 2", "unexpected ',' at position 9")]
    [InlineData("year = AND", "expected a value after '=', found 'AND' at position 8")]
    public void Syntax_errors_report_what_was_expected_and_where(string filter, string expected)
    {
        Assert.Equal(expected, Fail(filter).Description);
    }

    [Fact]
    public void Bare_value_needs_a_field_when_the_schema_has_no_global_text()
    {
        var violation = Fail("quang", Samples.Schema(globalText: false));

        Assert.StartsWith("bare value 'quang' needs a field at position 1", violation.Description);
    }

    [Fact]
    public void Filter_longer_than_the_limit_is_rejected()
    {
        var filter = string.Join(" OR ", Enumerable.Repeat("year = 2019", 200));

        Assert.Contains("filter is too long", Fail(filter).Description);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var filter = new string('(', FilterParser.MaxDepth + 1) + "year = 1" + new string(')', FilterParser.MaxDepth + 1);

        Assert.Contains("nesting is too deep", Fail(filter).Description);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var filter = new string('(', FilterParser.MaxDepth) + "year = 2019" + new string(')', FilterParser.MaxDepth);

        Assert.NotNull(Filters.Compile(filter, Samples.Schema()));
    }

    [Fact]
    public void Too_many_restrictions_are_rejected()
    {
        var filter = string.Join(" ", Enumerable.Repeat("year=1", FilterParser.MaxRestrictions + 1));

        Assert.Contains("too many restrictions", Fail(filter).Description);
    }

    [Fact]
    public void Custom_field_errors_pass_through_unchanged()
    {
        var error = Assert.Throws<ApiException>(() => Filters.Compile("province != 44", Samples.Schema()));

        Assert.Equal("province only supports =", Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void Schema_rejects_a_field_registered_twice()
    {
        var schema = new FilterSchema<Sample>().Int("year", x => x.Year);

        Assert.Throws<ArgumentException>(() => schema.Int("year", x => x.Year));
    }
}
