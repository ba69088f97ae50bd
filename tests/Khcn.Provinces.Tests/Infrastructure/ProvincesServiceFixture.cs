using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.V1;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Provinces.Tests.Infrastructure;

/// <summary>
/// The real Provinces service (its Program, seeds included) on a loopback port, over a real database.
/// Tests that touch storage are written once against this base and run once per provider.
/// </summary>
public abstract class ProvincesServiceFixture : IAsyncLifetime
{
    private GrpcChannel? _channel;
    private ServiceHost? _host;
    private IServiceDependencies? _dependencies;

    public ServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public ProvincesService.ProvincesServiceClient Client { get; private set; } = null!;

    /// <summary>Which provider this fixture runs on, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Command-line settings selecting the database (and anything else the provider needs).</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>
    /// Starts what the service talks to besides its database (e.g. stand-ins for the other services). It runs before
    /// the service, whose start arguments carry its addresses, and is stopped after the service.
    /// </summary>
    protected virtual Task<IServiceDependencies?> StartDependenciesAsync() => Task.FromResult<IServiceDependencies?>(null);

    public async Task InitializeAsync()
    {
        _dependencies = await StartDependenciesAsync();
        _host = await ServiceHost.StartAsync(
            typeof(ProvincesGrpcService).Assembly, [.. await DatabaseArgumentsAsync(), .. _dependencies?.Arguments ?? []]);
        _channel = GrpcChannel.ForAddress(_host.Address);
        Client = new ProvincesService.ProvincesServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_dependencies is not null)
        {
            await _dependencies.DisposeAsync();
        }
    }
}

/// <summary>The service on a fresh SQLite file (the default provider).</summary>
public class SqliteProvincesService : ProvincesServiceFixture
{
    public override string ProviderName => "SQLite";

    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

/// <summary>The service on a fresh database of the test run's real PostgreSQL server.</summary>
public class PostgreSqlProvincesService : ProvincesServiceFixture
{
    public override string ProviderName => "PostgreSQL";

    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
