using System.Runtime.CompilerServices;
using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Domain.Programmes;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>
/// The AIP-160 filter fields of ListProgrammes. <c>province_code = "44"</c> matches every code of the unit's merger
/// lineage (44 and the closed 45), which only the province catalog knows: a schema is built once per catalog, and a
/// filter that cannot name province_code does not need the catalog (nor the Provinces service) at all.
/// <c>province_code = ""</c> finds the national programmes.
/// </summary>
public static class ProgrammeFilters
{
    public const string ProvinceField = "province_code";

    private static readonly ConditionalWeakTable<ProvinceCatalog, FilterSchema<Programme>> ByCatalog = new();

    private static readonly FilterSchema<Programme> WithoutProvinceCatalog = Build(_ =>
        throw new InvalidOperationException("A filter naming province_code needs the province catalog."));

    /// <summary>The schema for <paramref name="filter"/>: with the catalog (UNAVAILABLE when Provinces is down) only when it may name province_code.</summary>
    public static async Task<FilterSchema<Programme>> ForAsync(IProvinceReference provinces, string? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        if (filter is null || !filter.Contains(ProvinceField, StringComparison.Ordinal))
        {
            return WithoutProvinceCatalog;
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        return ByCatalog.GetValue(catalog, c => Build(code => [.. c.LineageOf(code)]));
    }

    private static FilterSchema<Programme> Build(Func<string, string[]> lineageOf) => new FilterSchema<Programme>()
        .Custom(ProvinceField, c =>
        {
            if (c.Operator != FilterOperator.Equal)
            {
                var description = $"operator '{c.OperatorText}' is not supported for field '{c.Field}' "
                    + "(use =: a province matches every code of its merger lineage)";
                throw ApiException.InvalidArgument("INVALID_FILTER", $"The filter is invalid: {description}.", new FieldViolation("filter", description));
            }

            var codes = c.Value.Length == 0 ? [""] : lineageOf(c.Value);
            return p => codes.Contains(p.ProvinceCode);
        })
        .Enum("level", p => p.Level)
        .Year("start_year", p => p.StartYear)
        .Year("end_year", p => p.EndYear)
        .FoldedText("display_name", p => p.FoldedName)
        .String("code", p => p.Code)
        .GlobalText(p => p.FoldedName);
}
