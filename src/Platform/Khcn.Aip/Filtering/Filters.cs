using System.Linq.Expressions;

namespace Khcn.Aip;

/// <summary>Compiles AIP-160 filters into predicates for IQueryable sources.</summary>
public static class Filters
{
    public const int MaxLength = 2000;

    /// <summary>
    /// The predicate of <paramref name="filter"/>, or null when it is empty (no restriction). Problems are reported as
    /// INVALID_ARGUMENT (reason INVALID_FILTER) with a violation on "filter" that names the 1-based position.
    /// </summary>
    public static Expression<Func<T, bool>>? Compile<T>(string? filter, FilterSchema<T> schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (filter.Length > MaxLength)
        {
            throw Invalid($"filter is too long ({filter.Length} characters; at most {MaxLength})");
        }

        try
        {
            var tree = FilterParser.Parse(filter);
            var parameter = Expression.Parameter(typeof(T), "x");
            return Expression.Lambda<Func<T, bool>>(Build(tree, parameter, schema), parameter);
        }
        catch (FilterSyntaxException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static Expression Build<T>(FilterNode node, ParameterExpression parameter, FilterSchema<T> schema) => node switch
    {
        AndNode and => and.Operands.Select(o => Build(o, parameter, schema)).Aggregate(Expression.AndAlso),
        OrNode or => or.Operands.Select(o => Build(o, parameter, schema)).Aggregate(Expression.OrElse),
        NotNode not => Expression.Not(Build(not.Operand, parameter, schema)),
        GlobalNode global => schema.BuildGlobal(parameter, global.Value, global.Position),
        RestrictionNode restriction => BuildRestriction(restriction, parameter, schema),
        _ => throw new InvalidOperationException($"Unexpected filter node {node.GetType().Name}."),
    };

    private static Expression BuildRestriction<T>(RestrictionNode restriction, ParameterExpression parameter, FilterSchema<T> schema)
    {
        var comparison = new FilterComparison(restriction.Field, restriction.Operator, restriction.Value);
        try
        {
            return schema.BuildRestriction(parameter, comparison, restriction.FieldPosition);
        }
        catch (FilterValueException e)
        {
            throw new FilterSyntaxException(e.Description, restriction.ValuePosition);
        }
    }

    /// <summary>INVALID_ARGUMENT (reason INVALID_FILTER) with <paramref name="description"/> on the "filter" field.</summary>
    public static ApiException Invalid(string description) =>
        ApiException.InvalidArgument("INVALID_FILTER", $"The filter is invalid: {description}.", new FieldViolation("filter", description));

    /// <summary>
    /// For a custom term that only means something with "=" (a reference, a set such as a province lineage): any other
    /// operator is INVALID_FILTER, with <paramref name="why"/> after the hint when given.
    /// </summary>
    public static void RequireEquality(FilterComparison comparison, string? why = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.Operator != FilterOperator.Equal)
        {
            var hint = why is null ? "use =" : $"use =: {why}";
            throw Invalid($"operator '{comparison.OperatorText}' is not supported for field '{comparison.Field}' ({hint})");
        }
    }
}
