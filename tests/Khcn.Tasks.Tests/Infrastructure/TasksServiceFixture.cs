using System.Reflection;
using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Infrastructure;

/// <summary>
/// The real Tasks service (its Program) on a loopback port over a real database, beside the real Provinces service
/// (seeded, on its own SQLite file) that it checks province codes against. Tests that touch storage are written once
/// against this base and run once per provider.
/// </summary>
public abstract class TasksServiceFixture : ServiceUnderTest<TasksService.TasksServiceClient>
{
    private ServiceHost? _provinces;

    public ServiceHost ProvincesHost => _provinces ?? throw new InvalidOperationException("Not started.");

    protected override Assembly ServiceAssembly => typeof(TasksGrpcService).Assembly;

    protected override TasksService.TasksServiceClient CreateClient(GrpcChannel channel) => new(channel);

    protected override async Task<string[]> StartDependenciesAsync()
    {
        _provinces = await StartDependencyAsync(typeof(ProvincesGrpcService).Assembly, FreshDatabase.ProvincesSqlite());
        return [$"--services:provinces:http:0={_provinces.Address}"];
    }
}

/// <summary>The service on a fresh SQLite file (the default provider).</summary>
public class SqliteTasksService : TasksServiceFixture
{
    public override string ProviderName => "SQLite";

    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

/// <summary>The service on a fresh database of the test run's real PostgreSQL server.</summary>
public class PostgreSqlTasksService : TasksServiceFixture
{
    public override string ProviderName => "PostgreSQL";

    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
