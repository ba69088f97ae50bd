using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>A Tasks service that loaded seeds/tasks at start and can start a second instance on the same database.</summary>
public interface ISeededTasksService
{
    /// <summary>Another instance of the service (seeds on) over the fixture's database and Provinces service.</summary>
    Task<ServiceHost> StartAgainAsync();
}

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteTasksService : SqliteTasksService, ISeededTasksService
{
    private string[] _database = [];

    protected override bool LoadSeeds => true;

    public Task<ServiceHost> StartAgainAsync() => SecondInstance.StartAsync(this, _database);

    protected override async Task<string[]> DatabaseArgumentsAsync() => _database = await base.DatabaseArgumentsAsync();
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlTasksService : PostgreSqlTasksService, ISeededTasksService
{
    private string[] _database = [];

    protected override bool LoadSeeds => true;

    public Task<ServiceHost> StartAgainAsync() => SecondInstance.StartAsync(this, _database);

    protected override async Task<string[]> DatabaseArgumentsAsync() => _database = await base.DatabaseArgumentsAsync();
}

internal static class SecondInstance
{
    public static Task<ServiceHost> StartAsync(TasksServiceFixture fixture, string[] database) =>
        ServiceHost.StartAsync(
            typeof(TasksGrpcService).Assembly,
            [.. database, $"--services:provinces:http:0={fixture.ProvincesHost.Address}", "--Seeds:Load=true"]);
}
