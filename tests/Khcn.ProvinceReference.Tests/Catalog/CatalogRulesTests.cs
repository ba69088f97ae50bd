using Khcn.Provinces.V1;
using Date = Google.Type.Date;

namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>
/// Catalog rules the seeded data does not exercise (no code there starts after our records begin), on listings
/// written out here in the shape ListProvinces returns.
/// </summary>
public sealed class CatalogRulesTests
{
    // 01 split on 2030-01-01: 90 is created from part of it (a code that did not exist before).
    private static readonly ProvinceCatalog SplitCatalog = new(
    [
        new Province { Name = "provinces/01", Code = "01", DisplayName = "Hà Nội" },
        new Province { Name = "provinces/90", Code = "90", DisplayName = "Tỉnh Mới", ValidFrom = new Date { Year = 2030, Month = 1, Day = 1 } },
        new Province
        {
            Name = "provinces/80", Code = "80", DisplayName = "Tỉnh Đã Giải Thể",
            ValidTo = new Date { Year = 2020, Month = 12, Day = 31 },
        },
    ]);

    [Fact]
    public void A_code_is_refused_before_its_first_day()
    {
        var problem = SplitCatalog.Check("90", 20291231);

        Assert.NotNull(problem);
        Assert.Equal(ProvinceCodeProblem.NotYetValid, problem.Reason);
        Assert.Contains("2030-01-01", problem.Description, StringComparison.Ordinal);
        Assert.Null(SplitCatalog.Check("90", 20300101));
    }

    [Theory]
    [InlineData(20300000)] // the year it starts
    [InlineData(20300100)] // the month it starts
    public void A_partial_date_is_accepted_when_its_period_reaches_the_first_day(int date)
    {
        Assert.Null(SplitCatalog.Check("90", date));
    }

    [Theory]
    [InlineData(20290000)]
    [InlineData(20291200)]
    public void A_partial_date_is_refused_when_its_period_ends_before_the_first_day(int date)
    {
        Assert.Equal(ProvinceCodeProblem.NotYetValid, SplitCatalog.Check("90", date)?.Reason);
    }

    [Fact]
    public void A_code_closed_without_a_successor_names_no_replacement()
    {
        var problem = SplitCatalog.Check("80", 20210101);

        Assert.NotNull(problem);
        Assert.Equal(ProvinceCodeProblem.Closed, problem.Reason);
        Assert.Equal("code 80 was closed on 2020-12-31", problem.Description);
        Assert.Equal(["80"], SplitCatalog.LineageOf("80"));
    }

    [Fact]
    public void Earlier_incarnations_nested_in_the_latest_one_count_for_validity()
    {
        // Only today's unit of 44 is listed; Quảng Bình comes as its previous incarnation.
        var latest = new Province
        {
            Name = "provinces/44", Code = "44", DisplayName = "Quảng Trị", ValidFrom = new Date { Year = 2025, Month = 7, Day = 1 },
        };
        latest.PreviousIncarnations.Add(new ProvinceIncarnation
        {
            DisplayName = "Quảng Bình", ValidTo = new Date { Year = 2025, Month = 6, Day = 30 },
        });
        var catalog = new ProvinceCatalog([latest]);

        Assert.Null(catalog.Check("44", 20200101));
        Assert.Equal(2, catalog.Count);
    }

    [Fact]
    public void A_code_is_read_from_the_name_when_the_code_field_is_empty()
    {
        var catalog = new ProvinceCatalog([new Province { Name = "provinces/12", DisplayName = "Lai Châu" }]);

        Assert.True(catalog.Contains("12"));
        Assert.Null(catalog.Check("12", 20200101));
    }
}
