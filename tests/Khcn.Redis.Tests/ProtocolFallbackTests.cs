using System.Net;
using System.Net.Sockets;
using System.Text;
using Khcn.Redis.Protocol;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

public class ProtocolFallbackTests
{
    [Fact]
    public async Task ServerWithoutHello_FallsBackToResp2_AndAuthenticatesWithAuth()
    {
        // A real redis-server with HELLO disabled answers it like a pre-6 server: "ERR unknown command".
        await using var server = await RedisServer.StartAsync(password: "pw", tls: false, "--rename-command", "HELLO", "");
        await using var client = await RedisConnection.ConnectAsync(server.ConnectionString);
        Assert.Equal(RedisProtocol.Resp2, client.Protocol);
        Assert.True(await client.SetAsync("k", "v"));
        Assert.Equal("v", await client.GetStringAsync("k"));
    }

    [Fact]
    public async Task MalformedReplyFromServer_FailsTheCommandWithAClearProtocolError()
    {
        // No redis-server sends garbage, so a scripted peer plays a broken server.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var peer = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[1024];
            await socket.ReceiveAsync(buffer); // the GET
            await socket.SendAsync(Encoding.ASCII.GetBytes("&not-resp\r\n"));
            await socket.ReceiveAsync(buffer); // until the client closes
        });
        var options = new RedisOptions { Host = "127.0.0.1", Port = port, Protocol = RedisProtocol.Resp2, ReconnectMinDelay = TimeSpan.FromMinutes(1) };
        await using var client = await RedisConnection.ConnectAsync(options);
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.GetAsync("k").WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsType<RespProtocolException>(error.InnerException);
        Assert.Contains("Malformed RESP reply: unknown type byte 0x26", error.Message);
        await peer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task UnsolicitedReply_IsAProtocolError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var send = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var peer = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await send.Task;
            await socket.SendAsync(Encoding.ASCII.GetBytes("+SURPRISE\r\n"));
            await socket.ReceiveAsync(new byte[1024]);
        });
        var options = new RedisOptions { Host = "127.0.0.1", Port = port, Protocol = RedisProtocol.Resp2, ReconnectMinDelay = TimeSpan.FromMinutes(1) };
        await using var client = await RedisConnection.ConnectAsync(options);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, reason) => lost.TrySetResult(reason);
        send.SetResult();
        var reason = await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("no command was waiting for", reason.Message);
        Assert.False(client.IsConnected);
        await peer.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
