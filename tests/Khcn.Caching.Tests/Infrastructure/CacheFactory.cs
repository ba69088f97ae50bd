using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Caching.Tests.Infrastructure;

/// <summary>Builds cache instances as separate service instances would have them: each with its own Redis client.</summary>
public static class CacheFactory
{
    public static KhcnCacheOptions Options(string? prefix = null) => new()
    {
        KeyPrefix = prefix ?? $"t{Guid.NewGuid():N}",
        RedisOperationTimeout = TimeSpan.FromSeconds(10),
        BreakDuration = TimeSpan.FromSeconds(1),
    };

    /// <summary>A service's container as AddKhcnCache builds it from <c>ConnectionStrings:cache</c> (null: no Redis).</summary>
    public static ServiceProvider BuildServices(string? connectionString, Action<KhcnCacheOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:cache"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKhcnCache(configuration, configure);
        return services.BuildServiceProvider();
    }

    public static RedisOptions RedisOptionsFor(RedisServer server) => RedisOptions.Parse(server.ConnectionString) with
    {
        AbortOnConnectFail = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        CommandTimeout = TimeSpan.FromSeconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public static async Task<(TwoLevelCache Cache, RedisConnection Client)> CreateAsync(RedisServer server, KhcnCacheOptions options)
    {
        var client = await RedisConnection.ConnectAsync(RedisOptionsFor(server) with { AbortOnConnectFail = true });
        var cache = new TwoLevelCache(options, client);
        // The invalidation subscription is made in the background; wait until it is active so tests start coherent.
        await Eventually.TrueAsync(async () => await client.PublishAsync(options.InvalidationChannel, "probe x") >= 1, "the invalidation subscription is active");
        return (cache, client);
    }
}
