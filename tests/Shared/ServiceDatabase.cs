namespace Khcn.Tests.Infrastructure;

/// <summary>
/// Start arguments that point a service at a new, empty database of each provider, under the service's connection
/// name (e.g. "provincesdb"): the keys the service reads, <c>Database:NAME:Path</c> and <c>ConnectionStrings:NAME</c>.
/// </summary>
public static class ServiceDatabase
{
    /// <summary>A SQLite file in a new temp folder.</summary>
    public static string[] Sqlite(string connectionName)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory($"khcn-{connectionName}-").FullName, $"{connectionName}.db");
        return [$"--Database:{connectionName}:Path={path}"];
    }

    /// <summary>A new database on the test run's shared PostgreSQL server.</summary>
    public static async Task<string[]> PostgreSqlAsync(string connectionName)
    {
        var server = await PostgresServer.SharedAsync();
        return [$"--ConnectionStrings:{connectionName}={await server.CreateDatabaseAsync(connectionName)}"];
    }
}
