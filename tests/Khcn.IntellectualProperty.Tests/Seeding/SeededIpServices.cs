using Khcn.IntellectualProperty.Grpc;
using Khcn.IntellectualProperty.Tests.Infrastructure;
using Khcn.Services.Tests.Hosting;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>An IP service that loaded seeds/ip at start and can start a second instance on the same database.</summary>
public interface ISeededIpService
{
    /// <summary>Another instance of the service (seeds on) over the fixture's database, Provinces and Tasks services.</summary>
    Task<ServiceHost> StartAgainAsync();
}

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteIpService : SqliteIpService, ISeededIpService
{
    private string[] _database = [];

    protected override bool LoadSeeds => true;

    public Task<ServiceHost> StartAgainAsync() => SecondInstance.StartAsync(this, _database);

    protected override async Task<string[]> DatabaseArgumentsAsync() => _database = await base.DatabaseArgumentsAsync();
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlIpService : PostgreSqlIpService, ISeededIpService
{
    private string[] _database = [];

    protected override bool LoadSeeds => true;

    public Task<ServiceHost> StartAgainAsync() => SecondInstance.StartAsync(this, _database);

    protected override async Task<string[]> DatabaseArgumentsAsync() => _database = await base.DatabaseArgumentsAsync();
}

internal static class SecondInstance
{
    public static Task<ServiceHost> StartAsync(IpServiceFixture fixture, string[] database) =>
        ServiceHost.StartAsync(
            typeof(IntellectualPropertyGrpcService).Assembly,
            [
                .. database,
                $"--services:provinces:http:0={fixture.ProvincesHost.Address}",
                $"--services:tasks:http:0={fixture.TasksHost.Address}",
                "--Seeds:Load=true",
            ]);
}
