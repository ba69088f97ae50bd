using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Tests.Infrastructure;

/// <summary>
/// The real Tasks service (its Program) on a loopback port over a real database, beside the real Provinces service
/// (seeded, on its own SQLite file) that it checks province codes against. Tests that touch storage are written once
/// against this base and run once per provider.
/// </summary>
public abstract class TasksServiceFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> _channels = [];
    private ServiceHost? _provinces;
    private ServiceHost? _host;

    public ServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public ServiceHost ProvincesHost => _provinces ?? throw new InvalidOperationException("Not started.");

    public TasksService.TasksServiceClient Client { get; private set; } = null!;

    /// <summary>Which provider this fixture runs on, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Whether the service loads seeds/tasks at start; off by default so counts start from an empty register.</summary>
    protected virtual bool LoadSeeds => false;

    /// <summary>Command-line settings selecting the database.</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>A new client on its own connection (e.g. for a watcher that must not share the caller's stream limits).</summary>
    public TasksService.TasksServiceClient NewClient()
    {
        var channel = GrpcChannel.ForAddress(Host.Address);
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return new TasksService.TasksServiceClient(channel);
    }

    public async Task InitializeAsync()
    {
        _provinces = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, FreshDatabase.ProvincesSqlite());
        _host = await ServiceHost.StartAsync(
            typeof(TasksGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={_provinces.Address}",
                $"--Seeds:Load={LoadSeeds}",
            ]);
        Client = NewClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_provinces is not null)
        {
            await _provinces.DisposeAsync();
        }
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
