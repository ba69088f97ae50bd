using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;

namespace Khcn.ProvinceReference.Tests.Infrastructure;

/// <summary>The real Provinces service (its Program), seeded on a fresh SQLite file, on a loopback port.</summary>
public static class ProvincesServer
{
    public static Task<ServiceHost> StartAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("khcn-province-reference-").FullName, "provinces.db");
        return ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, $"--Database:provincesdb:Path={path}");
    }
}

/// <summary>One Provinces service shared by the tests of a class that only read from it.</summary>
public sealed class ProvincesServiceFixture : IAsyncLifetime
{
    private ServiceHost? _host;

    public Uri Address => (_host ?? throw new InvalidOperationException("Not started.")).Address;

    public async Task InitializeAsync() => _host = await ProvincesServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
