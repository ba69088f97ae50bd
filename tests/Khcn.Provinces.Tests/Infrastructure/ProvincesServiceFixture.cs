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

    public ServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public ProvincesService.ProvincesServiceClient Client { get; private set; } = null!;

    /// <summary>Which provider this fixture runs on, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Command-line settings selecting the database (and anything else the provider needs).</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>Further settings a derived fixture wants (e.g. addresses of the other services).</summary>
    protected virtual string[] ExtraArguments => [];

    public async Task InitializeAsync()
    {
        _host = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, [.. await DatabaseArgumentsAsync(), .. ExtraArguments]);
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
    }
}

/// <summary>The service on a fresh SQLite file (the default provider).</summary>
public class SqliteProvincesService : ProvincesServiceFixture
{
    public string DatabasePath { get; } =
        Path.Combine(Directory.CreateTempSubdirectory("khcn-provinces-").FullName, "provinces.db");

    public override string ProviderName => "SQLite";

    protected override Task<string[]> DatabaseArgumentsAsync() =>
        Task.FromResult(new[] { $"--Database:provincesdb:Path={DatabasePath}" });
}

/// <summary>The service on a fresh database of the test run's real PostgreSQL server.</summary>
public class PostgreSqlProvincesService : ProvincesServiceFixture
{
    public string ConnectionString { get; private set; } = "";

    public override string ProviderName => "PostgreSQL";

    protected override async Task<string[]> DatabaseArgumentsAsync()
    {
        var server = await Khcn.Tests.Infrastructure.PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync("provinces");
        return [$"--ConnectionStrings:provincesdb={ConnectionString}"];
    }
}
