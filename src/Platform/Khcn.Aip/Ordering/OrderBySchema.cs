using System.Linq.Expressions;
using System.Reflection;

namespace Khcn.Aip;

/// <summary>The fields a List method can be ordered by (AIP-132), each mapped to a key expression EF Core can translate.</summary>
public sealed class OrderBySchema<T>
{
    private readonly Dictionary<string, IOrderingKey<T>> _fields = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> FieldNames => _fields.Keys;

    /// <summary>
    /// Adds the field <paramref name="name"/>, ordered by <paramref name="key"/>. Nullable keys are refused: SQLite
    /// sorts NULL first and PostgreSQL last, and a keyset seek cannot compare with NULL (it would drop those rows).
    /// Order by a non-null expression instead, e.g. a sentinel for absent values (<c>x =&gt; x.Code ?? ""</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The key is nullable, or the name is already taken.</exception>
    public OrderBySchema<T> Field<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(key);
        if (IsNullable(key))
        {
            throw new ArgumentException(
                $"Order field '{name}' has a nullable key ({key.Body}): SQLite sorts NULL first and PostgreSQL last, and " +
                "keyset pagination cannot seek past NULL. Order by a non-null expression, e.g. a sentinel for absent values.",
                nameof(key));
        }

        _fields.Add(name, new OrderingKey<T, TKey>(name, key));
        return this;
    }

    internal bool TryGet(string name, out IOrderingKey<T> key) => _fields.TryGetValue(name, out key!);

    /// <summary>
    /// Throws unless every field can be keyset-paged. Checking the whole schema, not just the requested field, makes a
    /// misfit schema fail on its first List call (and so in the first test) rather than when a client picks that field.
    /// </summary>
    internal void EnsureKeysetPageable()
    {
        foreach (var key in _fields.Values)
        {
            if (key.KeysetKind is null)
            {
                throw new InvalidOperationException(
                    $"Order field '{key.Name}' has a key of type {key.KeyType.Name}, which keyset pagination cannot seek on; " +
                    $"keys must be {KeysetValueKinds.Supported}.");
            }
        }
    }

    // Nullable value types show in TKey; a nullable reference only in the annotation of the member the key reads.
    private static bool IsNullable<TKey>(Expression<Func<T, TKey>> key)
    {
        if (Nullable.GetUnderlyingType(typeof(TKey)) is not null)
        {
            return true;
        }

        var state = key.Body switch
        {
            MemberExpression { Member: PropertyInfo property } when !typeof(TKey).IsValueType => new NullabilityInfoContext().Create(property).ReadState,
            MemberExpression { Member: FieldInfo field } when !typeof(TKey).IsValueType => new NullabilityInfoContext().Create(field).ReadState,
            _ => NullabilityState.Unknown,
        };
        return state == NullabilityState.Nullable;
    }
}
