using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Khcn.Aip;

/// <summary>
/// The fields a List method can be filtered on (AIP-160) and how each maps onto the stored entity. Every mapping
/// produces expressions EF Core translates for SQLite and PostgreSQL: comparisons, boolean logic, and
/// string StartsWith / EndsWith / Contains.
/// </summary>
public sealed partial class FilterSchema<T>
{
    private static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWithMethod = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private static readonly FilterOperator[] EqualityOperators = [FilterOperator.Equal, FilterOperator.NotEqual];
    private static readonly FilterOperator[] TextOperators = [FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.Has];
    private static readonly FilterOperator[] OrderedOperators =
        [FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.Less, FilterOperator.LessOrEqual, FilterOperator.Greater, FilterOperator.GreaterOrEqual];

    private readonly Dictionary<string, FieldFilter> _fields = new(StringComparer.Ordinal);
    private LambdaExpression? _globalText;

    /// <summary>Builds the predicate of one comparison on the filter's parameter; throws <see cref="FilterValueException"/> for bad literals.</summary>
    private delegate Expression FieldFilter(ParameterExpression parameter, FilterComparison comparison);

    public IReadOnlyCollection<string> FieldNames => _fields.Keys;

    public bool SupportsGlobalText => _globalText is not null;

    /// <summary>
    /// Exact, case-sensitive text. "=" accepts a leading and/or trailing * wildcard (suffix, prefix, substring);
    /// ":" is substring; "field:*" means present and non-empty.
    /// </summary>
    public FilterSchema<T> String(string field, Expression<Func<T, string?>> property) =>
        Add(field, property, TextOperators, (p, c) => TextRestriction(Rebind(property, p), c, c.Value));

    /// <summary>
    /// Accent- and case-insensitive text: <paramref name="foldedProperty"/> holds <see cref="TextFolding.Fold"/> of the
    /// text, and the literal is folded the same way, so "quang tri" and "QUẢNG TRỊ" both match "Quảng Trị".
    /// </summary>
    public FilterSchema<T> FoldedText(string field, Expression<Func<T, string?>> foldedProperty) =>
        Add(field, foldedProperty, TextOperators, (p, c) => TextRestriction(Rebind(foldedProperty, p), c, TextFolding.Fold(c.Value)));

    /// <summary>A proto enum; the literal is its proto name (WORKING_VISIT) or C# name (WorkingVisit), matched case-insensitively.</summary>
    public FilterSchema<T> Enum<TEnum>(string field, Expression<Func<T, TEnum>> property) where TEnum : struct, Enum =>
        Add(field, property, EqualityOperators, (p, c) =>
            Compare(Rebind(property, p), c.Operator, FilterLiteral<TEnum>.Of(ParseEnum<TEnum>(c.Field, c.Value))));

    public FilterSchema<T> Int(string field, Expression<Func<T, int>> property) =>
        Add(field, property, OrderedOperators, (p, c) =>
            Compare(Rebind(property, p), c.Operator, FilterLiteral<int>.Of(ParseInteger<int>(c, int.TryParse))));

    /// <summary>
    /// A year stored as an int, 0 when unknown. Like an absent date, an unknown year matches no comparison:
    /// <c>year &lt;= 2021</c> must not return every undated record.
    /// </summary>
    public FilterSchema<T> Year(string field, Expression<Func<T, int>> property) =>
        Add(field, property, OrderedOperators, (p, c) =>
        {
            var year = Rebind(property, p);
            return Expression.AndAlso(
                Expression.NotEqual(year, Expression.Constant(0)),
                Compare(year, c.Operator, FilterLiteral<int>.Of(ParseInteger<int>(c, int.TryParse))));
        });

    public FilterSchema<T> Long(string field, Expression<Func<T, long>> property) =>
        Add(field, property, OrderedOperators, (p, c) =>
            Compare(Rebind(property, p), c.Operator, FilterLiteral<long>.Of(ParseInteger<long>(c, long.TryParse))));

    public FilterSchema<T> Double(string field, Expression<Func<T, double>> property) =>
        Add(field, property, OrderedOperators, (p, c) =>
            Compare(Rebind(property, p), c.Operator, FilterLiteral<double>.Of(ParseDouble(c))));

    /// <summary>"true" or "false" (any case).</summary>
    public FilterSchema<T> Bool(string field, Expression<Func<T, bool>> property) =>
        Add(field, property, EqualityOperators, (p, c) =>
            Compare(Rebind(property, p), c.Operator, FilterLiteral<bool>.Of(ParseBool(c))));

    /// <summary>
    /// A <see cref="PartialDate"/> stored as <see cref="PartialDate.ToSortable"/> (0 when absent). A partial literal
    /// stands for its whole period: <c>date = 2019</c> matches 2019-00-00 through 2019-12-31, <c>date &lt; 2019-06</c>
    /// everything before June 2019. Absent dates never match an ordering comparison.
    /// </summary>
    public FilterSchema<T> Date(string field, Expression<Func<T, int>> sortableDate) =>
        Add(field, sortableDate, OrderedOperators, (p, c) => DateRestriction(Rebind(sortableDate, p), c));

    /// <summary>An instant stored as a UTC <see cref="DateTime"/>; the literal is RFC 3339, e.g. "2025-07-01T00:00:00+07:00".</summary>
    public FilterSchema<T> Timestamp(string field, Expression<Func<T, DateTime>> utcProperty) =>
        Add(field, utcProperty, OrderedOperators, (p, c) =>
            Compare(Rebind(utcProperty, p), c.Operator, FilterLiteral<DateTime>.Of(ParseTimestamp(c))));

    /// <summary>
    /// A field with its own meaning, e.g. a province filter that also matches the provinces merged into it.
    /// <paramref name="build"/> receives every operator; throw <see cref="ApiException"/> for unsupported ones.
    /// </summary>
    public FilterSchema<T> Custom(string field, Func<FilterComparison, Expression<Func<T, bool>>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Add(field, (p, c) => Rebind(build(c), p));
    }

    /// <summary>Bare values ("lang son", "Sâm") search <paramref name="foldedProperty"/> (folded text) as a substring.</summary>
    public FilterSchema<T> GlobalText(Expression<Func<T, string?>> foldedProperty)
    {
        ArgumentNullException.ThrowIfNull(foldedProperty);
        _globalText = foldedProperty;
        return this;
    }

    internal Expression BuildRestriction(ParameterExpression parameter, FilterComparison comparison, int fieldPosition)
    {
        if (!_fields.TryGetValue(comparison.Field, out var build))
        {
            throw new FilterSyntaxException($"unknown field '{comparison.Field}'", fieldPosition, $"allowed: {string.Join(", ", _fields.Keys)}");
        }

        return build(parameter, comparison);
    }

    internal Expression BuildGlobal(ParameterExpression parameter, string value, int position)
    {
        if (_globalText is null)
        {
            throw new FilterSyntaxException(
                $"bare value '{value}' needs a field",
                position,
                $"write field=value with one of: {string.Join(", ", _fields.Keys)}");
        }

        var folded = TextFolding.Fold(value.Trim('*'));
        if (folded.Length == 0)
        {
            throw new FilterSyntaxException("empty search text", position);
        }

        var property = Rebind(_globalText, parameter);
        return NotNullAnd(property, Expression.Call(property, ContainsMethod, FilterLiteral<string>.Of(folded)));
    }

    private FilterSchema<T> Add(string field, LambdaExpression property, FilterOperator[] operators, FieldFilter build)
    {
        ArgumentNullException.ThrowIfNull(property);
        return Add(field, (p, c) =>
        {
            if (Array.IndexOf(operators, c.Operator) < 0)
            {
                throw new FilterValueException(
                    $"operator '{c.OperatorText}' is not supported for field '{c.Field}' (use {string.Join(" ", operators.Select(FilterOperators.Text))})");
            }

            return build(p, c);
        });
    }

    private FilterSchema<T> Add(string field, FieldFilter build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (!_fields.TryAdd(field, build))
        {
            throw new ArgumentException($"Field '{field}' is already in the filter schema.", nameof(field));
        }

        return this;
    }

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter) => ParameterRebinder.Body(lambda, parameter);

    private static Expression TextRestriction(Expression property, FilterComparison comparison, string value)
    {
        var core = value.Trim('*');
        Expression match;
        if (core.Length == 0 && value.Length > 0)
        {
            // "field:*" / "field = *": the field is set.
            match = Expression.AndAlso(
                Expression.NotEqual(property, Expression.Constant(null, typeof(string))),
                Expression.NotEqual(property, Expression.Constant("", typeof(string))));
        }
        else
        {
            // ":" is always a substring match; "=" takes its wildcards from the literal.
            var (leading, trailing) = comparison.Operator == FilterOperator.Has
                ? (true, true)
                : (value.StartsWith('*'), value.EndsWith('*'));
            match = (leading, trailing) switch
            {
                (true, true) => NotNullAnd(property, Expression.Call(property, ContainsMethod, FilterLiteral<string>.Of(core))),
                (false, true) => NotNullAnd(property, Expression.Call(property, StartsWithMethod, FilterLiteral<string>.Of(core))),
                (true, false) => NotNullAnd(property, Expression.Call(property, EndsWithMethod, FilterLiteral<string>.Of(core))),
                _ => Expression.Equal(property, FilterLiteral<string>.Of(value)),
            };
        }

        return comparison.Operator == FilterOperator.NotEqual ? Expression.Not(match) : match;
    }

    // The null test keeps in-memory evaluation (tests, caches) from throwing; SQL providers translate it directly.
    private static Expression NotNullAnd(Expression property, Expression call) =>
        Expression.AndAlso(Expression.NotEqual(property, Expression.Constant(null, typeof(string))), call);

    private static Expression Compare(Expression left, FilterOperator op, Expression right) => op switch
    {
        FilterOperator.Equal => Expression.Equal(left, right),
        FilterOperator.NotEqual => Expression.NotEqual(left, right),
        FilterOperator.Less => Expression.LessThan(left, right),
        FilterOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        FilterOperator.Greater => Expression.GreaterThan(left, right),
        FilterOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
        _ => throw new FilterValueException($"operator '{FilterOperators.Text(op)}' is not supported here"),
    };

    private static Expression DateRestriction(Expression property, FilterComparison comparison)
    {
        if (!PartialDate.TryParse(comparison.Value, out var date))
        {
            throw new FilterValueException($"'{comparison.Value}' is not a date for field '{comparison.Field}' (use YYYY-MM-DD, YYYY-MM or YYYY)");
        }

        // The literal covers [first, last] in sortable form; a stored partial date such as 2019-06-00 sorts inside its period.
        var first = date.ToSortable();
        var last = (date.Month, date.Day) switch
        {
            (0, _) => (date.Year * 10_000) + 1231,
            (_, 0) => (date.Year * 10_000) + (date.Month * 100) + 31,
            _ => first,
        };

        Expression Bound(int value) => FilterLiteral<int>.Of(value);
        var present = Expression.GreaterThan(property, Expression.Constant(0));
        var within = first == last
            ? Expression.Equal(property, Bound(first))
            : Expression.AndAlso(Expression.GreaterThanOrEqual(property, Bound(first)), Expression.LessThanOrEqual(property, Bound(last)));

        return comparison.Operator switch
        {
            FilterOperator.Equal => within,
            FilterOperator.NotEqual => Expression.Not(within),
            FilterOperator.Less => Expression.AndAlso(present, Expression.LessThan(property, Bound(first))),
            FilterOperator.LessOrEqual => Expression.AndAlso(present, Expression.LessThanOrEqual(property, Bound(last))),
            FilterOperator.Greater => Expression.GreaterThan(property, Bound(last)),
            FilterOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(property, Bound(first)),
            _ => throw new FilterValueException($"operator '{comparison.OperatorText}' is not supported for field '{comparison.Field}'"),
        };
    }

    private delegate bool IntegerParser<TNumber>(string text, NumberStyles styles, IFormatProvider provider, out TNumber value);

    private static TNumber ParseInteger<TNumber>(FilterComparison comparison, IntegerParser<TNumber> parse) =>
        parse(comparison.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FilterValueException($"'{comparison.Value}' is not an integer for field '{comparison.Field}'");

    private static double ParseDouble(FilterComparison comparison) =>
        double.TryParse(comparison.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FilterValueException($"'{comparison.Value}' is not a number for field '{comparison.Field}'");

    private static bool ParseBool(FilterComparison comparison) => comparison.Value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FilterValueException($"'{comparison.Value}' is not a boolean for field '{comparison.Field}' (use true or false)"),
    };

    private static DateTime ParseTimestamp(FilterComparison comparison)
    {
        if (!Rfc3339().IsMatch(comparison.Value)
            || !DateTimeOffset.TryParse(comparison.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new FilterValueException(
                $"'{comparison.Value}' is not an RFC 3339 timestamp for field '{comparison.Field}' (e.g. \"2025-07-01T00:00:00Z\"; quote it)");
        }

        return instant.UtcDateTime;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    /// <summary>The value of an enum literal: its proto name or C# name, case-insensitively.</summary>
    private static TEnum ParseEnum<TEnum>(string field, string literal) where TEnum : struct, Enum
    {
        foreach (var (protoName, clrName, value) in ProtoEnumValues<TEnum>.All)
        {
            if (string.Equals(literal, protoName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(literal, clrName, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new FilterValueException(
            $"unknown value '{literal}' for field '{field}'; allowed: {string.Join(", ", ProtoEnumValues<TEnum>.All.Select(v => v.ProtoName))}");
    }
}
