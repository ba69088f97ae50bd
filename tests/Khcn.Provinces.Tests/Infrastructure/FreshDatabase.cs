using Khcn.Tests.Infrastructure;

namespace Khcn.Provinces.Tests.Infrastructure;

/// <summary>Start arguments that point the service at a new, empty database of each provider.</summary>
public static class FreshDatabase
{
    public static string[] Sqlite() => ServiceDatabase.Sqlite("provincesdb");

    public static Task<string[]> PostgreSqlAsync() => ServiceDatabase.PostgreSqlAsync("provincesdb");
}
