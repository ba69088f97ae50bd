using Google.Protobuf.WellKnownTypes;
using Khcn.Caching.Tests.Infrastructure;

namespace Khcn.Caching.Tests;

/// <summary>The cache without Redis: the embedded default.</summary>
public class InMemoryCacheTests
{
    private readonly TwoLevelCache _cache = new(CacheFactory.Options(), redis: null);

    [Fact]
    public async Task SecondRead_IsServedFromCache()
    {
        var calls = 0;
        ValueTask<string> Factory(CancellationToken _) => ValueTask.FromResult($"value-{Interlocked.Increment(ref calls)}");
        Assert.Equal("value-1", await _cache.GetOrCreateAsync("k", Factory));
        Assert.Equal("value-1", await _cache.GetOrCreateAsync("k", Factory));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ConcurrentMisses_RunTheFactoryOnce()
    {
        var calls = 0;
        var release = new TaskCompletionSource();
        async ValueTask<int> Factory(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return 42;
        }
        var readers = Enumerable.Range(0, 200).Select(_ => _cache.GetOrCreateAsync("hot", Factory).AsTask()).ToArray();
        release.SetResult();
        Assert.All(await Task.WhenAll(readers), v => Assert.Equal(42, v));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task FactoryFailure_ReachesEveryWaiter_AndIsNotCached()
    {
        var release = new TaskCompletionSource();
        async ValueTask<int> Failing(CancellationToken _)
        {
            await release.Task;
            throw new InvalidOperationException("database down");
        }
        var readers = Enumerable.Range(0, 10).Select(_ => _cache.GetOrCreateAsync("k", Failing).AsTask()).ToArray();
        release.SetResult();
        foreach (var reader in readers)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader);
        }
        Assert.Equal(7, await _cache.GetOrCreateAsync("k", _ => ValueTask.FromResult(7)));
    }

    [Fact]
    public async Task Remove_MakesTheNextReadRecompute()
    {
        await _cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("old"));
        await _cache.RemoveAsync("k");
        Assert.Equal("new", await _cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("new")));
    }

    [Fact]
    public async Task Set_ReplacesTheValue()
    {
        await _cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("old"));
        await _cache.SetAsync("k", "written");
        Assert.Equal("written", await _cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("factory")));
    }

    [Fact]
    public async Task Entry_ExpiresAfterItsTtl()
    {
        var options = new KhcnCacheEntryOptions(Expiration: TimeSpan.FromMilliseconds(200));
        await _cache.GetOrCreateAsync("short", _ => ValueTask.FromResult("first"), options);
        await Khcn.Redis.Tests.Infrastructure.Eventually.TrueAsync(
            async () => await _cache.GetOrCreateAsync("short", _ => ValueTask.FromResult("second"), options) == "second", "the entry expired");
    }

    [Fact]
    public async Task ProtobufMessages_AreCachedAsCopies()
    {
        var first = await _cache.GetOrCreateAsync("msg", _ => ValueTask.FromResult(new StringValue { Value = "Hà Nội" }));
        first.Value = "mutated by a caller";
        var second = await _cache.GetOrCreateAsync("msg", _ => ValueTask.FromResult(new StringValue { Value = "recomputed" }));
        Assert.Equal("Hà Nội", second.Value);
    }

    [Fact]
    public async Task CallerCancellation_DoesNotCancelTheSharedComputation()
    {
        var release = new TaskCompletionSource();
        var calls = 0;
        async ValueTask<string> Slow(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return "done";
        }
        using var cancellation = new CancellationTokenSource();
        var impatient = _cache.GetOrCreateAsync("k", Slow, cancellationToken: cancellation.Token).AsTask();
        var patient = _cache.GetOrCreateAsync("k", Slow).AsTask();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release.SetResult();
        Assert.Equal("done", await patient);
        Assert.Equal(1, calls);
    }
}
