using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data.Diagnostics;

/// <summary>
/// One client span per SQLite command, under the OpenTelemetry database conventions, because Microsoft.Data.Sqlite
/// emits none (Npgsql does, so this is registered for SQLite only). A query's span ends at ReaderExecuted, not when
/// the reader closes: it covers running the statement up to its first row, not the caller reading the rest, which
/// for a streamed query is interleaved with the caller's own work and would be charged to the database.
/// </summary>
internal sealed class SqliteTracingInterceptor : DbCommandInterceptor
{
    // The span is started in *Executing and ended in *Executed/Failed/Canceled. Activity.Current cannot carry it:
    // AsyncLocal changes made inside an async interceptor call do not flow back to EF's caller. Every execution
    // gets its own CommandId, so it is the key.
    private readonly ConcurrentDictionary<Guid, Activity> _running = new();

    private SqliteTracingInterceptor()
    {
    }

    public static SqliteTracingInterceptor Instance { get; } = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Fail(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Fail(eventData, exception: null);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(eventData, exception: null);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        if (!DatabaseTelemetry.Source.HasListeners())
        {
            return;
        }

        var database = DatabaseName(command);
        var operation = SqlOperationName.Of(command.CommandText);
        var name = operation is null ? database ?? "sqlite" : database is null ? operation : $"{operation} {database}";
        // The parent is the caller's Activity.Current: the interceptor runs synchronously in EF's caller's flow.
        var activity = DatabaseTelemetry.Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(DatabaseSpanAttributes.SystemName, DatabaseSpanAttributes.Sqlite);
            // Backends that predate the stable conventions group database spans by the older key.
            activity.SetTag(DatabaseSpanAttributes.LegacySystem, DatabaseSpanAttributes.Sqlite);
            activity.SetTag(DatabaseSpanAttributes.Namespace, database);
            activity.SetTag(DatabaseSpanAttributes.OperationName, operation);
            // EF's SQL carries parameters as placeholders (@p0, @__id_0), never their values.
            activity.SetTag(DatabaseSpanAttributes.QueryText, command.CommandText);
        }

        _running[eventData.CommandId] = activity;
    }

    private void Stop(CommandEventData eventData)
    {
        if (_running.TryRemove(eventData.CommandId, out var activity))
        {
            activity.Stop();
        }
    }

    private void Fail(CommandEventData eventData, Exception? exception)
    {
        if (!_running.TryRemove(eventData.CommandId, out var activity))
        {
            return;
        }

        var errorType = exception?.GetType().FullName ?? typeof(OperationCanceledException).FullName;
        activity.SetStatus(ActivityStatusCode.Error, exception?.Message ?? "The command was canceled.");
        activity.SetTag(DatabaseSpanAttributes.ErrorType, errorType);
        if (exception is SqliteException sqlite)
        {
            activity.SetTag(DatabaseSpanAttributes.ResponseStatusCode, sqlite.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        activity.Stop();
    }

    // The file name only: the folder differs per machine and says nothing about which database it is.
    private static string? DatabaseName(DbCommand command)
    {
        var dataSource = command.Connection?.DataSource;
        return string.IsNullOrEmpty(dataSource) ? null : Path.GetFileName(dataSource);
    }
}
