using Khcn.IntellectualProperty.V1;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;

namespace Khcn.IntellectualProperty.Application.Summary;

/// <summary>Turns the database's groups into the response: rows ordered by the dimensions in request order, and the total.</summary>
public static class AssetSummaryRows
{
    public static SummarizeAssetsResponse Build(IReadOnlyList<AssetSummaryGroup> groups, IReadOnlyList<Dimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(dimensions);
        var total = new AssetSummaryRow();
        var response = new SummarizeAssetsResponse { Total = total };
        foreach (var group in Order(groups, dimensions))
        {
            var row = ToRow(group);
            response.Rows.Add(row);
            total.AssetCount += row.AssetCount;
            total.OcopRatedCount += row.OcopRatedCount;
        }

        return response;
    }

    private static AssetSummaryRow ToRow(AssetSummaryGroup group) => new()
    {
        // Dimensions not grouped by hold their default in the key, which is "unset" on the wire.
        Kind = group.Key.Kind,
        MarkType = group.Key.MarkType,
        State = group.Key.State,
        FilingYear = group.Key.FilingYear,
        ProvinceCode = group.Key.ProvinceCode,
        AssetCount = group.AssetCount,
        OcopRatedCount = group.OcopRatedCount,
    };

    // Few rows (one per combination present): ordering here keeps the SQL the same for every dimension order. A
    // summary without dimensions is one aggregate, which SQL answers with a row even when no asset matches: drop it.
    private static IEnumerable<AssetSummaryGroup> Order(IReadOnlyList<AssetSummaryGroup> groups, IReadOnlyList<Dimension> dimensions) =>
        groups.Where(g => g.AssetCount > 0).OrderBy(g => g.Key, AssetSummaryKey.Columns.Order(dimensions));
}
