using Khcn.Data.Tests.Infrastructure;

namespace Khcn.Data.Tests;

public sealed class SqlitePragmaTests
{
    [Theory]
    [InlineData("PRAGMA journal_mode", "wal")]
    [InlineData("PRAGMA synchronous", "2")] // FULL
    [InlineData("PRAGMA foreign_keys", "1")]
    [InlineData("PRAGMA busy_timeout", "5000")]
    public async Task Every_sqlite_connection_is_crash_safe(string pragma, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var value = await database.ScalarAsync(pragma);

        Assert.Equal(expected, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
