using System.Collections.Concurrent;
using Khcn.Caching.Idempotency;
using Khcn.Caching.Tests.Infrastructure;
using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Caching.Tests;

/// <summary>Redis dying, hanging and coming back: no request may fail because of the cache.</summary>
public class OutageTests
{
    private static ServiceProvider BuildServices(RedisServer server) =>
        CacheFactory.BuildServices($"{server.ConnectionString},connectTimeout=5000,syncTimeout=5000,abortConnect=false", o =>
        {
            o.KeyPrefix = $"t{Guid.NewGuid():N}";
            o.BreakDuration = TimeSpan.FromMilliseconds(500);
        });

    private static async Task<HealthStatus> CacheHealthAsync(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["cache"].Status;

    [Fact]
    public async Task RedisDownAtStart_ServesFromTheFactory_ReportsDegraded_AndRecoversByItself()
    {
        await using var server = await RedisServer.StartAsync();
        server.Kill();
        await using var services = BuildServices(server);
        var cache = services.GetRequiredService<IKhcnCache>();

        var calls = 0;
        ValueTask<string> Database(CancellationToken _) => ValueTask.FromResult($"row-{Interlocked.Increment(ref calls)}");
        Assert.Equal("row-1", await cache.GetOrCreateAsync("province:01", Database));
        Assert.Equal("row-2", await cache.GetOrCreateAsync("province:01", Database)); // nothing cached while Redis is down
        Assert.Equal(HealthStatus.Degraded, await CacheHealthAsync(services));

        await server.RestartAsync();
        await Eventually.TrueAsync(async () => await CacheHealthAsync(services) == HealthStatus.Healthy, "the cache reported healthy again");
        await Eventually.TrueAsync(() => ((TwoLevelCache)cache).IsRedisAvailable, "the cache uses Redis again");
        var cached = await cache.GetOrCreateAsync("province:01", Database);
        Assert.Equal(cached, await cache.GetOrCreateAsync("province:01", Database));
    }

    [Fact]
    public async Task KillAndRestartMidLoad_NoRequestFails()
    {
        await using var server = await RedisServer.StartAsync();
        await using var services = BuildServices(server);
        var cache = services.GetRequiredService<IKhcnCache>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var client = services.GetRequiredService<IRedisClient>();
        await Eventually.TrueAsync(() => client.IsConnected, "the client connected");

        var failures = new ConcurrentQueue<Exception>();
        var served = 0L;
        using var stop = new CancellationTokenSource();

        // Simulated service requests: reads through the cache, writes that invalidate, idempotent creates.
        async Task RequestLoopAsync(int worker)
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var key = $"province:{random.Next(20):D2}";
                    if (random.Next(10) == 0)
                    {
                        var requestId = Guid.NewGuid().ToString("N");
                        var reservation = await idempotency.TryReserveAsync(requestId, TimeSpan.FromMinutes(1));
                        Assert.Equal(IdempotencyState.Reserved, reservation.State);
                        await cache.RemoveAsync(key);
                        await idempotency.CompleteAsync(requestId, new byte[] { 1 }, TimeSpan.FromMinutes(1));
                    }
                    else
                    {
                        var value = await cache.GetOrCreateAsync(key, _ => ValueTask.FromResult($"db:{key}"));
                        Assert.Equal($"db:{key}", value);
                    }
                    Interlocked.Increment(ref served);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex);
                }
            }
        }

        var workers = Enumerable.Range(0, 16).Select(i => Task.Run(() => RequestLoopAsync(i))).ToArray();
        for (var round = 0; round < 2; round++)
        {
            var before = Interlocked.Read(ref served);
            await Eventually.TrueAsync(() => Interlocked.Read(ref served) > before + 200, "requests were served with Redis up");
            server.Kill();
            before = Interlocked.Read(ref served);
            await Eventually.TrueAsync(() => Interlocked.Read(ref served) > before + 200, "requests were served with Redis down");
            await server.RestartAsync();
            await Eventually.TrueAsync(() => client.IsConnected, "the client reconnected");
        }
        var afterRecovery = Interlocked.Read(ref served);
        await Eventually.TrueAsync(() => Interlocked.Read(ref served) > afterRecovery + 200, "requests were served after recovery");
        stop.Cancel();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        await Eventually.TrueAsync(() => ((TwoLevelCache)cache).IsRedisAvailable, "the cache uses Redis again");
        await cache.GetOrCreateAsync("after", _ => ValueTask.FromResult("x"));
        Assert.NotEmpty(await client.ScanAsync("*:c:after").ToListAsync());
    }

    [Fact]
    public async Task HangingRedis_RequestsFallBackToTheFactory()
    {
        await using var server = await RedisServer.StartAsync();
        var options = CacheFactory.Options();
        options.RedisOperationTimeout = TimeSpan.FromMilliseconds(300);
        options.BreakDuration = TimeSpan.FromMinutes(5);
        var (cache, client) = await CacheFactory.CreateAsync(server, options);
        await using (client) await using (cache)
        {
            server.Pause();
            try
            {
                Assert.Equal("from-db", await cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("from-db")));
                Assert.False(cache.IsRedisAvailable); // bypassed for BreakDuration instead of waiting on every request
                Assert.Equal("from-db-2", await cache.GetOrCreateAsync("k2", _ => ValueTask.FromResult("from-db-2")));
            }
            finally
            {
                server.Resume();
            }
        }
    }

    [Fact]
    public async Task InvalidationMissedDuringOutage_IsReplayedWhenRedisReturns()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisConnection.ConnectAsync(server.ConnectionString);
        var options = CacheFactory.Options();
        var (cache, client) = await CacheFactory.CreateAsync(server, options);
        await using (client) await using (cache)
        {
            await cache.GetOrCreateAsync("task:1", _ => ValueTask.FromResult("stale"));
            var redisKey = $"{options.KeyPrefix}:v1:c:task:1";

            // Lock the cache's client out (existing admin session stays authenticated), so Redis keeps its data
            // but the cache cannot reach it: the write below cannot delete the entry.
            await admin.ExecuteAsync(new RedisCommand("CONFIG", "SET", "requirepass", "locked"));
            await admin.ExecuteAsync(new RedisCommand("CLIENT", "KILL", "SKIPME", "yes"));
            await Eventually.TrueAsync(() => !client.IsConnected, "the cache's client was disconnected");
            await cache.RemoveAsync("task:1");
            Assert.NotNull(await admin.GetAsync(redisKey));

            await admin.ExecuteAsync(new RedisCommand("CONFIG", "SET", "requirepass", ""));
            await Eventually.TrueAsync(async () => await admin.GetAsync(redisKey) is null, "the missed invalidation was replayed");
            Assert.Equal("fresh", await cache.GetOrCreateAsync("task:1", _ => ValueTask.FromResult("fresh")));
        }
    }

    [Fact]
    public async Task LocalCopy_IsBypassed_WhileInvalidationsCannotArrive()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisConnection.ConnectAsync(server.ConnectionString);
        var options = CacheFactory.Options();
        var (a, clientA) = await CacheFactory.CreateAsync(server, options);
        var (b, clientB) = await CacheFactory.CreateAsync(server, new KhcnCacheOptions { KeyPrefix = options.KeyPrefix });
        await using (clientA) await using (clientB) await using (a) await using (b)
        {
            await b.GetOrCreateAsync("province:01", _ => ValueTask.FromResult("old")); // now in b's local level

            // Only the pub/sub connections are cut (and kept out): commands still work, invalidations cannot arrive.
            await admin.ExecuteAsync(new RedisCommand("CONFIG", "SET", "requirepass", "locked"));
            await admin.ExecuteAsync(new RedisCommand("CLIENT", "KILL", "TYPE", "pubsub"));
            await Eventually.TrueAsync(() => !clientB.IsSubscriberConnected, "b's subscriber was disconnected");
            await a.SetAsync("province:01", "new");

            Assert.Equal("new", await b.GetOrCreateAsync("province:01", _ => ValueTask.FromResult("factory")));
            await admin.ExecuteAsync(new RedisCommand("CONFIG", "SET", "requirepass", ""));
        }
    }
}
