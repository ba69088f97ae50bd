using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Khcn.Aip;

namespace Khcn.ProvinceReference;

/// <summary>
/// The filter schema of one List method whose province term (e.g. <c>province_code = "44"</c>) matches every code of
/// the unit's merger lineage (44 and the closed 45) — which only the province catalog knows. A schema is built once per
/// catalog and reused while that catalog is current; a filter that cannot name the province field gets a schema built
/// without any catalog, so such lists keep working while the Provinces service is down.
/// </summary>
/// <param name="provinceField">The filter field of the province code.</param>
/// <param name="provinceCode">The stored province code of a row.</param>
/// <param name="otherFields">Adds the method's other fields to a schema that has the province term.</param>
public sealed class ProvinceFilterSchemas<T>(
    string provinceField, Expression<Func<T, string>> provinceCode, Func<FilterSchema<T>, FilterSchema<T>> otherFields)
{
    private readonly ConditionalWeakTable<ProvinceCatalog, FilterSchema<T>> _byCatalog = new();
    private FilterSchema<T>? _withoutCatalog;

    /// <summary>
    /// The schema for <paramref name="filter"/>: over the current catalog (UNAVAILABLE when Provinces is down and none
    /// is cached) only when the filter may name the province field.
    /// </summary>
    public async Task<FilterSchema<T>> ForAsync(IProvinceReference provinces, string? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        if (filter is null || !filter.Contains(provinceField, StringComparison.Ordinal))
        {
            return _withoutCatalog ??= Build(_ => throw new InvalidOperationException(
                $"A filter naming {provinceField} needs the province catalog."));
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        return _byCatalog.GetValue(catalog, c => Build(c.LineageOf));
    }

    /// <summary>
    /// The rows of <paramref name="rows"/> that <paramref name="filter"/> matches and, unless <paramref name="provinceScope"/>
    /// is null (the whole country), whose stored code is in it: what a summary over "the same fields as List" counts.
    /// </summary>
    public async Task<IQueryable<T>> MatchingAsync(
        IQueryable<T> rows, IProvinceReference provinces, string? filter, IReadOnlyCollection<string>? provinceScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Filters.Compile(filter, await ForAsync(provinces, filter, cancellationToken)) is { } predicate)
        {
            rows = rows.Where(predicate);
        }

        return provinceScope is null ? rows : rows.Where(CodeIn(provinceScope));
    }

    /// <summary>The rows whose stored province code is one of <paramref name="codes"/> (a lineage, a summary's scope).</summary>
    private Expression<Func<T, bool>> CodeIn(IEnumerable<string> codes)
    {
        var contains = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(codes.ToArray()), provinceCode.Body);
        return Expression.Lambda<Func<T, bool>>(contains, provinceCode.Parameters);
    }

    private FilterSchema<T> Build(Func<string, IReadOnlyCollection<string>> lineageOf) =>
        otherFields(new FilterSchema<T>().Custom(provinceField, comparison =>
        {
            Filters.RequireEquality(comparison, "a province matches every code of its merger lineage");
            // An unknown code (or "") is its own lineage: it matches the rows stored under it, if any.
            return CodeIn(lineageOf(comparison.Value));
        }));
}
