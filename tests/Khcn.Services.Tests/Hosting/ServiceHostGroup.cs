using System.Reflection;

namespace Khcn.Services.Tests.Hosting;

/// <summary>
/// The services one fixture starts, each on a SQLite file of its own in one temporary folder (so a test sees only
/// its own writes), stopped in reverse order and deleted together.
/// </summary>
public sealed class ServiceHostGroup(string name) : IAsyncDisposable
{
    private readonly List<ServiceHost> _hosts = [];

    /// <summary>The group's temporary folder, for other files its services read (tokens, keys).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory($"khcn-{name}-").FullName;

    /// <summary>Starts <paramref name="service"/> on a new SQLite file for <paramref name="database"/> (e.g. "tasksdb").</summary>
    public async Task<ServiceHost> StartAsync(Assembly service, string database, params string[] settings)
    {
        var path = Path.Combine(Folder, $"{database}-{Guid.NewGuid():N}.db");
        var host = await ServiceHost.StartAsync(service, [$"--Database:{database}:Path={path}", .. settings]);
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        // Pooled connections keep the files open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
