using Khcn.Aip;
using Khcn.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data.Tests.Paging;

/// <summary>
/// The paged_rows table on a fresh database of one provider, its List schema, and rows full of duplicate keys,
/// extreme numbers and Vietnamese text.
/// </summary>
public static class PagedRowsTable
{
    public const string DefaultOrderBy = "category, rank desc";

    public static readonly OrderBySchema<PagedRow> OrderFields = new OrderBySchema<PagedRow>()
        .Field("name", r => r.Id)
        .Field("title", r => r.Title)
        .Field("category", r => r.Category)
        .Field("rank", r => r.Rank)
        .Field("amount", r => r.Amount)
        .Field("score", r => r.Score)
        .Field("active", r => r.Active)
        .Field("kind", r => r.Kind)
        .Field("recorded_at", r => r.RecordedAt);

    public static readonly FilterSchema<PagedRow> FilterFields = new FilterSchema<PagedRow>()
        .String("title", r => r.Title)
        .String("category", r => r.Category)
        .Int("rank", r => r.Rank)
        .Long("amount", r => r.Amount)
        .Bool("active", r => r.Active)
        .Enum("kind", r => r.Kind);

    // Precomposed (NFC) Vietnamese, as services store it; several titles differ only by case or diacritics.
    private static readonly string[] Titles =
        ["Đà Nẵng", "Quảng Trị", "Lạng Sơn", "Điện Biên", "An Giang", "Ấp Bắc", "ấp bắc", "Bắc Ninh", "Đắk Lắk", "Zê", "A", "Ă", "Â"];

    private static readonly string[] Categories = ["khoa học", "công nghệ", "đổi mới"];

    // Beyond 2^53 and at both ends of long: a key carried as a double or a decimal string would lose them.
    private static readonly long[] Amounts = [long.MinValue, -1, 0, 9_007_199_254_740_993, long.MaxValue];

    private static readonly double[] Scores = [-2.5, 0.0, 1e-300, Math.PI, 1e300, 0.1 + 0.2];

    private static readonly DateTime Epoch = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private const string SqliteDdl = """
        CREATE TABLE paged_rows (
            id text NOT NULL CONSTRAINT pk_paged_rows PRIMARY KEY,
            title text NOT NULL,
            category text NOT NULL,
            rank integer NOT NULL,
            amount integer NOT NULL,
            score real NOT NULL,
            active integer NOT NULL,
            kind integer NOT NULL,
            recorded_at text NOT NULL
        );
        CREATE INDEX ix_paged_rows_category ON paged_rows (category, id);
        """;

    private const string PostgreSqlDdl = """
        CREATE TABLE paged_rows (
            id text NOT NULL CONSTRAINT pk_paged_rows PRIMARY KEY,
            title text NOT NULL,
            category text NOT NULL,
            rank integer NOT NULL,
            amount bigint NOT NULL,
            score double precision NOT NULL,
            active boolean NOT NULL,
            kind integer NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        CREATE INDEX ix_paged_rows_category ON paged_rows (category, id);
        """;

    public static PagingDbContext Context(TestDatabase database, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<PagingDbContext>()
            .UseKhcnDatabase(database.Provider, database.Target)
            .AddInterceptors(interceptors)
            .Options);

    /// <summary>A fresh database holding the empty paged_rows table.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? SqliteDdl : PostgreSqlDdl);
        return database;
    }

    /// <summary>
    /// Row <paramref name="number"/> of a deterministic set: every column cycles with a different period, so any
    /// order has runs of equal keys that page boundaries cut through; ids are not in insertion order.
    /// </summary>
    public static PagedRow Row(int number, string idPrefix = "r") => new()
    {
        Id = $"{idPrefix}{number * 37 % 1000:D3}",
        Title = Titles[number % Titles.Length],
        Category = Categories[number % Categories.Length],
        Rank = number * 7 % 5 - 2,
        Amount = Amounts[number % Amounts.Length],
        Score = Scores[number % Scores.Length],
        Active = number % 3 == 0,
        Kind = (RowKind)(number % 4),
        // Odd ticks, with repeats: SQLite keeps all seven decimals, PostgreSQL rounds to microseconds on insert; either
        // way the token must carry back exactly what was read.
        RecordedAt = Epoch.AddTicks(number * 13 % 6 * 12_345_671L),
    };

    public static async Task InsertAsync(TestDatabase database, IEnumerable<PagedRow> rows)
    {
        await using var db = Context(database);
        db.Rows.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
