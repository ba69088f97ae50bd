using Khcn.Data.Tests.Infrastructure;

namespace Khcn.Data.Tests.Paging;

/// <summary>One database per provider holding <see cref="RowCount"/> rows that no test changes (the static table).</summary>
public abstract class PagedRowsDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public const int RowCount = 90;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PagedRowsTable.CreateAsync(provider);
        await PagedRowsTable.InsertAsync(Database, Enumerable.Range(0, RowCount).Select(i => PagedRowsTable.Row(i)));
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqlitePagedRows() : PagedRowsDatabase(DatabaseProvider.Sqlite);

public sealed class PostgreSqlPagedRows() : PagedRowsDatabase(DatabaseProvider.PostgreSql);
