using System.Threading.Channels;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

public class PubSubTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)] // messages arrive as RESP3 push frames
    public async Task PublishedMessages_ReachSubscribers_InOrder(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        var channel = $"ch:{Guid.NewGuid():N}";
        var received = Channel.CreateUnbounded<string>();
        await using (await client.SubscribeAsync(channel, m => received.Writer.TryWrite(m.PayloadText)))
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(1, await client.PublishAsync(channel, $"m{i}"));
            }
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal($"m{i}", await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            }
        }
        await Eventually.TrueAsync(async () => await client.PublishAsync(channel, "late") == 0, "the unsubscribe took effect");
    }

    [Fact]
    public async Task CommandsKeepWorking_OnTheMainConnection_WhileSubscribed()
    {
        await using var client = await fixture.ConnectAsync(RedisProtocol.Resp2);
        await using var subscription = await client.SubscribeAsync($"ch:{Guid.NewGuid():N}", _ => { });
        Assert.Equal("x", (await client.ExecuteAsync(new RedisCommand("ECHO", "x"))).AsString());
    }

    [Fact]
    public async Task TwoHandlersOnOneChannel_BothReceive_AndOneCanLeave()
    {
        await using var client = await fixture.ConnectAsync();
        var channel = $"ch:{Guid.NewGuid():N}";
        var first = Channel.CreateUnbounded<string>();
        var second = Channel.CreateUnbounded<string>();
        var one = await client.SubscribeAsync(channel, m => first.Writer.TryWrite(m.PayloadText));
        await using var two = await client.SubscribeAsync(channel, m => second.Writer.TryWrite(m.PayloadText));
        await client.PublishAsync(channel, "both");
        Assert.Equal("both", await first.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("both", await second.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        await one.DisposeAsync();
        Assert.Equal(1, await client.PublishAsync(channel, "second only"));
        Assert.Equal("second only", await second.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(first.Reader.TryRead(out _));
    }
}
