using Khcn.Aip;
using Khcn.Aip.Tests.Filtering;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Aip.Tests.Summaries;

/// <summary>Runs summary key selectors through EF Core against a real SQLite file.</summary>
public sealed class SummaryColumnsTests(SqliteSampleDatabase database) : IClassFixture<SqliteSampleDatabase>
{
    [Fact]
    public void Grouping_in_sql_counts_the_rows_of_each_combination_of_the_chosen_dimensions()
    {
        using var context = database.CreateContext();

        var counts = context.Samples
            .GroupBy(SampleSummaryKey.Columns.Selector([SampleDimension.Kind, SampleDimension.Year]))
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.ProvinceCode, Count = g.Count() })
            .ToList();

        var expected = Samples.All
            .GroupBy(s => (s.Kind, s.Year))
            .Select(g => (g.Key.Kind, g.Key.Year, ProvinceCode: "", Count: g.Count()))
            .Order()
            .ToList();
        Assert.Equal(expected, counts.Select(c => (c.Kind, c.Year, c.ProvinceCode, c.Count)).Order().ToList());
    }

    [Fact]
    public void Sql_groups_by_exactly_the_chosen_columns()
    {
        using var context = database.CreateContext();

        var sql = context.Samples
            .GroupBy(SampleSummaryKey.Columns.Selector([SampleDimension.Year]))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToQueryString();

        var groupBy = sql[sql.IndexOf("GROUP BY", StringComparison.Ordinal)..];
        Assert.Contains("\"Year\"", groupBy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kind\"", groupBy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ProvinceCode\"", groupBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimension_not_grouped_by_holds_the_value_of_a_new_key()
    {
        var selector = SampleSummaryKey.Columns.Selector([SampleDimension.Year]).Compile();

        var key = selector(Samples.All[0]);

        Assert.Equal(Samples.All[0].Year, key.Year);
        Assert.Equal(default, key.Kind);
        Assert.Equal("", key.ProvinceCode);
    }

    [Fact]
    public void Keys_order_by_the_dimensions_in_request_order()
    {
        SampleSummaryKey[] keys =
        [
            new() { Year = 2020, ProvinceCode = "45" },
            new() { Year = 2019, ProvinceCode = "45" },
            new() { Year = 2021, ProvinceCode = "44" },
        ];

        var byProvinceThenYear = keys.Order(SampleSummaryKey.Columns.Order([SampleDimension.Province, SampleDimension.Year]));
        var byYear = keys.Order(SampleSummaryKey.Columns.Order([SampleDimension.Year]));

        Assert.Equal([2021, 2019, 2020], byProvinceThenYear.Select(k => k.Year));
        Assert.Equal([2019, 2020, 2021], byYear.Select(k => k.Year));
    }

    [Fact]
    public void Codes_order_ordinally_not_by_culture()
    {
        SampleSummaryKey[] keys = [new() { ProvinceCode = "a" }, new() { ProvinceCode = "B" }];

        var ordered = keys.Order(SampleSummaryKey.Columns.Order([SampleDimension.Province]));

        Assert.Equal(["B", "a"], ordered.Select(k => k.ProvinceCode));
    }

    [Fact]
    public void Ordering_by_an_undeclared_dimension_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSummaryKey.Columns.Order([SampleDimension.FilingYear]));
    }
}
