using Khcn.Data.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// The provider setup <see cref="DatabaseHostingExtensions.AddKhcnDatabase{TContext}"/> uses, public so
/// tests and tools build contexts configured exactly like the services'.
/// </summary>
public static class KhcnDbContextOptionsExtensions
{
    /// <summary>
    /// SQLite file at <paramref name="path"/> (created with its directory), with the crash-safety PRAGMAs and a span per
    /// command (<see cref="DatabaseTelemetry.SourceName"/>; Microsoft.Data.Sqlite has no tracing of its own).
    /// </summary>
    public static DbContextOptionsBuilder UseKhcnSqlite(this DbContextOptionsBuilder options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        return options.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance, SqliteTracingInterceptor.Instance);
    }

    /// <summary>PostgreSQL through Npgsql; DateTime maps to timestamptz and must be UTC.</summary>
    public static DbContextOptionsBuilder UseKhcnPostgreSql(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // No retrying execution strategy on purpose: it forbids the explicit transactions that idempotent
        // writes and the migrator rely on; a failed call surfaces as UNAVAILABLE and the client retries.
        return options.UseNpgsql(connectionString);
    }

    /// <summary>Configures <paramref name="provider"/>; <paramref name="target"/> is a file path or a connection string.</summary>
    public static DbContextOptionsBuilder UseKhcnDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string target) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseKhcnSqlite(target),
        DatabaseProvider.PostgreSql => options.UseKhcnPostgreSql(target),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static DbContextOptionsBuilder<TContext> UseKhcnSqlite<TContext>(this DbContextOptionsBuilder<TContext> options, string path)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseKhcnSqlite(path);

    public static DbContextOptionsBuilder<TContext> UseKhcnPostgreSql<TContext>(this DbContextOptionsBuilder<TContext> options, string connectionString)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseKhcnPostgreSql(connectionString);

    public static DbContextOptionsBuilder<TContext> UseKhcnDatabase<TContext>(
        this DbContextOptionsBuilder<TContext> options, DatabaseProvider provider, string target)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseKhcnDatabase(provider, target);
}
