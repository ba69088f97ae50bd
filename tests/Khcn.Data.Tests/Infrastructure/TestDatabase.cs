using System.Data.Common;
using Khcn.Data.Tests.Model;
using Khcn.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test: a SQLite file in a temp directory, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private TestDatabase(DatabaseProvider provider, string target, string? directory)
    {
        Provider = provider;
        Target = target;
        _directory = directory;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file path or the PostgreSQL connection string.</summary>
    public string Target { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = await PostgresServer.SharedAsync();
            return new TestDatabase(provider, await server.CreateDatabaseAsync("data_tests"), directory: null);
        }
        var directory = Directory.CreateTempSubdirectory("khcn-data-tests-").FullName;
        return new TestDatabase(provider, Path.Combine(directory, "library.db"), directory);
    }

    public LibraryDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<LibraryDbContext>().UseKhcnDatabase(Provider, Target).Options);

    /// <summary>A context on a database with all platform and library migrations applied.</summary>
    public async Task<LibraryDbContext> CreateMigratedContextAsync()
    {
        var context = CreateContext();
        await SchemaMigrator.MigrateAsync(context);
        return context;
    }

    /// <summary>The library's scripts for this provider, as the service component would see them.</summary>
    public MigrationComponent LibraryMigrations() =>
        EmbeddedMigrations.Load("library", typeof(LibraryDbContext).Assembly, Provider);

    public async Task<bool> TableExistsAsync(string table)
    {
        var sql = Provider == DatabaseProvider.Sqlite
            ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            : $"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '{table}'";
        return Convert.ToInt64(await ScalarAsync(sql)) > 0;
    }

    public async Task<List<(string Component, int Version, string Name, string Checksum)>> HistoryAsync()
    {
        await using var context = CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT component, version, name, checksum FROM schema_migrations ORDER BY component, version";
        var rows = new List<(string, int, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
        }
        return rows;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection opened through EF, so the connection interceptors ran.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var context = CreateContext();
        return await ScalarAsync(context, sql);
    }

    public static async Task<object?> ScalarAsync(DbContext context, string sql)
    {
        await context.Database.OpenConnectionAsync();
        await using DbCommand command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            // Pooled connections keep the file open; release them before deleting the directory.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return ValueTask.CompletedTask;
    }
}
