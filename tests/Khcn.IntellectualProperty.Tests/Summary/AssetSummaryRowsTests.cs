using Khcn.IntellectualProperty.Application.Summary;
using Khcn.IntellectualProperty.V1;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Summary;

/// <summary>The in-memory half of SummarizeAssets: ordering the database's groups and adding up the total.</summary>
public sealed class AssetSummaryRowsTests
{
    [Fact]
    public void Rows_are_ordered_by_the_first_dimension_then_the_next()
    {
        AssetSummaryGroup[] groups =
        [
            new(new() { State = State.InForce, Kind = AssetKind.Mark }, 1, 0),
            new(new() { State = State.Filed, Kind = AssetKind.Invention }, 2, 0),
            new(new() { State = State.Filed, Kind = AssetKind.Mark }, 3, 1),
        ];

        var response = AssetSummaryRows.Build(groups, [Dimension.State, Dimension.Kind]);

        Assert.Equal([3, 2, 1], response.Rows.Select(r => r.AssetCount));
    }

    [Fact]
    public void Provinces_order_by_code_and_filing_years_by_number()
    {
        AssetSummaryGroup[] groups =
        [
            new(new() { ProvinceCode = "45", FilingYear = 2015 }, 1, 0),
            new(new() { ProvinceCode = "12", FilingYear = 2021 }, 2, 0),
            new(new() { ProvinceCode = "12", FilingYear = 0 }, 3, 0),
        ];

        var response = AssetSummaryRows.Build(groups, [Dimension.Province, Dimension.FilingYear]);

        Assert.Equal([("12", 0), ("12", 2021), ("45", 2015)], response.Rows.Select(r => (r.ProvinceCode, r.FilingYear)));
    }

    [Fact]
    public void The_total_adds_up_the_assets_and_the_ocop_rated_ones()
    {
        AssetSummaryGroup[] groups =
        [
            new(new() { Kind = AssetKind.Mark }, 7, 3),
            new(new() { Kind = AssetKind.GeographicalIndication }, 2, 2),
        ];

        var response = AssetSummaryRows.Build(groups, [Dimension.Kind]);

        Assert.Equal(new AssetSummaryRow { AssetCount = 9, OcopRatedCount = 5 }, response.Total);
    }

    [Fact]
    public void The_single_aggregate_row_of_an_empty_selection_is_dropped()
    {
        var response = AssetSummaryRows.Build([new(new AssetSummaryKey(), 0, 0)], []);

        Assert.Empty(response.Rows);
        Assert.Equal(new AssetSummaryRow(), response.Total);
    }
}
