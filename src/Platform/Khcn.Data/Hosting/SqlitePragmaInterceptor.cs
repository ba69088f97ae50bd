using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data;

/// <summary>
/// Makes every SQLite connection crash-safe before EF uses it. PRAGMAs are per connection (journal_mode
/// is persisted in the file, the others are not), so they are set on each open, pooled or not.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static SqlitePragmaInterceptor Instance { get; } = new();

    // busy_timeout comes first: switching a fresh file to WAL needs an exclusive lock, and a second
    // process opening the file at the same moment must wait for it rather than fail with SQLITE_BUSY.
    // synchronous=FULL fsyncs the WAL on every commit, so a committed write survives power loss.
    internal const string Pragmas =
        "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    private SqlitePragmaInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
