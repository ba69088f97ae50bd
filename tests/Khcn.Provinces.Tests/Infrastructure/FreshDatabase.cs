namespace Khcn.Provinces.Tests.Infrastructure;

/// <summary>Start arguments that point the service at a new, empty database of each provider.</summary>
public static class FreshDatabase
{
    public static string[] Sqlite()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("khcn-provinces-").FullName, "provinces.db");
        return [$"--Database:provincesdb:Path={path}"];
    }

    /// <summary>A new database on the test run's shared PostgreSQL server.</summary>
    public static async Task<string[]> PostgreSqlAsync()
    {
        var server = await Khcn.Tests.Infrastructure.PostgresServer.SharedAsync();
        return [$"--ConnectionStrings:provincesdb={await server.CreateDatabaseAsync("provinces")}"];
    }
}
