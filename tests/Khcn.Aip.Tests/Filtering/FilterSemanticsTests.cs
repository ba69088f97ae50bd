using Khcn.Aip;

namespace Khcn.Aip.Tests.Filtering;

public sealed class FilterSemanticsTests
{
    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public void Compiled_filter_selects_the_expected_rows_in_memory(string filter, int[] expectedIds)
    {
        var predicate = Filters.Compile(filter, Samples.Schema())!.Compile();

        var ids = Samples.All.Where(predicate).Select(s => s.Id).Order().ToArray();

        Assert.Equal(expectedIds, ids);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_filter_compiles_to_no_restriction(string? filter)
    {
        Assert.Null(Filters.Compile(filter, Samples.Schema()));
    }

    [Theory]
    [InlineData("year <= 2021", new[] { 2 })]
    [InlineData("year < 2030", new[] { 2, 3 })]
    [InlineData("year >= 2000", new[] { 2, 3 })]
    [InlineData("year != 2021", new[] { 3 })]
    [InlineData("year = 2023", new[] { 3 })]
    public void Unknown_year_matches_no_comparison(string filter, int[] expectedIds)
    {
        // Row 1 has no known year (0): like an absent date, it must not count as "before 2021".
        Sample[] rows = [new() { Id = 1, Year = 0 }, new() { Id = 2, Year = 2021 }, new() { Id = 3, Year = 2023 }];
        var schema = new FilterSchema<Sample>().Year("year", x => x.Year);

        var ids = rows.Where(Filters.Compile(filter, schema)!.Compile()).Select(r => r.Id).ToArray();

        Assert.Equal(expectedIds, ids);
    }

    [Fact]
    public void Or_binds_tighter_than_and_unlike_most_languages()
    {
        // AIP-160: "a OR b AND c" is "(a OR b) AND c". With C-like precedence row 4 (year 2023, a working visit)
        // would match.
        var predicate = Filters.Compile("year = 2023 OR year = 2019 AND kind = ANNUAL_REVIEW", Samples.Schema())!.Compile();

        Assert.False(predicate(Samples.All.Single(s => s.Id == 4)));
        Assert.True(predicate(Samples.All.Single(s => s.Id == 5)));
    }

    [Fact]
    public void Folded_text_matches_whatever_normalization_the_literal_uses()
    {
        var nfd = "Quảng Trị".Normalize(System.Text.NormalizationForm.FormD);
        var predicate = Filters.Compile($"folded = \"{nfd}\"", Samples.Schema())!.Compile();

        Assert.Equal([4], Samples.All.Where(predicate).Select(s => s.Id));
    }

    [Fact]
    public void Custom_field_receives_the_parsed_comparison()
    {
        FilterComparison? seen = null;
        var schema = new FilterSchema<Sample>().Custom("positions.role", c =>
        {
            seen = c;
            return x => true;
        });

        Filters.Compile("positions.role != \"Giám đốc \\\"Sở\\\"\"", schema);

        Assert.Equal(new FilterComparison("positions.role", FilterOperator.NotEqual, "Giám đốc \"Sở\""), seen);
    }

    [Fact]
    public void Filter_literals_become_query_parameters_not_inlined_constants()
    {
        // Literals are captured in a holder object, so EF Core sends them as SQL parameters.
        var expression = Filters.Compile("name = \"x'; DROP TABLE t; --\"", Samples.Schema())!;

        Assert.DoesNotContain("\"x'; DROP TABLE t; --\"", expression.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.All, new Predicate<Sample>(expression.Compile()));
    }
}
