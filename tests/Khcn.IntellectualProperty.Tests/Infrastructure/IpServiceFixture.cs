using Grpc.Net.Client;
using Khcn.IntellectualProperty.Grpc;
using Khcn.IntellectualProperty.V1;
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
public abstract class IpServiceFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> _channels = [];
    private ServiceHost? _provinces;
    private ServiceHost? _tasks;
    private ServiceHost? _host;

    public ServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public ServiceHost ProvincesHost => _provinces ?? throw new InvalidOperationException("Not started.");

    public ServiceHost TasksHost => _tasks ?? throw new InvalidOperationException("Not started.");

    public IntellectualPropertyService.IntellectualPropertyServiceClient Client { get; private set; } = null!;

    /// <summary>A client of the Tasks service beside this one, to create the origin tasks assets refer to.</summary>
    public TasksService.TasksServiceClient Tasks { get; private set; } = null!;

    /// <summary>Which provider this fixture runs on, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Whether the service loads seeds/ip at start; off by default so counts start from an empty register.</summary>
    protected virtual bool LoadSeeds => false;

    /// <summary>Command-line settings selecting the database.</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>A new client on its own connection.</summary>
    public IntellectualPropertyService.IntellectualPropertyServiceClient NewClient() => new(Channel(Host));

    public async Task InitializeAsync()
    {
        _provinces = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, FreshDatabase.ProvincesSqlite());
        _tasks = await ServiceHost.StartAsync(
            typeof(TasksGrpcService).Assembly,
            [.. FreshDatabase.TasksSqlite(), $"--services:provinces:http:0={_provinces.Address}", "--Seeds:Load=false"]);
        _host = await ServiceHost.StartAsync(
            typeof(IntellectualPropertyGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={_provinces.Address}",
                $"--services:tasks:http:0={_tasks.Address}",
                $"--Seeds:Load={LoadSeeds}",
            ]);
        Client = NewClient();
        Tasks = new TasksService.TasksServiceClient(Channel(_tasks));
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        foreach (var host in new[] { _host, _tasks, _provinces })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private GrpcChannel Channel(ServiceHost host)
    {
        var channel = GrpcChannel.ForAddress(host.Address);
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel;
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
