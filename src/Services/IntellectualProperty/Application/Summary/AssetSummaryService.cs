using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;

namespace Khcn.IntellectualProperty.Application.Summary;

/// <summary>
/// SummarizeAssets: asset counts (and how many carry an OCOP rating) for the whole country or a set of provinces (each
/// with its merger lineage), grouped by the requested dimensions. The filter narrows the assets first; grouping and
/// counting run in SQL, so a summary over the whole register reads one row per group, never the assets themselves.
/// The Provinces overview calls it.
/// </summary>
public sealed class AssetSummaryService(IpDbContext db, IProvinceReference provinces)
{
    public async Task<SummarizeAssetsResponse> SummarizeAsync(SummarizeAssetsRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var dimensions = GroupByDimensions.Read(validator, request.GroupBy);
        var provinceScope = await ProvinceLineageScope.ReadAsync(
            provinces, validator, request.ProvinceCodes, "province_codes", cancellationToken);
        validator.ThrowIfInvalid("The summary request has invalid fields.");

        var assets = await AssetFilters.Schemas.MatchingAsync(
            db.Assets.AsNoTracking(), provinces, request.Filter, provinceScope, cancellationToken);
        var groups = await assets
            .GroupBy(AssetSummaryKey.Columns.Selector(dimensions))
            .Select(g => new AssetSummaryGroup(g.Key, g.Count(), g.Count(a => a.OcopStars > 0)))
            .ToListAsync(cancellationToken);

        return AssetSummaryRows.Build(groups, dimensions);
    }
}
