using Khcn.Caching;
using Khcn.Caching.Distributed;
using Khcn.Caching.Health;
using Khcn.Caching.Idempotency;
using Khcn.Caching.Serialization;
using Khcn.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the suite's cache.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>The connection string name: <c>ConnectionStrings:cache</c> (env <c>ConnectionStrings__cache</c>).</summary>
    public const string ConnectionStringName = "cache";

    /// <summary>
    /// Registers <see cref="IKhcnCache"/>, <see cref="IDistributedCache"/>, <see cref="IIdempotencyStore"/> and the
    /// "cache" health check. With a <c>cache</c> connection string they use Redis (connecting in the background,
    /// so the service starts even when Redis is down); without one, process memory.
    /// </summary>
    public static IServiceCollection AddKhcnCache(
        this IServiceCollection services, IConfiguration configuration, Action<KhcnCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var optionsBuilder = services.AddOptions<KhcnCacheOptions>();
        if (configure is not null) optionsBuilder.Configure(configure);
        services.TryAddSingleton(sp => new CacheSerializers(sp));
        services.TryAddSingleton<InMemoryIdempotencyStore>();

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IKhcnCache>(sp => CreateCache(sp, redis: null));
            services.AddDistributedMemoryCache();
            services.TryAddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<InMemoryIdempotencyStore>());
            services.AddHealthChecks().AddCheck("cache", new KhcnCacheHealthCheck(), tags: ["cache"]);
            return services;
        }

        var redisOptions = RedisOptions.Parse(connectionString) with { AbortOnConnectFail = false };
        services.TryAddSingleton<IRedisClient>(_ => RedisConnection.Start(redisOptions));
        services.TryAddSingleton<IKhcnCache>(sp => CreateCache(sp, sp.GetRequiredService<IRedisClient>()));
        services.TryAddSingleton<IDistributedCache>(sp => new RedisDistributedCache(sp.GetRequiredService<IRedisClient>(), Options(sp)));
        services.TryAddSingleton(sp => new RedisIdempotencyStore(sp.GetRequiredService<IRedisClient>(), Options(sp)));
        services.TryAddSingleton<IIdempotencyStore>(sp => new ResilientIdempotencyStore(
            sp.GetRequiredService<RedisIdempotencyStore>(), sp.GetRequiredService<InMemoryIdempotencyStore>(), sp.GetRequiredService<IRedisClient>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "cache", sp => new KhcnCacheHealthCheck(sp.GetRequiredService<IRedisClient>()), failureStatus: null, tags: ["cache"]));
        return services;
    }

    private static TwoLevelCache CreateCache(IServiceProvider services, IRedisClient? redis) =>
        new(Options(services), redis, services.GetRequiredService<CacheSerializers>(), services.GetService<ILogger<TwoLevelCache>>());

    private static KhcnCacheOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<KhcnCacheOptions>>().Value;
}
