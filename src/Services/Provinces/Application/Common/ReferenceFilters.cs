using System.Linq.Expressions;
using Khcn.Aip;
using Khcn.Provinces.Application.Provinces;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// Filter terms that name another resource (<c>province = "provinces/44"</c>, <c>chair = "officials/x"</c>).
/// Only "=" is offered: a reference either matches or it does not, and a province term already means a set.
/// </summary>
internal static class ReferenceFilters
{
    /// <summary><c>field = "provinces/44"</c>: rows whose <paramref name="code"/> is any code of that province's lineage.</summary>
    public static FilterSchema<T> ProvinceLineage<T>(
        this FilterSchema<T> schema, string field, ProvinceDirectory provinces, Expression<Func<T, string>> code) =>
        schema.Custom(field, c =>
        {
            var codes = ProvinceLineage(provinces, c);
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(codes), code.Body);
            return Expression.Lambda<Func<T, bool>>(contains, code.Parameters);
        });

    /// <summary><c>field = "engagements/x"</c>: rows whose <paramref name="id"/> is that resource's id.</summary>
    public static FilterSchema<T> Reference<T>(
        this FilterSchema<T> schema, string field, ResourceNamePattern pattern, Expression<Func<T, string?>> id) =>
        schema.Custom(field, c =>
        {
            var equal = Expression.Equal(id.Body, Expression.Constant(Id(pattern, c), typeof(string)));
            return Expression.Lambda<Func<T, bool>>(equal, id.Parameters);
        });

    /// <summary>Every code whose records belong to the named province today (lineage), e.g. 44 → {44, 45}.</summary>
    private static string[] ProvinceLineage(ProvinceDirectory provinces, FilterComparison comparison)
    {
        Filters.RequireEquality(comparison);
        if (provinces.CheckProvince(comparison.Value, "filter") is { } problem)
        {
            throw Filters.Invalid($"'{comparison.Field}': {problem.Violation.Description}");
        }

        var code = ProvinceDirectory.NamePattern.Parse(comparison.Value, "filter");
        return [.. provinces.LineageCodes(code)];
    }

    /// <summary>The id in a reference such as "engagements/x".</summary>
    private static string Id(ResourceNamePattern pattern, FilterComparison comparison)
    {
        Filters.RequireEquality(comparison);
        if (!pattern.TryParse(comparison.Value, out var ids))
        {
            throw Filters.Invalid($"'{comparison.Field}' must be a name like {pattern.Pattern}, got '{comparison.Value}'");
        }

        return ids[0];
    }
}
