using System.Linq.Expressions;
using System.Reflection;

namespace Khcn.Aip;

/// <summary>
/// Comparisons of an order key with a value from a keyset token, in forms EF Core translates for SQLite and
/// PostgreSQL to plain column comparisons (so an index on the key can answer them).
/// </summary>
internal static class KeysetComparisons
{
    public static readonly ConstantExpression True = Expression.Constant(true);
    public static readonly ConstantExpression False = Expression.Constant(false);

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly ConstantExpression Zero = Expression.Constant(0);

    /// <param name="comparison">Equal, GreaterThan, GreaterThanOrEqual, LessThan or LessThanOrEqual.</param>
    /// <param name="value">The token value (bool comparisons are decided on it).</param>
    /// <param name="literal">The same value as a query parameter.</param>
    public static Expression Build(KeysetValueKind kind, Expression key, ExpressionType comparison, object value, Expression literal)
    {
        if (comparison == ExpressionType.Equal)
        {
            return Expression.Equal(key, literal);
        }

        return kind switch
        {
            // C# has no < on strings; EF translates string.Compare(a, b) > 0 to a > b in the column's collation,
            // the same collation ORDER BY uses, so seek and sort agree on every provider.
            KeysetValueKind.String => Expression.MakeBinary(comparison, Expression.Call(StringCompare, key, literal), Zero),
            // Expression trees have no ordering operators on enums: compare the numbers, converted as C# itself does.
            KeysetValueKind.Enum => Expression.MakeBinary(
                comparison,
                Expression.Convert(key, ComparedAs(key.Type)),
                Expression.Convert(literal, ComparedAs(key.Type))),
            KeysetValueKind.Boolean => Boolean(key, comparison, (bool)value),
            _ => Expression.MakeBinary(comparison, key, literal),
        };
    }

    /// <summary><c>left OR right</c>, without the constant halves bool keys produce.</summary>
    public static Expression OrElse(Expression left, Expression right) =>
        left == False ? right : right == False ? left : left == True || right == True ? True : Expression.OrElse(left, right);

    /// <summary><c>left AND right</c>, without the constant halves bool keys produce.</summary>
    public static Expression AndAlso(Expression left, Expression right) =>
        left == True ? right : right == True ? left : left == False || right == False ? False : Expression.AndAlso(left, right);

    // byte, sbyte, short and ushort have no comparison operators of their own; C# promotes them to int.
    private static Type ComparedAs(Type enumType) => Enum.GetUnderlyingType(enumType) switch
    {
        var wide when wide == typeof(long) || wide == typeof(uint) => wide,
        _ => typeof(int),
    };

    // false < true, as both databases store them (0/1 on SQLite, boolean on PostgreSQL). Knowing the value turns each
    // comparison into the key itself, its negation or a constant.
    private static Expression Boolean(Expression key, ExpressionType comparison, bool value) => comparison switch
    {
        ExpressionType.GreaterThan => value ? False : key,
        ExpressionType.GreaterThanOrEqual => value ? key : True,
        ExpressionType.LessThan => value ? Expression.Not(key) : False,
        ExpressionType.LessThanOrEqual => value ? True : Expression.Not(key),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };
}
