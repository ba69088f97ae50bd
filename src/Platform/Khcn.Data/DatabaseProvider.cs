namespace Khcn.Data;

/// <summary>The database engine behind a service's DbContext.</summary>
public enum DatabaseProvider
{
    /// <summary>A local SQLite file: the default, so a service runs with no infrastructure.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql, chosen when a connection string is configured.</summary>
    PostgreSql,
}
