using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

public class PipeliningTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task ThousandConcurrentCallers_EachGetTheirOwnReply(RedisProtocol protocol)
    {
        await using var client = await fixture.ConnectAsync(protocol);
        var prefix = Guid.NewGuid().ToString("N");
        using var start = new ManualResetEventSlim();

        // Every caller writes and reads back its own value, and its own ECHO: a reply routed to the
        // wrong caller would show up as a mismatch.
        var callers = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var key = $"{prefix}:{i}";
            var value = $"value-{i}-{new string('x', i % 97)}";
            for (var round = 0; round < 5; round++)
            {
                await client.SetAsync(key, $"{value}-{round}");
                var echo = (await client.ExecuteAsync(new RedisCommand("ECHO", $"{i}/{round}"))).AsString();
                Assert.Equal($"{i}/{round}", echo);
                Assert.Equal($"{value}-{round}", await client.GetStringAsync(key));
            }
            return i;
        })).ToArray();
        start.Set();
        var finished = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(1000, finished.Distinct().Count());
    }

    [Fact]
    public async Task RepliesStayMatched_WhenCallersCancelMidFlight()
    {
        await using var client = await fixture.ConnectAsync();
        var tasks = Enumerable.Range(0, 500).Select(async i =>
        {
            using var cancellation = new CancellationTokenSource();
            var abandoned = client.ExecuteAsync(new RedisCommand("ECHO", $"abandoned-{i}"), cancellation.Token);
            if (i % 2 == 0) cancellation.Cancel();
            try
            {
                await abandoned;
            }
            catch (OperationCanceledException)
            {
                // Expected for the cancelled half; their replies must be discarded, not handed to others.
            }
            return (await client.ExecuteAsync(new RedisCommand("ECHO", $"kept-{i}"))).AsString();
        });
        var replies = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"kept-{i}"), replies);
    }
}
