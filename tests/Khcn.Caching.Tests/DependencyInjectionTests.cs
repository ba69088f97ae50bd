using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Khcn.Caching.Distributed;
using Khcn.Caching.Idempotency;
using Khcn.Caching.Tests.Infrastructure;
using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Caching.Tests;

public class DependencyInjectionTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task NoConnectionString_UsesTheInMemoryCache()
    {
        await using var services = CacheFactory.BuildServices(null);
        Assert.False(((TwoLevelCache)services.GetRequiredService<IKhcnCache>()).IsDistributed);
        Assert.IsType<MemoryDistributedCache>(services.GetRequiredService<IDistributedCache>());
        Assert.IsType<InMemoryIdempotencyStore>(services.GetRequiredService<IIdempotencyStore>());
        Assert.Null(services.GetService<IRedisClient>());
        var health = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["cache"].Status);
    }

    [Fact]
    public async Task ConnectionString_UsesRedis()
    {
        await using var services = CacheFactory.BuildServices(fixture.Server.ConnectionString);
        var cache = (TwoLevelCache)services.GetRequiredService<IKhcnCache>();
        Assert.True(cache.IsDistributed);
        Assert.IsType<RedisDistributedCache>(services.GetRequiredService<IDistributedCache>());
        Assert.IsType<ResilientIdempotencyStore>(services.GetRequiredService<IIdempotencyStore>());
        var client = services.GetRequiredService<IRedisClient>();
        await Eventually.TrueAsync(() => client.IsConnected, "the client connected");
        var health = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["cache"].Status);
    }

    [Fact]
    public async Task HitsAndMisses_AreCounted()
    {
        var measurements = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CacheMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        var key = $"metrics-{Guid.NewGuid():N}";
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var level = "";
            foreach (var tag in tags) if (tag.Key == "khcn.cache.level") level = (string)tag.Value!;
            measurements.Enqueue($"{instrument.Name}{(level.Length > 0 ? ":" + level : "")}");
        });
        listener.Start();
        await using var services = CacheFactory.BuildServices(null);
        var cache = services.GetRequiredService<IKhcnCache>();
        await cache.GetOrCreateAsync(key, _ => ValueTask.FromResult(1));
        await cache.GetOrCreateAsync(key, _ => ValueTask.FromResult(1));
        Assert.Contains("khcn.cache.misses", measurements);
        Assert.Contains("khcn.cache.hits:local", measurements);
    }
}
