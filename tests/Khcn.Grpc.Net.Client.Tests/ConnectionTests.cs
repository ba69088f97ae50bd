using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task ConcurrentCalls_AreMultiplexedOverOneConnection()
    {
        var connections = new ConcurrentDictionary<string, int>();
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            connections.AddOrUpdate(context.Connection.Id, 1, (_, n) => n + 1);
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        await client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetEchoAsync(new EchoRequest { Text = i.ToString() }).ResponseAsync)).OrHang();

        var single = Assert.Single(connections);
        Assert.Equal(21, single.Value);
    }

    [Fact]
    public async Task StreamLimitReached_OpensAnotherConnection()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int calls = 4;
        await using var server = await RawGrpcServer.StartAsync(
            async context =>
            {
                connections.TryAdd(context.Connection.Id, 0);
                if (Interlocked.Increment(ref started) == calls)
                {
                    allStarted.TrySetResult();
                }

                await release.Task;
                await GrpcWire.EchoUnaryAsync(context);
            },
            kestrel => kestrel.Limits.Http2.MaxStreamsPerConnection = 2);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var pending = Enumerable.Range(0, calls).Select(_ => client.GetEchoAsync(new EchoRequest()).ResponseAsync).ToArray();
        // All calls run at once although one connection carries at most 2 streams.
        await allStarted.Task.OrHang();
        release.TrySetResult();
        await Task.WhenAll(pending).OrHang();

        Assert.True(connections.Count >= 2, $"connections: {connections.Count}");
    }
}
