using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Khcn.Data;

public static class DatabaseFacadeExtensions
{
    /// <summary>Which of the two supported engines the context talks to.</summary>
    public static DatabaseProvider GetProvider(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlite()) return DatabaseProvider.Sqlite;
        if (database.IsNpgsql()) return DatabaseProvider.PostgreSql;
        throw new NotSupportedException(
            $"Khcn.Data supports SQLite and PostgreSQL only; this context uses '{database.ProviderName}'.");
    }
}
