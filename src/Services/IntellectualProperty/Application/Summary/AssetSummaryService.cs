using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
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
        var dimensions = ReadDimensions(validator, request.GroupBy);

        // The catalog is needed only to expand provinces: a country-wide summary works while Provinces is down.
        var provinceScope = request.ProvinceCodes.Count == 0
            ? null
            : ReadProvinceScope(validator, await provinces.GetCatalogAsync(cancellationToken), request.ProvinceCodes);
        validator.ThrowIfInvalid("The summary request has invalid fields.");

        IQueryable<IpAsset> assets = db.Assets.AsNoTracking();
        var filters = await AssetFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken);
        if (Filters.Compile(request.Filter, filters) is { } predicate)
        {
            assets = assets.Where(predicate);
        }

        if (provinceScope is not null)
        {
            assets = assets.Where(a => provinceScope.Contains(a.ProvinceCode));
        }

        var groups = await assets
            .GroupBy(AssetSummaryKey.Selector(dimensions))
            .Select(g => new AssetSummaryGroup(g.Key, g.Count(), g.Count(a => a.OcopStars > 0)))
            .ToListAsync(cancellationToken);

        return AssetSummaryRows.Build(groups, dimensions);
    }

    /// <summary>The province codes covered: every code of each requested unit's lineage.</summary>
    private static HashSet<string> ReadProvinceScope(Validator validator, ProvinceCatalog catalog, IReadOnlyList<string> codes)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            var field = $"province_codes[{i}]";
            if (code.Length != 2 || !code.All(char.IsAsciiDigit))
            {
                validator.Add(field, "must be a 2-digit GSO province code, e.g. \"44\"");
            }
            else if (!catalog.Contains(code))
            {
                // A closed code is accepted (45 covers its lineage, today's 44); only a code no unit ever had is refused.
                validator.Add(field, $"province code '{code}' does not exist");
            }
            else
            {
                scope.UnionWith(catalog.LineageOf(code));
            }
        }

        return scope;
    }

    private static List<Dimension> ReadDimensions(Validator validator, IReadOnlyList<Dimension> requested)
    {
        var dimensions = new List<Dimension>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var dimension = requested[i];
            var field = $"group_by[{i}]";
            if (dimension == Dimension.Unspecified || !Enum.IsDefined(dimension))
            {
                validator.Add(field, "must be one of KIND, MARK_TYPE, STATE, FILING_YEAR, PROVINCE");
            }
            else if (dimensions.Contains(dimension))
            {
                validator.Add(field, $"repeats {ProtoEnumNames.Of(dimension)}; group by each dimension at most once");
            }
            else
            {
                dimensions.Add(dimension);
            }
        }

        return dimensions;
    }
}
