namespace Khcn.Aip;

/// <summary>One restriction of a filter, e.g. <c>kind = WORKING_VISIT</c>; <see cref="Value"/> is unquoted and unescaped.</summary>
public sealed record FilterComparison(string Field, FilterOperator Operator, string Value)
{
    /// <summary>The AIP-160 spelling of <see cref="Operator"/>, for messages.</summary>
    public string OperatorText => FilterOperators.Text(Operator);
}

internal static class FilterOperators
{
    public static string Text(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.Less => "<",
        FilterOperator.LessOrEqual => "<=",
        FilterOperator.Greater => ">",
        FilterOperator.GreaterOrEqual => ">=",
        FilterOperator.Has => ":",
        _ => op.ToString(),
    };
}
