using Khcn.Caching.Tests.Infrastructure;
using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Caching.Tests;

/// <summary>Two cache instances (as two service replicas) sharing one real redis-server.</summary>
public class RedisCacheTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ValueComputedByOneInstance_IsReadFromRedisByAnother()
    {
        var options = CacheFactory.Options();
        var (a, clientA) = await CacheFactory.CreateAsync(fixture.Server, options);
        var (b, clientB) = await CacheFactory.CreateAsync(fixture.Server, Copy(options));
        await using (clientA) await using (clientB) await using (a) await using (b)
        {
            Assert.Equal("from-a", await a.GetOrCreateAsync("province:01", _ => ValueTask.FromResult("from-a")));
            Assert.Equal("from-a", await b.GetOrCreateAsync("province:01", _ => ValueTask.FromResult("from-b")));
        }
    }

    [Fact]
    public async Task Keys_AreVersionedAndPrefixed()
    {
        var options = CacheFactory.Options();
        var (cache, client) = await CacheFactory.CreateAsync(fixture.Server, options);
        await using (client) await using (cache)
        {
            await cache.GetOrCreateAsync("province:01", _ => ValueTask.FromResult(1));
            Assert.NotNull(await client.GetAsync($"{options.KeyPrefix}:v1:c:province:01"));

            // A new schema version never reads the old representation.
            options.SchemaVersion = 2;
            await using var v2 = new TwoLevelCache(options, client);
            Assert.Equal(2, await v2.GetOrCreateAsync("province:01", _ => ValueTask.FromResult(2)));
        }
    }

    [Fact]
    public async Task ConcurrentMisses_RunTheFactoryOnce_WithRedis()
    {
        var (cache, client) = await CacheFactory.CreateAsync(fixture.Server, CacheFactory.Options());
        await using (client) await using (cache)
        {
            var calls = 0;
            var release = new TaskCompletionSource();
            async ValueTask<string> Factory(CancellationToken _)
            {
                Interlocked.Increment(ref calls);
                await release.Task;
                return "overview";
            }
            var readers = Enumerable.Range(0, 300).Select(_ => Task.Run(() => cache.GetOrCreateAsync("overview:01", Factory).AsTask())).ToArray();
            await Eventually.TrueAsync(() => Volatile.Read(ref calls) > 0, "the factory started");
            release.SetResult();
            Assert.All(await Task.WhenAll(readers), v => Assert.Equal("overview", v));
            Assert.Equal(1, calls);
        }
    }

    [Theory]
    [InlineData(true)]  // a write that stores the new value
    [InlineData(false)] // a write that only invalidates
    public async Task WriteOnOneInstance_InvalidatesTheLocalCopyOfAnother(bool setNewValue)
    {
        var options = CacheFactory.Options();
        var (a, clientA) = await CacheFactory.CreateAsync(fixture.Server, options);
        var (b, clientB) = await CacheFactory.CreateAsync(fixture.Server, Copy(options));
        await using (clientA) await using (clientB) await using (a) await using (b)
        {
            await a.GetOrCreateAsync("task:7", _ => ValueTask.FromResult("v1"));
            // b now holds v1 in its first level: reading again does not touch its factory or Redis.
            Assert.Equal("v1", await b.GetOrCreateAsync("task:7", _ => ValueTask.FromResult("unexpected")));

            var invalidated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            b.RemoteInvalidation += key => invalidated.TrySetResult(key);
            if (setNewValue) await a.SetAsync("task:7", "v2");
            else await a.RemoveAsync("task:7");
            Assert.EndsWith(":c:task:7", await invalidated.Task.WaitAsync(TimeSpan.FromSeconds(30)));

            var expected = setNewValue ? "v2" : "recomputed";
            Assert.Equal(expected, await b.GetOrCreateAsync("task:7", _ => ValueTask.FromResult("recomputed")));
        }
    }

    [Fact]
    public async Task RedisKeepsTheTtl_OfTheEntry()
    {
        var (cache, client) = await CacheFactory.CreateAsync(fixture.Server, CacheFactory.Options("ttl"));
        await using (client) await using (cache)
        {
            await cache.GetOrCreateAsync("k", _ => ValueTask.FromResult(1), new KhcnCacheEntryOptions(Expiration: TimeSpan.FromSeconds(90)));
            var ttl = (await client.ExecuteAsync(new RedisCommand("PTTL", "ttl:v1:c:k"))).AsInt64();
            Assert.InRange(ttl, 1, 90_000);
        }
    }

    // Same key space, but its own instance id (as a separate process would have).
    private static KhcnCacheOptions Copy(KhcnCacheOptions options) => new()
    {
        KeyPrefix = options.KeyPrefix,
        RedisOperationTimeout = options.RedisOperationTimeout,
        BreakDuration = options.BreakDuration,
    };
}
