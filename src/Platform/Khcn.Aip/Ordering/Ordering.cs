using System.Linq.Expressions;

namespace Khcn.Aip;

/// <summary>Applies an AIP-132 order_by ("display_name, create_time desc") to a query.</summary>
public static class Ordering
{
    private const string Field = "order_by";
    private const int MaxLength = 500;

    /// <summary>
    /// Orders <paramref name="source"/> by <paramref name="orderBy"/> (or <paramref name="defaultOrderBy"/> when empty),
    /// then by <paramref name="tieBreaker"/> so that rows with equal keys keep one order from page to page.
    /// </summary>
    public static IOrderedQueryable<T> Apply<T, TId>(
        IQueryable<T> source,
        string? orderBy,
        OrderBySchema<T> schema,
        string defaultOrderBy,
        Expression<Func<T, TId>> tieBreaker)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(tieBreaker);
        return Apply(source, [.. Parse(orderBy, schema, defaultOrderBy), OrderClause<T>.TieBreaker(tieBreaker)]);
    }

    /// <summary>Orders <paramref name="source"/> by <paramref name="columns"/>, the first one primary.</summary>
    internal static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, ReadOnlySpan<OrderClause<T>> columns)
    {
        var ordered = columns[0].Key.Apply(source, first: true, columns[0].Descending);
        foreach (var column in columns[1..])
        {
            ordered = column.Key.Apply(ordered, first: false, column.Descending);
        }

        return ordered;
    }

    /// <summary>The clauses of <paramref name="orderBy"/>, or of <paramref name="defaultOrderBy"/> when it is empty.</summary>
    internal static List<OrderClause<T>> Parse<T>(string? orderBy, OrderBySchema<T> schema, string defaultOrderBy) =>
        string.IsNullOrWhiteSpace(orderBy) ? ParseText(defaultOrderBy ?? "", schema) : ParseText(orderBy, schema);

    private static List<OrderClause<T>> ParseText<T>(string orderBy, OrderBySchema<T> schema)
    {
        if (orderBy.Length > MaxLength)
        {
            throw Invalid($"must be at most {MaxLength} characters");
        }

        var clauses = new List<OrderClause<T>>();
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return clauses;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rawClause in orderBy.Split(','))
        {
            var words = rawClause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                throw Invalid("has an empty item: separate fields with single commas, e.g. \"display_name, create_time desc\"");
            }

            var descending = false;
            if (words.Length == 2)
            {
                descending = words[1] switch
                {
                    "desc" => true,
                    "asc" => false,
                    _ => throw Invalid($"unexpected '{words[1]}' after '{words[0]}': only \"desc\" may follow a field name"),
                };
            }
            else if (words.Length > 2)
            {
                throw Invalid($"'{rawClause.Trim()}' is not a field name optionally followed by \"desc\"");
            }

            var name = words[0];
            if (!schema.TryGet(name, out var key))
            {
                throw Invalid($"unknown field '{name}'; allowed: {string.Join(", ", schema.FieldNames)}");
            }

            if (!seen.Add(name))
            {
                throw Invalid($"field '{name}' appears more than once");
            }

            clauses.Add(new OrderClause<T>(key, descending));
        }

        return clauses;
    }

    private static ApiException Invalid(string description) =>
        ApiException.InvalidArgument("INVALID_ORDER_BY", $"The order_by is invalid: {description}.", new FieldViolation(Field, description));
}
