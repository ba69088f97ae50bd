using System.Text;
using Khcn.Redis.Protocol;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

/// <summary>Typed commands and reply shapes against a real redis-server, over both protocols.</summary>
public class CommandTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    public static TheoryData<RedisProtocol> Protocols => [RedisProtocol.Resp2, RedisProtocol.Resp3];

    private static string Key(string name) => $"{name}:{Guid.NewGuid():N}";

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Handshake_NegotiatesTheRequestedProtocol(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        Assert.Equal(protocol, client.Protocol);
        var hello = await client.ExecuteAsync(new RedisCommand("HELLO"));
        Assert.Equal(protocol == RedisProtocol.Resp3 ? RespType.Map : RespType.Array, hello.Type);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task GetOfMissingKey_ReturnsNull(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        Assert.Null(await client.GetAsync(Key("missing")));
    }

    [Fact]
    public async Task SetThenGet_RoundTripsBinaryValues()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("bin");
        byte[] value = [0, 13, 10, 255, 36, 42];
        Assert.True(await client.SetAsync(key, value));
        Assert.Equal(value, await client.GetAsync(key));
    }

    [Fact]
    public async Task SetWithPx_ExpiresTheKey()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("px");
        await client.SetAsync(key, "v", TimeSpan.FromSeconds(100));
        var ttl = (await client.ExecuteAsync(new RedisCommand("PTTL", key))).AsInt64();
        Assert.InRange(ttl, 1, 100_000);
    }

    [Fact]
    public async Task SetNx_WritesOnlyWhenTheKeyIsAbsent()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("nx");
        Assert.True(await client.SetAsync(key, "first", condition: SetCondition.NotExists));
        Assert.False(await client.SetAsync(key, "second", condition: SetCondition.NotExists));
        Assert.Equal("first", await client.GetStringAsync(key));
    }

    [Fact]
    public async Task MGet_ReturnsNullForMissingKeysInPosition()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b, c) = (Key("a"), Key("b"), Key("c"));
        await client.SetAsync(a, "1");
        await client.SetAsync(c, "3");
        var values = await client.MGetAsync([a, b, c]);
        Assert.Equal(["1", null, "3"], values.Select(v => v is null ? null : Encoding.UTF8.GetString(v)));
    }

    [Fact]
    public async Task DelAndUnlink_CountTheKeysRemoved()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b) = (Key("a"), Key("b"));
        await client.SetAsync(a, "1");
        await client.SetAsync(b, "2");
        Assert.Equal(1, await client.DeleteAsync(a, Key("none")));
        Assert.Equal(1, await client.UnlinkAsync([b]));
        Assert.Null(await client.GetAsync(b));
    }

    [Fact]
    public async Task Expire_IsFalseForMissingKey_AndSetsTtl()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("exp");
        Assert.False(await client.ExpireAsync(key, TimeSpan.FromSeconds(5)));
        await client.SetAsync(key, "v");
        Assert.True(await client.ExpireAsync(key, TimeSpan.FromSeconds(50)));
        Assert.InRange((await client.ExecuteAsync(new RedisCommand("TTL", key))).AsInt64(), 1, 50);
    }

    [Fact]
    public async Task Incr_CountsAtomically()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("counter");
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.IncrementAsync(key)));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Order());
        Assert.Equal(210, await client.IncrementAsync(key, 10));
    }

    [Fact]
    public async Task Scan_VisitsEveryMatchingKey()
    {
        await using var client = await fixture.ConnectAsync();
        var prefix = Key("scan");
        var keys = Enumerable.Range(0, 120).Select(i => $"{prefix}:{i}").ToHashSet();
        await Task.WhenAll(keys.Select(k => client.SetAsync(k, "x")));
        var seen = new HashSet<string>();
        await foreach (var key in client.ScanAsync($"{prefix}:*", pageSize: 17)) seen.Add(key);
        Assert.Equal(keys, seen);
    }

    [Fact]
    public async Task Ping_Answers()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.True(await client.PingAsync() >= TimeSpan.Zero);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task EvalSha_RunsLoadedScript_AndReturnsNestedArrays(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        var script = new RedisScript("return {KEYS[1], {ARGV[1], {tonumber(ARGV[2])}}, false}");
        var reply = await script.EvaluateAsync(client, [Key("k")], ["v", 7L]); // NOSCRIPT first time, then loads
        Assert.StartsWith("k:", reply.Elements[0].AsString());
        Assert.Equal("v", reply.Elements[1].Elements[0].AsString());
        Assert.Equal(7, reply.Elements[1].Elements[1].Elements[0].AsInt64());
        Assert.True(reply.Elements[2].IsNull);
    }

    [Fact]
    public async Task EvalSha_OfUnknownScript_FailsWithNoScript()
    {
        await using var client = await fixture.ConnectAsync();
        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.EvalShaAsync(new string('0', 40), [], []));
        Assert.Equal("NOSCRIPT", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task HashReply_IsAMapInResp3_AndAFlatArrayInResp2(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        var key = Key("hash");
        await client.ExecuteAsync(new RedisCommand("HSET", key, "f1", "v1", "f2", "v2"));
        var reply = await client.ExecuteAsync(new RedisCommand("HGETALL", key));
        Assert.Equal(protocol == RedisProtocol.Resp3 ? RespType.Map : RespType.Array, reply.Type);
        Assert.Equal(4, reply.Elements.Count);
    }

    [Fact]
    public async Task Resp3_DoubleAndBooleanReplies_AreTyped()
    {
        await using var client = await fixture.ConnectAsync(RedisProtocol.Resp3);
        var key = Key("zset");
        await client.ExecuteAsync(new RedisCommand("ZADD", key, "1.5", "m"));
        var score = await client.ExecuteAsync(new RedisCommand("ZSCORE", key, "m"));
        Assert.Equal(RespType.Double, score.Type);
        Assert.Equal(1.5, score.Double);
        var boolean = await client.ExecuteAsync(new RedisCommand("EVAL", "redis.setresp(3); return true", 0L));
        Assert.Equal(RespType.Boolean, boolean.Type);
    }

    [Fact]
    public async Task BigBulkString_RoundTrips()
    {
        await using var client = await fixture.ConnectAsync();
        var key = Key("big");
        var value = new byte[16 * 1024 * 1024 + 7];
        Random.Shared.NextBytes(value);
        await client.SetAsync(key, value);
        Assert.Equal(value, await client.GetAsync(key));
        await client.DeleteAsync(key);
    }

    [Fact]
    public async Task ReplyLargerThanLimit_FailsWithProtocolError_AndClientReconnects()
    {
        var options = RedisOptions.Parse(fixture.Server.ConnectionString) with { ReaderLimits = RespReaderLimits.Default with { MaxBulkLength = 1024 } };
        await using var client = await RedisConnection.ConnectAsync(options);
        var key = Key("limit");
        await client.SetAsync(key, new byte[4096]);
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.GetAsync(key));
        Assert.Contains("exceeds the limit", error.InnerException?.Message ?? error.Message);
        await Eventually.TrueAsync(() => client.IsConnected, "the client reconnected");
        Assert.Equal(1, await client.DeleteAsync(key));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ErrorReply_ThrowsServerException_AndConnectionStaysUsable(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        var key = Key("list");
        await client.ExecuteAsync(new RedisCommand("LPUSH", key, "x"));
        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.GetAsync(key));
        Assert.Equal("WRONGTYPE", error.ErrorCode);
        Assert.Equal(1, await client.DeleteAsync(key));
    }

    [Fact]
    public async Task RawCommand_ReturnsTheReplyAsIs()
    {
        await using var client = await fixture.ConnectAsync();
        var reply = await client.ExecuteAsync(new RedisCommand("ECHO", "xin chào"));
        Assert.Equal("xin chào", reply.AsString());
    }

    [Fact]
    public async Task Resp3PushFrames_OnTheCommandConnection_AreNotMistakenForReplies()
    {
        // With client-side caching tracking on, the server interleaves ">2 invalidate [key]" push frames
        // with replies on this very connection; replies must still reach their own callers.
        await using var tracked = await fixture.ConnectAsync(RedisProtocol.Resp3);
        await using var writer = await fixture.ConnectAsync(RedisProtocol.Resp3);
        var pushes = 0;
        tracked.PushReceived += frame =>
        {
            if (frame.Elements[0].AsString() == "invalidate") Interlocked.Increment(ref pushes);
        };
        await tracked.ExecuteAsync(new RedisCommand("CLIENT", "TRACKING", "ON"));
        var keys = Enumerable.Range(0, 50).Select(i => Key($"tracked{i}")).ToArray();
        for (var round = 0; round < 3; round++)
        {
            foreach (var key in keys) await writer.SetAsync(key, $"{round}");
            var reads = keys.Select(k => tracked.GetStringAsync(k)).ToArray(); // tracked: the next writes push invalidations
            Assert.All(await Task.WhenAll(reads), v => Assert.Equal($"{round}", v));
        }
        var echoes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => tracked.ExecuteAsync(new RedisCommand("ECHO", $"e{i}"))));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"e{i}"), echoes.Select(e => e.AsString()));
        Assert.True(Volatile.Read(ref pushes) >= keys.Length, $"expected invalidation pushes, saw {pushes}");
    }
}
