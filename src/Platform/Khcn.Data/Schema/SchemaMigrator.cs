using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Data;

/// <summary>
/// Applies versioned SQL scripts: first the "platform" component (embedded in Khcn.Data), then the service's own
/// (embedded in the DbContext's assembly, component name = that assembly's name). History lives in
/// <c>schema_migrations</c>. Each script runs in its own transaction together with its history row, holding a
/// cross-process lock (PostgreSQL advisory transaction lock, SQLite <c>BEGIN IMMEDIATE</c>), so two instances
/// starting together apply every script exactly once and a failing script leaves nothing behind.
/// </summary>
public static partial class SchemaMigrator
{
    /// <summary>Component name of the scripts embedded in Khcn.Data.</summary>
    public const string PlatformComponent = "platform";

    // "khcnmigr" in ASCII: any constant works as long as every Khcn service uses the same one.
    private const long AdvisoryLockKey = 0x6B68636E6D696772;
    private const int ScriptTimeoutSeconds = 600;

    public static Task<IReadOnlyList<AppliedMigration>> MigrateAsync(DbContext context, CancellationToken cancellationToken = default) =>
        MigrateAsync(context, logger: null, cancellationToken);

    public static Task<IReadOnlyList<AppliedMigration>> MigrateAsync(
        DbContext context, ILogger? logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = context.Database.GetProvider();
        var platformAssembly = typeof(SchemaMigrator).Assembly;
        var serviceAssembly = context.GetType().Assembly;
        List<MigrationComponent> components = [EmbeddedMigrations.Load(PlatformComponent, platformAssembly, provider)];
        if (serviceAssembly != platformAssembly)
        {
            components.Add(EmbeddedMigrations.Load(serviceAssembly.GetName().Name!, serviceAssembly, provider));
        }
        return MigrateAsync(context, components, logger, cancellationToken);
    }

    /// <summary>Applies <paramref name="components"/> in the given order (tools and tests; services use the overloads above).</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(
        DbContext context, IEnumerable<MigrationComponent> components, ILogger? logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(components);
        logger ??= context.GetInfrastructure().GetService<ILoggerFactory>()?.CreateLogger(typeof(SchemaMigrator).FullName!);
        var database = context.Database;
        if (database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("SchemaMigrator manages its own transactions; call it outside any transaction.");
        }

        var provider = database.GetProvider();
        var applied = new List<AppliedMigration>();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await InLockedTransactionAsync(context, provider, async transaction =>
            {
                await ExecuteAsync(transaction, HistoryTableSql(provider), cancellationToken);
                return true;
            }, cancellationToken);

            foreach (var component in components)
            {
                var history = await ReadHistoryAsync(context, transaction: null, component.Name, cancellationToken);
                Validate(component, history);
                foreach (var script in component.Scripts.Where(s => !history.ContainsKey(s.Version)))
                {
                    var stopwatch = Stopwatch.StartNew();
                    var appliedHere = await InLockedTransactionAsync(context, provider, async transaction =>
                    {
                        // Re-read under the lock: another instance may have applied it since the history was read.
                        var current = await ReadHistoryAsync(context, transaction, component.Name, cancellationToken);
                        if (current.ContainsKey(script.Version)) return false;
                        await ExecuteScriptAsync(transaction, component.Name, script, cancellationToken);
                        await InsertHistoryAsync(transaction, component.Name, script, cancellationToken);
                        return true;
                    }, cancellationToken);
                    if (!appliedHere) continue;
                    applied.Add(new AppliedMigration(component.Name, script.Version, script.Name));
                    if (logger is not null) LogApplied(logger, component.Name, script.FullName, provider, stopwatch.ElapsedMilliseconds);
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
        return applied;
    }

    private static void Validate(MigrationComponent component, IReadOnlyDictionary<int, (string Name, string Checksum)> history)
    {
        var known = component.Scripts.ToDictionary(s => s.Version);
        foreach (var (version, row) in history.OrderBy(h => h.Key))
        {
            if (!known.TryGetValue(version, out var script))
            {
                throw new SchemaMigrationException(
                    $"The database has migration {component.Name} {version:D4}_{row.Name}, which this code does not know: " +
                    $"the database is newer than the code (latest known: {component.Scripts.LastOrDefault()?.FullName ?? "none"}). " +
                    "Deploy the matching service version instead of running an older one against this database.");
            }
            if (!string.Equals(script.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                throw new SchemaMigrationException(
                    $"Migration {component.Name} {script.FullName} was changed after it was applied " +
                    $"(checksum {row.Checksum} in the database, {script.Checksum} in the code). " +
                    "Applied migrations are immutable: restore the original script and add a new migration.");
            }
        }
    }

    private static async Task<T> InLockedTransactionAsync<T>(
        DbContext context, DatabaseProvider provider, Func<DbTransaction, Task<T>> body, CancellationToken cancellationToken)
    {
        // SQLite: Serializable makes Microsoft.Data.Sqlite issue BEGIN IMMEDIATE, taking the write lock up front.
        // PostgreSQL: the advisory lock serialises migrators; DDL is transactional, so a failure rolls back cleanly.
        var isolation = provider == DatabaseProvider.Sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
        await using var efTransaction = await context.Database.BeginTransactionAsync(isolation, cancellationToken);
        var transaction = efTransaction.GetDbTransaction();
        if (provider == DatabaseProvider.PostgreSql)
        {
            await ExecuteAsync(transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }
        var result = await body(transaction);
        await efTransaction.CommitAsync(cancellationToken);
        return result;
    }

    private static string HistoryTableSql(DatabaseProvider provider) =>
        $"""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component text NOT NULL,
            version integer NOT NULL,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at {(provider == DatabaseProvider.PostgreSql ? "timestamptz" : "text")} NOT NULL,
            CONSTRAINT pk_schema_migrations PRIMARY KEY (component, version)
        )
        """;

    private static async Task<IReadOnlyDictionary<int, (string Name, string Checksum)>> ReadHistoryAsync(
        DbContext context, DbTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum FROM schema_migrations WHERE component = @component";
        AddParameter(command, "@component", component);
        var history = new Dictionary<int, (string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return history;
    }

    private static async Task ExecuteScriptAsync(
        DbTransaction transaction, string component, MigrationScript script, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(transaction, script.Sql, cancellationToken);
        }
        catch (DbException e)
        {
            throw new SchemaMigrationException(
                $"Migration {component} {script.FullName} failed and was rolled back: {e.Message}", e);
        }
    }

    private static async Task InsertHistoryAsync(
        DbTransaction transaction, string component, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO schema_migrations (component, version, name, checksum, applied_at) " +
            "VALUES (@component, @version, @name, @checksum, @applied_at)";
        AddParameter(command, "@component", component);
        AddParameter(command, "@version", script.Version);
        AddParameter(command, "@name", script.Name);
        AddParameter(command, "@checksum", script.Checksum);
        AddParameter(command, "@applied_at", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = ScriptTimeoutSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Component} {Migration} on {Provider} in {ElapsedMilliseconds} ms")]
    private static partial void LogApplied(ILogger logger, string component, string migration, DatabaseProvider provider, long elapsedMilliseconds);
}
