using System.Linq.Expressions;

namespace Khcn.Aip;

/// <summary>The fields a List method can be ordered by (AIP-132), each mapped to a key expression EF Core can translate.</summary>
public sealed class OrderBySchema<T>
{
    private readonly Dictionary<string, IOrderingKey> _fields = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> FieldNames => _fields.Keys;

    public OrderBySchema<T> Field<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(key);
        _fields.Add(name, new OrderingKey<TKey>(key));
        return this;
    }

    internal bool TryGet(string name, out IOrderingKey key) => _fields.TryGetValue(name, out key!);

    internal interface IOrderingKey
    {
        IOrderedQueryable<T> Apply(IQueryable<T> source, bool first, bool descending);
    }

    // Keeping TKey generic here means Queryable.OrderBy is called with the real key type: no reflection,
    // no boxing conversion that a query provider would have to understand.
    private sealed class OrderingKey<TKey>(Expression<Func<T, TKey>> key) : IOrderingKey
    {
        public IOrderedQueryable<T> Apply(IQueryable<T> source, bool first, bool descending) => (first, descending) switch
        {
            (true, false) => source.OrderBy(key),
            (true, true) => source.OrderByDescending(key),
            (false, false) => ((IOrderedQueryable<T>)source).ThenBy(key),
            (false, true) => ((IOrderedQueryable<T>)source).ThenByDescending(key),
        };
    }
}
