using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Caching;
using Khcn.Redis.Tests.Infrastructure;
using Khcn.Services.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Services.Tests.Cache;

/// <summary>
/// The shared cache as a service sees it (ServiceDefaults registers it): Redis from
/// ConnectionStrings:cache, and no request failing because Redis is down or comes and goes.
/// </summary>
public class SharedCacheTests
{
    private static readonly Type ServiceType = typeof(Khcn.Provinces.Grpc.ProvincesGrpcService);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RedisDownAtStart_ServiceServesAndCacheHealthIsDegraded()
    {
        await using var service = await ServiceHost.StartAsync(ServiceType.Assembly, $"--ConnectionStrings:cache=127.0.0.1:{UnusedPort()}");
        using var channel = GrpcChannel.ForAddress(service.Address);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await CheckHealthAsync(channel));
        Assert.Equal(HealthStatus.Degraded, await CacheHealthAsync(service));

        // Reads fall through to the source of truth instead of failing.
        var cache = service.Services.GetRequiredService<IKhcnCache>();
        var value = await cache.GetOrCreateAsync("provinces/44", _ => ValueTask.FromResult("Quảng Trị"));
        Assert.Equal("Quảng Trị", value);
    }

    [Fact]
    public async Task RedisKilledAndRestarted_ReadsNeverFailAndCacheRecoversByItself()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var service = await ServiceHost.StartAsync(ServiceType.Assembly, $"--ConnectionStrings:cache={redis.ConnectionString}");
        using var channel = GrpcChannel.ForAddress(service.Address);
        var cache = service.Services.GetRequiredService<IKhcnCache>();
        await Eventually.TrueAsync(async () => await CacheHealthAsync(service) == HealthStatus.Healthy, "the service reaches Redis");

        static ValueTask<string> Load(CancellationToken _) => ValueTask.FromResult("Lạng Sơn");

        Assert.Equal("Lạng Sơn", await cache.GetOrCreateAsync("provinces/20", Load));
        redis.Kill();

        Assert.Equal("Lạng Sơn", await cache.GetOrCreateAsync("provinces/20", Load));
        Assert.Equal("Lạng Sơn", await cache.GetOrCreateAsync("provinces/12-while-down", Load));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await CheckHealthAsync(channel));
        await Eventually.TrueAsync(async () => await CacheHealthAsync(service) == HealthStatus.Degraded, "the cache reports Redis down");

        await redis.RestartAsync();
        await Eventually.TrueAsync(async () => await CacheHealthAsync(service) == HealthStatus.Healthy, "the cache reconnects by itself");
        Assert.Equal("Lạng Sơn", await cache.GetOrCreateAsync("provinces/20", Load));
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(GrpcChannel channel)
    {
        var response = await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow + CallTimeout));
        return response.Status;
    }

    private static async Task<HealthStatus> CacheHealthAsync(ServiceHost service)
    {
        var report = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "cache");
        return report.Entries["cache"].Status;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
