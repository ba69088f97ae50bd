using System.Linq.Expressions;
using System.Reflection;

namespace Khcn.Aip;

/// <summary>Moves the body of a schema lambda onto the one parameter of the filter being built.</summary>
internal sealed class ParameterRebinder(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Body(LambdaExpression lambda, ParameterExpression parameter) =>
        new ParameterRebinder(lambda.Parameters[0], parameter).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}

/// <summary>
/// Holds a filter literal so that it reaches the query as a captured variable: EF Core sends it as a SQL parameter
/// (no injection, one cached plan per filter shape) rather than inlining it.
/// </summary>
internal sealed class FilterLiteral<TValue>(TValue value)
{
    // Looked up once per literal type rather than by name for every literal of every request.
    private static readonly PropertyInfo ValueProperty = typeof(FilterLiteral<TValue>).GetProperty(nameof(Value))!;

    public TValue Value { get; } = value;

    public static Expression Of(TValue value) =>
        Expression.Property(Expression.Constant(new FilterLiteral<TValue>(value)), ValueProperty);
}
