using System.Threading.Channels;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

/// <summary>Each test owns its server, because it kills, restarts or freezes it.</summary>
public class ResilienceTests
{
    private static RedisOptions Options(RedisServer server, TimeSpan? commandTimeout = null) =>
        RedisOptions.Parse(server.ConnectionString) with
        {
            CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };

    [Fact]
    public async Task CommandsFailFast_WhileDisconnected_InsteadOfHanging()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server));
        server.Kill();
        await Eventually.TrueAsync(() => !client.IsConnected, "the client noticed the server died");
        // The command timeout is 30 s: failing well before it shows the command was not queued.
        var failure = Assert.ThrowsAsync<RedisConnectionException>(() => client.GetAsync("k"));
        await failure.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task PendingCommands_FailWithConnectionError_WhenTheServerDies()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server));
        server.Pause();
        var pending = Enumerable.Range(0, 20).Select(i => client.GetAsync($"k{i}")).ToArray();
        server.Kill();
        foreach (var command in pending)
        {
            await Assert.ThrowsAsync<RedisConnectionException>(() => command.WaitAsync(TimeSpan.FromSeconds(20)));
        }
    }

    [Fact]
    public async Task Client_ReconnectsByItself_AfterServerRestart()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.SetAsync("before", "1");
        server.Kill();
        await Eventually.TrueAsync(() => !client.IsConnected, "the client noticed the server died");
        client.Connected += (_, _) => reconnected.TrySetResult();
        await server.RestartAsync();
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Null(await client.GetAsync("before")); // a new, empty server
        Assert.True(await client.SetAsync("after", "2"));
    }

    [Fact]
    public async Task Subscriptions_AreRenewed_AfterServerRestart()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server));
        var received = Channel.CreateUnbounded<string>();
        await using var subscription = await client.SubscribeAsync("invalidate", m => received.Writer.TryWrite(m.PayloadText));
        Assert.Equal(1, await client.PublishAsync("invalidate", "one"));
        // Pub/sub is at most once: a SIGKILL can land after Redis answered PUBLISH but before it
        // flushed the message to the subscriber, so "one" must arrive before the server dies.
        Assert.Equal("one", await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        server.Kill();
        await server.RestartAsync();
        await Eventually.TrueAsync(async () => await client.PublishAsync("invalidate", "two") == 1, "the subscriber resubscribed");
        Assert.Equal("two", await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task CommandWithoutReply_FailsWithTimeout()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server, commandTimeout: TimeSpan.FromSeconds(1)));
        server.Pause();
        try
        {
            await Assert.ThrowsAsync<RedisTimeoutException>(() => client.GetAsync("k").WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            server.Resume();
        }
        // The late reply is discarded; later commands get their own replies.
        await Eventually.TrueAsync(async () => await client.SetAsync("k", "v") && await client.GetStringAsync("k") == "v", "the server answers again");
    }

    [Fact]
    public async Task CancelledCommand_CompletesAsCancelled()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server));
        server.Pause();
        try
        {
            using var cancellation = new CancellationTokenSource();
            var command = client.GetAsync("k", cancellation.Token);
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            server.Resume();
        }
        Assert.Null(await client.GetAsync("k"));
    }

    [Fact]
    public async Task AbortConnectTrue_ThrowsWhenTheServerIsDown()
    {
        await using var server = await RedisServer.StartAsync();
        server.Kill();
        await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(Options(server)));
    }

    [Fact]
    public async Task AbortConnectFalse_ReturnsAtOnce_AndConnectsWhenTheServerAppears()
    {
        await using var server = await RedisServer.StartAsync();
        server.Kill();
        await using var client = await RedisConnection.ConnectAsync(Options(server) with { AbortOnConnectFail = false });
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync());
        await server.RestartAsync();
        await Eventually.TrueAsync(() => client.IsConnected, "the client connected in the background");
        await client.PingAsync();
    }

    [Fact]
    public async Task SilentServer_IsDeclaredDead_AfterTwiceTheCommandTimeout()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server, commandTimeout: TimeSpan.FromSeconds(1)));
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, reason) => lost.TrySetResult(reason);
        server.Pause();
        try
        {
            await Assert.ThrowsAsync<RedisTimeoutException>(() => client.GetAsync("k").WaitAsync(TimeSpan.FromSeconds(30)));
            var reason = await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("considered dead", reason.Message);
        }
        finally
        {
            server.Resume();
        }
        await Eventually.TrueAsync(async () => await client.SetAsync("k", "v"), "the client reconnected");
    }

    [Fact]
    public async Task SilentSubscriberConnection_IsReplaced_AndResubscribes()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = await RedisConnection.ConnectAsync(Options(server, commandTimeout: TimeSpan.FromSeconds(1)));
        var received = Channel.CreateUnbounded<string>();
        await using var subscription = await client.SubscribeAsync("news", m => received.Writer.TryWrite(m.PayloadText));
        Assert.True(client.IsSubscriberConnected);
        server.Pause();
        try
        {
            // Nothing closes the socket: only the unanswered heartbeat can reveal the dead subscriber.
            await Eventually.TrueAsync(() => !client.IsSubscriberConnected, "the silent subscriber connection was dropped");
        }
        finally
        {
            server.Resume();
        }
        // The server may still count the dead connection as a subscriber for a moment, so the proof is a
        // message that actually arrives.
        await Eventually.TrueAsync(async () =>
        {
            await client.PublishAsync("news", "back");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                return await received.Reader.ReadAsync(wait.Token) == "back";
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }, "the subscriber resubscribed and receives again");
    }
}
