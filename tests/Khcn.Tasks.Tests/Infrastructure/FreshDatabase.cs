using Khcn.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Infrastructure;

/// <summary>Start arguments that point a service at a new, empty database of each provider.</summary>
public static class FreshDatabase
{
    public static string[] Sqlite() => ServiceDatabase.Sqlite("tasksdb");

    /// <summary>The Provinces service the Tasks service checks codes against, on its own SQLite file.</summary>
    public static string[] ProvincesSqlite() => ServiceDatabase.Sqlite("provincesdb");

    public static Task<string[]> PostgreSqlAsync() => ServiceDatabase.PostgreSqlAsync("tasksdb");
}
