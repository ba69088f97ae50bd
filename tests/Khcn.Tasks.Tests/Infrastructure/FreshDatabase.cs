namespace Khcn.Tasks.Tests.Infrastructure;

/// <summary>Start arguments that point a service at a new, empty database of each provider.</summary>
public static class FreshDatabase
{
    public static string[] Sqlite()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("khcn-tasks-").FullName, "tasks.db");
        return [$"--Database:tasksdb:Path={path}"];
    }

    /// <summary>The Provinces service the Tasks service checks codes against, on its own SQLite file.</summary>
    public static string[] ProvincesSqlite()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("khcn-tasks-provinces-").FullName, "provinces.db");
        return [$"--Database:provincesdb:Path={path}"];
    }

    /// <summary>A new database on the test run's shared PostgreSQL server.</summary>
    public static async Task<string[]> PostgreSqlAsync()
    {
        var server = await Khcn.Tests.Infrastructure.PostgresServer.SharedAsync();
        return [$"--ConnectionStrings:tasksdb={await server.CreateDatabaseAsync("tasks")}"];
    }
}
