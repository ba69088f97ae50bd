using Khcn.Caching.Distributed;
using Khcn.Caching.Tests.Infrastructure;
using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;

namespace Khcn.Caching.Tests;

public class DistributedCacheTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly KhcnCacheOptions _options = CacheFactory.Options();
    private RedisConnection _client = null!;
    private RedisDistributedCache _cache = null!;

    public async Task InitializeAsync()
    {
        _client = await RedisConnection.ConnectAsync(fixture.Server.ConnectionString);
        _cache = new RedisDistributedCache(_client, _options);
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private string RedisKey(string key) => $"{_options.KeyPrefix}:v1:dc:{key}";

    private async Task<long> TtlMsAsync(string key) => (await _client.ExecuteAsync(new RedisCommand("PTTL", RedisKey(key)))).AsInt64();

    [Fact]
    public async Task SetGetRemove_RoundTrip()
    {
        await _cache.SetAsync("session", [1, 2, 3], new DistributedCacheEntryOptions());
        Assert.Equal([1, 2, 3], await _cache.GetAsync("session"));
        await _cache.RemoveAsync("session");
        Assert.Null(await _cache.GetAsync("session"));
    }

    [Fact]
    public void SynchronousMembers_Work()
    {
        _cache.Set("sync", [9], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        Assert.Equal([9], _cache.Get("sync"));
        _cache.Refresh("sync");
        _cache.Remove("sync");
        Assert.Null(_cache.Get("sync"));
    }

    [Fact]
    public async Task AbsoluteExpiration_BecomesTheRedisTtl()
    {
        await _cache.SetAsync("abs", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(60) });
        Assert.InRange(await TtlMsAsync("abs"), 1, 60_000);
    }

    [Fact]
    public async Task NoExpiration_MeansNoTtl()
    {
        await _cache.SetAsync("forever", [1], new DistributedCacheEntryOptions());
        Assert.Equal(-1, await TtlMsAsync("forever"));
    }

    [Fact]
    public async Task SlidingExpiration_IsExtendedByReads_ButNeverPastTheAbsoluteOne()
    {
        await _cache.SetAsync("slide", [1], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromSeconds(100),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(500),
        });
        await _client.ExpireAsync(RedisKey("slide"), TimeSpan.FromSeconds(5)); // as if 95 s had passed
        Assert.NotNull(await _cache.GetAsync("slide"));
        Assert.InRange(await TtlMsAsync("slide"), 6_000, 100_000);

        await _client.ExpireAsync(RedisKey("slide"), TimeSpan.FromSeconds(5));
        await _cache.RefreshAsync("slide");
        Assert.InRange(await TtlMsAsync("slide"), 6_000, 100_000);
    }

    [Fact]
    public async Task AbsoluteExpirationInThePast_IsRejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cache.SetAsync("past", [1],
            new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(-1) }));
}
