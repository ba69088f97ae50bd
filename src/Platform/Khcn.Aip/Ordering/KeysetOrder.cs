using System.Linq.Expressions;

namespace Khcn.Aip;

/// <summary>
/// An AIP-132 ordering completed by a unique tie-breaker, read as one composite key. A page after the first seeks
/// past the key of the previous page's last row (its position) instead of skipping rows, so a deep page costs what
/// the first does when an index covers the key.
/// </summary>
internal sealed class KeysetOrder<T>
{
    // The order_by clauses, then the tie-breaker (ascending).
    private readonly OrderClause<T>[] _columns;

    private KeysetOrder(OrderClause<T>[] columns, string description)
    {
        _columns = columns;
        Description = description;
        KeyTypes = [.. columns.Select(c => c.Key.KeyType)];
    }

    /// <summary>The effective order_by in canonical form (the default when the request has none).</summary>
    public string Description { get; }

    /// <summary>The type of each position value: the order keys, then the tie-breaker.</summary>
    public IReadOnlyList<Type> KeyTypes { get; }

    /// <summary>
    /// Parses <paramref name="orderBy"/> (INVALID_ARGUMENT "INVALID_ORDER_BY" when bad; <paramref name="defaultOrderBy"/>
    /// when empty). Throws <see cref="InvalidOperationException"/> when the schema has a key keyset cannot seek on.
    /// </summary>
    public static KeysetOrder<T> Create<TId>(
        string? orderBy, OrderBySchema<T> schema, string defaultOrderBy, Expression<Func<T, TId>> tieBreaker)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(tieBreaker);
        schema.EnsureKeysetPageable();
        var clauses = Ordering.Parse(orderBy, schema, defaultOrderBy);
        var description = string.Join(", ", clauses.Select(c => c.Descending ? $"{c.Key.Name} desc" : c.Key.Name));
        return new KeysetOrder<T>([.. clauses, OrderClause<T>.TieBreaker(tieBreaker)], description);
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Ordering.Apply(source, _columns);
    }

    /// <summary>
    /// The rows after <paramref name="position"/> in this order: <c>(k1, k2, …, id) &gt; (v1, v2, …, vid)</c> with each
    /// key's direction, written as <c>k1 &gt; v1 OR (k1 = v1 AND (k2 &lt; v2 OR (k2 = v2 AND id &gt; vid)))</c> (k2 desc),
    /// because row-value comparison neither mixes directions nor exists in LINQ. The chain is prefixed with the
    /// redundant <c>k1 &gt;= v1</c>: databases turn that bound into an index range, which they do not for an OR.
    /// </summary>
    public Expression<Func<T, bool>> After(IReadOnlyList<object> position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Count != _columns.Length)
        {
            throw new ArgumentException($"A position of this order has {_columns.Length} values, not {position.Count}.", nameof(position));
        }

        var row = Expression.Parameter(typeof(T), "row");
        var last = _columns.Length - 1;
        var after = Compare(row, last, Strictly(_columns[last]), position);
        for (var i = last - 1; i >= 0; i--)
        {
            after = KeysetComparisons.OrElse(
                Compare(row, i, Strictly(_columns[i]), position),
                KeysetComparisons.AndAlso(Compare(row, i, ExpressionType.Equal, position), after));
        }

        if (last > 0)
        {
            var bound = _columns[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual;
            after = KeysetComparisons.AndAlso(Compare(row, 0, bound, position), after);
        }

        return Expression.Lambda<Func<T, bool>>(after, row);
    }

    /// <summary>The position of <paramref name="row"/>: its order keys, then its tie-breaker.</summary>
    public object[] PositionOf(T row)
    {
        var position = new object[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            position[i] = _columns[i].Key.Read(row)
                ?? throw new InvalidOperationException(
                    $"Order key '{_columns[i].Key.Name}' is null on a row: keyset pagination needs non-null keys (its column should be NOT NULL).");
        }

        return position;
    }

    private static ExpressionType Strictly(OrderClause<T> column) =>
        column.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;

    private Expression Compare(ParameterExpression row, int column, ExpressionType comparison, IReadOnlyList<object> position) =>
        _columns[column].Key.Compare(row, comparison, position[column]);
}
