using System.Buffers.Text;
using Khcn.Aip;
using Khcn.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Khcn.Data.Tests.Paging.PagedRowsTable;

namespace Khcn.Data.Tests.Paging;

/// <summary>
/// <see cref="ListQueryExtensions.KeysetPageAsync"/> on a real database: whole walks compared with the offset walk of
/// the same order, token binding, and rows inserted or deleted between pages. Runs on SQLite and PostgreSQL through the
/// two subclasses at the end of this file.
/// </summary>
public abstract class KeysetPagingTests(PagedRowsDatabase fixture)
{
    private const int PageSize = 4;

    // Every key type in both directions, mixes of directions, the default order and the tie-breaker's own field.
    public static TheoryData<string> Orders => new()
    {
        "",
        "title",
        "title desc",
        "category, title desc",
        "rank desc, amount",
        "amount desc, score",
        "score, active desc",
        "active, kind desc",
        "kind, recorded_at desc",
        "recorded_at",
        "category desc, active, rank, score desc, kind, recorded_at desc, amount, title",
        "name desc",
    };

    [Theory, MemberData(nameof(Orders))]
    public async Task Keyset_walk_returns_the_rows_of_the_offset_walk_in_the_same_order(string orderBy)
    {
        var pages = await WalkAsync(fixture.Database, new ListRequest(PageSize, null, null, orderBy));

        var offsetWalk = await OffsetWalkAsync(fixture.Database, orderBy, filter: null);
        Assert.Equal(PagedRowsDatabase.RowCount, offsetWalk.Count);
        Assert.Equal(offsetWalk, Ids(pages));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(PageSize, page.Items.Count));
        Assert.All(pages, page => Assert.Equal(PagedRowsDatabase.RowCount, page.TotalSize));
    }

    [Theory]
    [InlineData("active = true", "amount desc, title")]
    [InlineData("rank >= 0 AND kind != GAMMA", "recorded_at desc")]
    [InlineData("category = \"đổi mới\"", "score desc, kind")]
    public async Task Every_page_of_a_filtered_walk_reports_the_count_of_the_filtered_rows(string filter, string orderBy)
    {
        var pages = await WalkAsync(fixture.Database, new ListRequest(PageSize, null, filter, orderBy));

        var offsetWalk = await OffsetWalkAsync(fixture.Database, orderBy, filter);
        Assert.InRange(offsetWalk.Count, PageSize + 1, PagedRowsDatabase.RowCount - 1);
        Assert.Equal(offsetWalk, Ids(pages));
        Assert.All(pages, page => Assert.Equal(offsetWalk.Count, page.TotalSize));
    }

    [Fact]
    public async Task Rows_with_equal_order_keys_are_paged_in_tie_breaker_order()
    {
        // One kind only, ordered by kind: every key is equal and only the id separates the pages.
        var pages = await WalkAsync(fixture.Database, new ListRequest(3, null, "kind = BETA", "kind"));

        await using var db = Context(fixture.Database);
        var beta = await db.Rows.Where(r => r.Kind == RowKind.Beta).Select(r => r.Id).ToListAsync();
        Assert.True(pages.Count > 2);
        Assert.Equal(beta.Order(StringComparer.Ordinal), Ids(pages));
    }

    [Fact]
    public async Task Page_size_may_change_between_pages()
    {
        var sizes = new[] { 1, 7, 2, 50 };
        var request = new ListRequest(sizes[0], null, null, "title desc, amount");
        var pages = await WalkAsync(fixture.Database, request, page => Task.CompletedTask, pageNumber => sizes[pageNumber % sizes.Length]);

        Assert.Equal(await OffsetWalkAsync(fixture.Database, "title desc, amount", filter: null), Ids(pages));
        Assert.Equal([1, 7, 2, 50, 1, 7, 2, 20], pages.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task Last_page_ending_exactly_on_the_last_row_has_no_next_page_token()
    {
        var pages = await WalkAsync(fixture.Database, new ListRequest(PagedRowsDatabase.RowCount / 5, null, null, "score"));

        Assert.Equal(5, pages.Count);
        Assert.Equal("", pages[^1].NextPageToken);
        Assert.Equal(PagedRowsDatabase.RowCount / 5, pages[^1].Items.Count);
    }

    [Fact]
    public async Task Page_holding_every_row_has_no_next_page_token()
    {
        var page = await PageAsync(new ListRequest(1000, null, null, "title"));

        Assert.Equal(PagedRowsDatabase.RowCount, page.Items.Count);
        Assert.Equal(PagedRowsDatabase.RowCount, page.TotalSize);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task Filter_matching_nothing_gives_an_empty_page_with_zero_total()
    {
        var page = await PageAsync(new ListRequest(PageSize, null, "title = \"Không có\"", "title"));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalSize);
        Assert.Equal("", page.NextPageToken);
    }

    [Theory]
    [InlineData("active = false", "title")]
    [InlineData("", "title desc")]
    [InlineData("", "title, name")]
    public async Task Token_reused_with_another_filter_or_order_by_is_invalid_on_page_token(string filter, string orderBy)
    {
        var first = await PageAsync(new ListRequest(PageSize, null, "", "title"));

        var error = await Assert.ThrowsAsync<ApiException>(() => PageAsync(new ListRequest(PageSize, first.NextPageToken, filter, orderBy)));

        AssertInvalidPageToken(error);
    }

    [Fact]
    public async Task Token_reused_with_other_request_parameters_is_invalid_on_page_token()
    {
        var first = await PageAsync(new ListRequest(PageSize, null, null, "title", "parent=a"));

        var error = await Assert.ThrowsAsync<ApiException>(
            () => PageAsync(new ListRequest(PageSize, first.NextPageToken, null, "title", "parent=b")));

        AssertInvalidPageToken(error);
    }

    [Fact]
    public async Task Token_is_bound_to_the_default_order_it_was_issued_under()
    {
        // A deployment that changes a method's default order must not read old tokens as positions in the new one.
        var first = await PageAsync(new ListRequest(PageSize, null, null, null), defaultOrderBy: "rank, title");

        var error = await Assert.ThrowsAsync<ApiException>(
            () => PageAsync(new ListRequest(PageSize, first.NextPageToken, null, null), defaultOrderBy: "rank desc, title"));

        AssertInvalidPageToken(error);
    }

    [Fact]
    public async Task Edited_token_is_invalid_on_page_token()
    {
        var first = await PageAsync(new ListRequest(PageSize, null, null, "amount"));
        var bytes = Base64Url.DecodeFromChars(first.NextPageToken);
        bytes[bytes.Length / 2] ^= 0x01;

        var error = await Assert.ThrowsAsync<ApiException>(
            () => PageAsync(new ListRequest(PageSize, Base64Url.EncodeToString(bytes), null, "amount")));

        AssertInvalidPageToken(error);
    }

    [Fact]
    public async Task Rows_inserted_between_pages_never_hide_or_repeat_rows_that_existed_throughout()
    {
        const string orderBy = "category desc, rank, title";
        await using var database = await CreateAsync(fixture.Provider);
        await InsertAsync(database, Enumerable.Range(0, 40).Select(i => Row(i)));
        var original = await OffsetWalkAsync(database, orderBy, filter: null);

        // Each inserted row, with the last row of the page read just before it was inserted.
        var cursorAtInsert = new Dictionary<string, string>(StringComparer.Ordinal);
        var inserted = 0;
        var pages = await WalkAsync(database, new ListRequest(5, null, null, orderBy), async page =>
        {
            var cursor = page.Items[^1];
            inserted++;
            // Copies of the cursor's keys whose ids sort before and after it, and rows with keys anywhere.
            PagedRow[] batch =
            [
                Copy(cursor, $"a{inserted:D3}"),
                Copy(cursor, $"z{inserted:D3}"),
                Row(100 + 2 * inserted, "n"),
                Row(101 + 2 * inserted, "n"),
            ];
            await InsertAsync(database, batch);
            foreach (var row in batch) cursorAtInsert[row.Id] = cursor.Id;
        });

        var walked = Ids(pages);
        var final = await OffsetWalkAsync(database, orderBy, filter: null);
        var insertedAhead = cursorAtInsert.Where(i => final.IndexOf(i.Key) > final.IndexOf(i.Value)).Select(i => i.Key).ToHashSet();
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(original, walked.Where(original.Contains));
        // Keys never change, so a row inserted ahead of the cursor is met later and one inserted behind it never is.
        Assert.Equal(insertedAhead, walked.Except(original).ToHashSet());
        Assert.Equal(final.Where(walked.Contains), walked);
        Assert.NotEmpty(insertedAhead);
        Assert.NotEqual(cursorAtInsert.Count, insertedAhead.Count);
    }

    [Fact]
    public async Task Deleting_rows_between_pages_including_the_last_one_read_does_not_skip_the_rows_after_it()
    {
        const string orderBy = "score desc, title";
        await using var database = await CreateAsync(fixture.Provider);
        await InsertAsync(database, Enumerable.Range(0, 30).Select(i => Row(i)));
        var original = await OffsetWalkAsync(database, orderBy, filter: null);
        var first = await PageAsync(new ListRequest(6, null, null, orderBy), database: database);

        // The row the token points at and the row that would have opened the next page.
        var deleted = new[] { original[5], original[6] };
        await using (var db = Context(database))
        {
            await db.Rows.Where(r => deleted.Contains(r.Id)).ExecuteDeleteAsync();
        }

        var second = await PageAsync(new ListRequest(6, first.NextPageToken, null, orderBy), database: database);

        Assert.Equal(original[..5], first.Items.Take(5).Select(r => r.Id));
        Assert.Equal(original[7..13], second.Items.Select(r => r.Id));
        Assert.Equal(28, second.TotalSize);
    }

    [Fact]
    public async Task Next_page_seeks_through_an_index_on_the_leading_order_key()
    {
        var first = await PageAsync(new ListRequest(PageSize, null, null, "category"));
        var recorder = new QueryPlanRecorder(fixture.Provider);

        await using (var db = Context(fixture.Database, recorder))
        {
            await db.Rows.AsNoTracking().KeysetPageAsync(
                new ListRequest(PageSize, first.NextPageToken, null, "category"), FilterFields, OrderFields, DefaultOrderBy, r => r.Id, CancellationToken.None);
        }

        // One range scan of index (category, id) that starts at the position and already yields the page's order:
        // no scan from the first entry, no union of OR branches, no sort of everything after the position.
        var plan = Assert.Single(recorder.Plans).Trim();
        if (fixture.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Matches(@"^SEARCH \w+ USING (COVERING )?INDEX ix_paged_rows_category \(category>\?\)$", plan);
        }
        else
        {
            Assert.Matches(@"Index Scan using ix_paged_rows_category on paged_rows[\s\S]*Index Cond: \(category >= ", plan);
            Assert.DoesNotContain("Sort", plan);
        }
    }

    private async Task<ListPage<PagedRow>> PageAsync(ListRequest request, string defaultOrderBy = DefaultOrderBy, TestDatabase? database = null)
    {
        await using var db = Context(database ?? fixture.Database);
        return await db.Rows.AsNoTracking().KeysetPageAsync(request, FilterFields, OrderFields, defaultOrderBy, r => r.Id, CancellationToken.None);
    }

    /// <summary>Every page from <paramref name="first"/> on, each read with a fresh context as separate calls would.</summary>
    private Task<List<ListPage<PagedRow>>> WalkAsync(TestDatabase database, ListRequest first) =>
        WalkAsync(database, first, _ => Task.CompletedTask);

    private async Task<List<ListPage<PagedRow>>> WalkAsync(
        TestDatabase database, ListRequest first, Func<ListPage<PagedRow>, Task> betweenPages, Func<int, int>? pageSizeOf = null)
    {
        var pages = new List<ListPage<PagedRow>>();
        var request = first;
        while (true)
        {
            var page = await PageAsync(request, database: database);
            pages.Add(page);
            if (page.NextPageToken == "")
            {
                return pages;
            }

            Assert.True(pages.Count < 1000, "the walk does not end");
            await betweenPages(page);
            request = request with { PageToken = page.NextPageToken, PageSize = pageSizeOf?.Invoke(pages.Count) ?? request.PageSize };
        }
    }

    /// <summary>The reference: the same filter and order read with OFFSET, page by page.</summary>
    private static async Task<List<string>> OffsetWalkAsync(TestDatabase database, string orderBy, string? filter)
    {
        await using var db = Context(database);
        var rows = Filters.Compile(filter, FilterFields) is { } predicate ? db.Rows.Where(predicate) : db.Rows;
        var ordered = Ordering.Apply(rows, orderBy, OrderFields, DefaultOrderBy, r => r.Id);
        var ids = new List<string>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await ordered.Skip(offset).Take(PageSize).Select(r => r.Id).ToListAsync();
            if (page.Count == 0)
            {
                return ids;
            }

            ids.AddRange(page);
        }
    }

    private static List<string> Ids(IEnumerable<ListPage<PagedRow>> pages) => [.. pages.SelectMany(p => p.Items).Select(r => r.Id)];

    private static PagedRow Copy(PagedRow row, string id) => new()
    {
        Id = id,
        Title = row.Title,
        Category = row.Category,
        Rank = row.Rank,
        Amount = row.Amount,
        Score = row.Score,
        Active = row.Active,
        Kind = row.Kind,
        RecordedAt = row.RecordedAt,
    };

    private static void AssertInvalidPageToken(ApiException error)
    {
        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
    }
}

public sealed class KeysetPagingOnSqlite(SqlitePagedRows fixture) : KeysetPagingTests(fixture), IClassFixture<SqlitePagedRows>;

public sealed class KeysetPagingOnPostgreSql(PostgreSqlPagedRows fixture) : KeysetPagingTests(fixture), IClassFixture<PostgreSqlPagedRows>;
