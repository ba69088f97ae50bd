using System.Reflection;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.Grpc;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.V1;

namespace Khcn.IntellectualProperty.Tests.Infrastructure;

/// <summary>
/// The real IntellectualProperty service (its Program) on a loopback port over a real database, beside the real
/// Provinces service (seeded) that it checks province codes against and the real Tasks service (empty, unseeded) that it
/// checks origin tasks against, each on its own SQLite file. Tests that touch storage are written once against this
/// base and run once per provider.
/// </summary>
public abstract class IpServiceFixture : ServiceUnderTest<IntellectualPropertyService.IntellectualPropertyServiceClient>
{
    private ServiceHost? _provinces;
    private ServiceHost? _tasks;

    public ServiceHost ProvincesHost => _provinces ?? throw new InvalidOperationException("Not started.");

    public ServiceHost TasksHost => _tasks ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client of the Tasks service beside this one, to create the origin tasks assets refer to.</summary>
    public TasksService.TasksServiceClient Tasks { get; private set; } = null!;

    protected override Assembly ServiceAssembly => typeof(IntellectualPropertyGrpcService).Assembly;

    protected override IntellectualPropertyService.IntellectualPropertyServiceClient CreateClient(GrpcChannel channel) => new(channel);

    protected override async Task<string[]> StartDependenciesAsync()
    {
        _provinces = await StartDependencyAsync(typeof(ProvincesGrpcService).Assembly, FreshDatabase.ProvincesSqlite());
        _tasks = await StartDependencyAsync(
            typeof(TasksGrpcService).Assembly,
            [.. FreshDatabase.TasksSqlite(), $"--services:provinces:http:0={_provinces.Address}", "--Seeds:Load=false"]);
        Tasks = new TasksService.TasksServiceClient(Channel(_tasks));
        return [$"--services:provinces:http:0={_provinces.Address}", $"--services:tasks:http:0={_tasks.Address}"];
    }
}

/// <summary>The service on a fresh SQLite file (the default provider).</summary>
public class SqliteIpService : IpServiceFixture
{
    public override string ProviderName => "SQLite";

    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

/// <summary>The service on a fresh database of the test run's real PostgreSQL server.</summary>
public class PostgreSqlIpService : IpServiceFixture
{
    public override string ProviderName => "PostgreSQL";

    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
