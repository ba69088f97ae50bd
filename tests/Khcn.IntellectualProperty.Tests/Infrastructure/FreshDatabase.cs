namespace Khcn.IntellectualProperty.Tests.Infrastructure;

/// <summary>Start arguments that point a service at a new, empty database of each provider.</summary>
public static class FreshDatabase
{
    public static string[] Sqlite() => ServiceDatabase.Sqlite("ipdb");

    /// <summary>The Provinces service the IP service checks codes against, on its own SQLite file.</summary>
    public static string[] ProvincesSqlite() => ServiceDatabase.Sqlite("provincesdb");

    /// <summary>The Tasks service the IP service checks origin tasks against, on its own SQLite file.</summary>
    public static string[] TasksSqlite() => ServiceDatabase.Sqlite("tasksdb");

    public static Task<string[]> PostgreSqlAsync() => ServiceDatabase.PostgreSqlAsync("ipdb");
}
