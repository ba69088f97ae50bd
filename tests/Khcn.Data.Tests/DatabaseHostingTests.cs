using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Khcn.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Khcn.Data.Tests;

public sealed class DatabaseHostingTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("khcn-data-host-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private IHost BuildHost(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _contentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddKhcnDatabase<LibraryDbContext>("librarydb");
        return builder.Build();
    }

    private static async Task<HealthStatus> ReadinessAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"));
        return report.Entries[DatabaseHostingExtensions.HealthCheckName].Status;
    }

    [Fact]
    public async Task Without_a_connection_string_a_sqlite_file_is_created_under_the_content_root()
    {
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
        using var host = BuildHost([]);

        await host.MigrateDatabaseAsync<LibraryDbContext>();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "librarydb.db")));
        Assert.Equal(DatabaseProvider.Sqlite, host.Services.GetRequiredService<DatabaseProvider>());
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        Assert.Equal(DatabaseProvider.Sqlite, db.Database.GetProvider());
        Assert.Equal(0, await db.Books.CountAsync()); // the migrated table is there
        Assert.Equal(HealthStatus.Healthy, await ReadinessAsync(host));
    }

    [Fact]
    public async Task Configured_sqlite_path_is_used_and_its_directory_created()
    {
        using var host = BuildHost(new() { ["Database:librarydb:Path"] = Path.Combine("state", "nested", "lib.db") });

        await host.MigrateDatabaseAsync<LibraryDbContext>();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "state", "nested", "lib.db")));
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public async Task Connection_string_selects_postgresql()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("hosting");
        using var host = BuildHost(new() { ["ConnectionStrings:librarydb"] = connectionString });

        await host.MigrateDatabaseAsync<LibraryDbContext>();

        Assert.Equal(DatabaseProvider.PostgreSql, host.Services.GetRequiredService<DatabaseProvider>());
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync();
        Assert.Equal(DatabaseProvider.PostgreSql, db.Database.GetProvider());
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
        Assert.Equal(HealthStatus.Healthy, await ReadinessAsync(host));
    }

    [Fact]
    public async Task Unreachable_database_makes_the_service_not_ready()
    {
        var closedPort = FreePort();
        using var host = BuildHost(new()
        {
            ["ConnectionStrings:librarydb"] = $"Host=127.0.0.1;Port={closedPort};Username=postgres;Database=x;Timeout=3",
        });

        Assert.Equal(HealthStatus.Unhealthy, await ReadinessAsync(host));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
