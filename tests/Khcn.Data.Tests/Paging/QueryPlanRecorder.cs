using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data.Tests.Paging;

/// <summary>
/// Asks the database how it would run each ordered query EF sends (EXPLAIN on the very same command: same SQL, same
/// parameters, same connection), records the plan, then lets the query run unchanged.
/// </summary>
public sealed class QueryPlanRecorder(DatabaseProvider provider) : DbCommandInterceptor
{
    public List<string> Plans { get; } = [];

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
        {
            Plans.Add(await ExplainAsync(command, cancellationToken));
        }

        return result;
    }

    private async Task<string> ExplainAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var sql = command.CommandText;
        var plan = new StringBuilder();
        // A table of a hundred rows is cheaper to scan than to seek; without seq scans PostgreSQL shows whether the
        // predicate can bound an index scan at all (an Index Cond) or only filter the rows it reads.
        if (provider == DatabaseProvider.PostgreSql) await SetAsync(command.Connection!, "SET enable_seqscan = off", cancellationToken);
        try
        {
            command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite: (id, parent, notused, detail); PostgreSQL: one text line per row.
                plan.AppendLine(reader.GetString(reader.FieldCount - 1));
            }
        }
        finally
        {
            command.CommandText = sql;
            if (provider == DatabaseProvider.PostgreSql) await SetAsync(command.Connection!, "RESET enable_seqscan", cancellationToken);
        }

        return plan.ToString();
    }

    private static async Task SetAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var setting = connection.CreateCommand();
        setting.CommandText = sql;
        await setting.ExecuteNonQueryAsync(cancellationToken);
    }
}
