using Khcn.Caching.Idempotency;
using Khcn.Caching.Tests.Infrastructure;
using Khcn.Redis;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Caching.Tests;

public class IdempotencyStoreTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisConnection _client = null!;

    public async Task InitializeAsync() => _client = await RedisConnection.ConnectAsync(fixture.Server.ConnectionString);

    public async Task DisposeAsync() => await _client.DisposeAsync();

    public static TheoryData<string> Stores => ["redis", "memory"];

    private IIdempotencyStore Create(string kind) => kind == "redis"
        ? new RedisIdempotencyStore(_client, CacheFactory.Options())
        : new InMemoryIdempotencyStore();

    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task FirstRequest_Reserves_AndADuplicateSeesItInProgress(string kind)
    {
        var store = Create(kind);
        Assert.Equal(IdempotencyState.Reserved, (await store.TryReserveAsync("req-1", Ttl)).State);
        Assert.Equal(IdempotencyState.InProgress, (await store.TryReserveAsync("req-1", Ttl)).State);
        Assert.Equal(IdempotencyState.InProgress, (await store.GetAsync("req-1"))!.State);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CompletedRequest_ReplaysItsResponse(string kind)
    {
        var store = Create(kind);
        await store.TryReserveAsync("req-2", Ttl);
        await store.CompleteAsync("req-2", new byte[] { 8, 0, 8 }, Ttl);
        var retry = await store.TryReserveAsync("req-2", Ttl);
        Assert.Equal(IdempotencyState.Completed, retry.State);
        Assert.Equal([8, 0, 8], retry.Response.ToArray());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReleasedReservation_LetsARetryRun_ButACompletedOneStays(string kind)
    {
        var store = Create(kind);
        await store.TryReserveAsync("req-3", Ttl);
        await store.ReleaseAsync("req-3");
        Assert.Equal(IdempotencyState.Reserved, (await store.TryReserveAsync("req-3", Ttl)).State);
        await store.CompleteAsync("req-3", new byte[] { 1 }, Ttl);
        await store.ReleaseAsync("req-3");
        Assert.Equal(IdempotencyState.Completed, (await store.GetAsync("req-3"))!.State);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ConcurrentDuplicates_ExactlyOneReserves(string kind)
    {
        var store = Create(kind);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => store.TryReserveAsync("req-4", Ttl).AsTask())));
        Assert.Single(outcomes, o => o.State == IdempotencyState.Reserved);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task UnknownRequest_HasNoRecord(string kind) => Assert.Null(await Create(kind).GetAsync("never-seen"));

    [Fact]
    public async Task RedisRecord_CarriesTheTtl()
    {
        var options = CacheFactory.Options();
        var store = new RedisIdempotencyStore(_client, options);
        await store.TryReserveAsync("req-5", TimeSpan.FromSeconds(30));
        Assert.InRange((await _client.ExecuteAsync(new RedisCommand("PTTL", $"{options.KeyPrefix}:v1:idem:req-5"))).AsInt64(), 1, 30_000);
    }
}
