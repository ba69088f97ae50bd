using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Aip.Tests.Filtering;

/// <summary>
/// Runs compiled filters and orderings through EF Core against a SQLite file: a predicate EF cannot translate
/// throws, and a translated one must select the same rows as the in-memory evaluation.
/// </summary>
public sealed class SqliteTranslationTests(SqliteSampleDatabase database) : IClassFixture<SqliteSampleDatabase>
{
    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public void Compiled_filter_translates_to_sql_and_selects_the_expected_rows(string filter, int[] expectedIds)
    {
        using var context = database.CreateContext();
        var predicate = Filters.Compile(filter, Samples.Schema())!;

        var ids = context.Samples.Where(predicate).Select(s => s.Id).ToList().Order().ToArray();

        Assert.Equal(expectedIds, ids);
    }

    [Fact]
    public void Filter_literal_is_sent_as_a_sql_parameter()
    {
        using var context = database.CreateContext();
        var predicate = Filters.Compile("name = \"Lai Châu\"", Samples.Schema())!;

        var sql = context.Samples.Where(predicate).ToQueryString();

        Assert.DoesNotContain("Lai Châu", sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)).Last(), StringComparison.Ordinal);
        Assert.Contains("@", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordering_by_sort_key_gives_vietnamese_order_in_sql()
    {
        using var context = database.CreateContext();

        var names = Ordering.Apply(context.Samples, "name", Samples.OrderBy(), "year", x => x.Id).Select(s => s.Name).ToList();

        Assert.Equal(["Đà Nẵng", "Điện Biên", "Lai Châu", "Lạng Sơn", "Lạng Sơn review", "Quảng Bình", "Quảng Trị"], names);
    }

    [Theory]
    [InlineData("year desc, score")]
    [InlineData("create_time desc")]
    [InlineData("score, name desc")]
    [InlineData("")]
    public void Ordering_in_sql_matches_ordering_in_memory(string orderBy)
    {
        using var context = database.CreateContext();
        var schema = Samples.OrderBy();

        var fromSql = Ordering.Apply(context.Samples, orderBy, schema, "year desc", x => x.Id).Select(s => s.Id).ToList();
        var inMemory = Ordering.Apply(Samples.All.AsQueryable(), orderBy, schema, "year desc", x => x.Id).Select(s => s.Id).ToList();

        Assert.Equal(inMemory, fromSql);
    }

    [Fact]
    public void Filter_ordering_and_paging_compose_into_one_query()
    {
        using var context = database.CreateContext();
        var predicate = Filters.Compile("year = 2019", Samples.Schema())!;
        var ordered = Ordering.Apply(context.Samples.Where(predicate), "score desc", Samples.OrderBy(), "year", x => x.Id);

        var secondPage = ordered.Skip(2).Take(2).Select(s => s.Id).ToList();

        // 2019 rows by score desc: 1 (4.5), 7 (2.0), 5 (1.0), 6 (0.0).
        Assert.Equal([5, 6], secondPage);
    }
}
