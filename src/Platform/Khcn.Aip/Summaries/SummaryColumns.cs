using System.Linq.Expressions;
using System.Reflection;

namespace Khcn.Aip;

/// <summary>
/// The dimensions of one Summarize method and, for each, the entity property it groups by and the key property that
/// carries it: enough to build the GROUP BY key selector and to order the resulting rows by the requested dimensions.
/// </summary>
/// <remarks>
/// The key is one class with a property per dimension; a dimension not grouped by keeps the value a new key has
/// (e.g. 0, or "" for a province code), which is "unset" on the wire.
/// </remarks>
/// <typeparam name="TEntity">The stored row being summarised.</typeparam>
/// <typeparam name="TKey">The group key, one settable property per dimension.</typeparam>
/// <typeparam name="TDimension">The contract's Dimension enum.</typeparam>
public sealed class SummaryColumns<TEntity, TKey, TDimension>
    where TKey : new()
    where TDimension : struct, Enum
{
    private static readonly TKey UngroupedKey = new();

    // In declaration order, so the selector binds the key's properties in a fixed order.
    private readonly List<Column> _columns = [];

    /// <summary>Declares that <paramref name="dimension"/> groups by <paramref name="entityValue"/>, carried in <paramref name="keyValue"/>.</summary>
    public SummaryColumns<TEntity, TKey, TDimension> Add<TValue>(
        TDimension dimension, Expression<Func<TKey, TValue>> keyValue, Expression<Func<TEntity, TValue>> entityValue)
    {
        ArgumentNullException.ThrowIfNull(keyValue);
        ArgumentNullException.ThrowIfNull(entityValue);
        var keyProperty = PropertyOf(keyValue);
        var readKey = keyValue.Compile();
        // Codes such as province codes order as codes, not as words of some culture.
        var comparer = typeof(TValue) == typeof(string) ? (IComparer<TValue>)StringComparer.Ordinal : Comparer<TValue>.Default;
        if (_columns.Any(c => c.Dimension.Equals(dimension)))
        {
            throw new ArgumentException($"{dimension} is declared twice.", nameof(dimension));
        }

        _columns.Add(new Column(
            dimension,
            keyProperty,
            entityValue,
            Expression.Constant(readKey(UngroupedKey), typeof(TValue)),
            (a, b) => comparer.Compare(readKey(a), readKey(b))));
        return this;
    }

    /// <summary>
    /// <c>e =&gt; new TKey { A = e.A, B = default, … }</c> with a column for each grouped dimension and a constant for
    /// every other: built as a tree because a captured flag would become a query parameter, which the providers keep in
    /// GROUP BY; constants they leave out, so the SQL groups by exactly the chosen columns.
    /// </summary>
    public Expression<Func<TEntity, TKey>> Selector(IReadOnlyCollection<TDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var bindings = _columns.Select(column => Expression.Bind(
            column.KeyProperty,
            dimensions.Contains(column.Dimension) ? ParameterRebinder.Body(column.EntityValue, entity) : column.Ungrouped));
        return Expression.Lambda<Func<TEntity, TKey>>(Expression.MemberInit(Expression.New(typeof(TKey)), bindings), entity);
    }

    /// <summary>Orders keys by <paramref name="dimensions"/> in request order: the first dimension first, ties by the next.</summary>
    public IComparer<TKey> Order(IReadOnlyList<TDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var compares = dimensions.Select(d => _columns.Find(c => c.Dimension.Equals(d))?.Compare
            ?? throw new ArgumentOutOfRangeException(nameof(dimensions), d, "Unknown dimension.")).ToArray();
        return Comparer<TKey>.Create((a, b) =>
        {
            foreach (var compare in compares)
            {
                var order = compare(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
    }

    private static PropertyInfo PropertyOf<TValue>(Expression<Func<TKey, TValue>> keyValue) =>
        keyValue.Body is MemberExpression { Member: PropertyInfo property } && property.CanWrite
            ? property
            : throw new ArgumentException("Expected a settable property of the key, e.g. k => k.State.", nameof(keyValue));

    private sealed record Column(
        TDimension Dimension,
        PropertyInfo KeyProperty, LambdaExpression EntityValue, ConstantExpression Ungrouped, Func<TKey, TKey, int> Compare);
}
