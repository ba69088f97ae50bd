using Khcn.Aip;
using Khcn.Provinces.Application.Provinces;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// Filter terms that name another resource (<c>province = "provinces/44"</c>, <c>chair = "officials/x"</c>).
/// Only "=" is offered: a reference either matches or it does not, and a province term already means a set.
/// </summary>
internal static class ReferenceFilters
{
    /// <summary>Every code whose records belong to the named province today (lineage), e.g. 44 → {44, 45}.</summary>
    public static string[] ProvinceLineage(ProvinceDirectory provinces, FilterComparison comparison)
    {
        EnsureEquality(comparison);
        if (provinces.CheckProvince(comparison.Value, "filter") is { } problem)
        {
            throw Invalid($"'{comparison.Field}': {problem.Violation.Description}");
        }

        var code = ProvinceDirectory.NamePattern.Parse(comparison.Value, "filter");
        return [.. provinces.LineageCodes(code)];
    }

    /// <summary>The id in a reference such as "engagements/x".</summary>
    public static string Id(ResourceNamePattern pattern, FilterComparison comparison)
    {
        EnsureEquality(comparison);
        if (!pattern.TryParse(comparison.Value, out var ids))
        {
            throw Invalid($"'{comparison.Field}' must be a name like {pattern.Pattern}, got '{comparison.Value}'");
        }

        return ids[0];
    }

    private static void EnsureEquality(FilterComparison comparison)
    {
        if (comparison.Operator != FilterOperator.Equal)
        {
            throw Invalid($"operator '{comparison.OperatorText}' is not supported for field '{comparison.Field}' (use =)");
        }
    }

    private static ApiException Invalid(string description) =>
        ApiException.InvalidArgument("INVALID_FILTER", $"The filter is invalid: {description}.", new FieldViolation("filter", description));
}
