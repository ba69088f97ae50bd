using System.Linq.Expressions;

namespace Khcn.Aip;

// Keeping TKey generic here means Queryable.OrderBy is called with the real key type and literals are typed: no
// reflection, no boxing conversion that a query provider would have to understand.
internal sealed class OrderingKey<T, TKey>(string name, Expression<Func<T, TKey>> key) : IOrderingKey<T>
{
    private Func<T, TKey>? _read;

    public string Name => name;

    public Type KeyType => typeof(TKey);

    public KeysetValueKind? KeysetKind { get; } = KeysetValueKinds.Of(typeof(TKey));

    public IOrderedQueryable<T> Apply(IQueryable<T> source, bool first, bool descending) => (first, descending) switch
    {
        (true, false) => source.OrderBy(key),
        (true, true) => source.OrderByDescending(key),
        (false, false) => ((IOrderedQueryable<T>)source).ThenBy(key),
        (false, true) => ((IOrderedQueryable<T>)source).ThenByDescending(key),
    };

    public Expression Compare(ParameterExpression row, ExpressionType comparison, object value)
    {
        var kind = KeysetKind ?? throw new InvalidOperationException($"Order field '{name}' ({typeof(TKey).Name}) cannot be keyset-paged.");
        return KeysetComparisons.Build(kind, ParameterRebinder.Body(key, row), comparison, value, FilterLiteral<TKey>.Of((TKey)value));
    }

    // Interpreted: a key is read once per page, and a tie-breaker lambda is new on every call, so compiling it to IL
    // would cost more than it ever saves.
    public object? Read(T row) => (_read ??= key.Compile(preferInterpretation: true))(row);
}
