using System.Linq.Expressions;

namespace Khcn.Aip;

/// <summary>One order key of an <see cref="OrderBySchema{T}"/>, with what ordering and keyset seeking need of it.</summary>
internal interface IOrderingKey<T>
{
    string Name { get; }

    Type KeyType { get; }

    /// <summary>How the key is compared and carried in keyset tokens; null when keyset pagination cannot seek on it.</summary>
    KeysetValueKind? KeysetKind { get; }

    IOrderedQueryable<T> Apply(IQueryable<T> source, bool first, bool descending);

    /// <summary><c>key(row) comparison value</c>, the value sent as a query parameter.</summary>
    Expression Compare(ParameterExpression row, ExpressionType comparison, object value);

    /// <summary>The key of a row already read.</summary>
    object? Read(T row);
}

/// <summary>One clause of a parsed order_by.</summary>
internal readonly record struct OrderClause<T>(IOrderingKey<T> Key, bool Descending)
{
    /// <summary>The unique key that ends every ordering (ascending), so rows with equal keys keep one order from page to page.</summary>
    public static OrderClause<T> TieBreaker<TId>(Expression<Func<T, TId>> key) =>
        new(new OrderingKey<T, TId>("(tie-breaker)", key), Descending: false);
}
