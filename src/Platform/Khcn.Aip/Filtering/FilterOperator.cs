namespace Khcn.Aip;

/// <summary>AIP-160 comparators: = != &lt; &lt;= &gt; &gt;= and ":" (has).</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Has,
}
