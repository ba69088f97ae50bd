using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class StreamingCallTests
{
    [Fact]
    public async Task ServerStreaming_ReadsAllMessagesThenOkStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            var request = await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser);
            GrpcWire.StartGrpcResponse(context);
            for (var i = 0; i < request!.Count; i++)
            {
                await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = request.Text, Index = i });
            }

            context.Response.AppendTrailer("x-count", request.Count.ToString());
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.ListEchoes(new EchoRequest { Text = "s", Count = 5 });
        var indexes = new List<int>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).OrHang())
        {
            indexes.Add(call.ResponseStream.Current.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("5", call.GetTrailers().GetValue("x-count"));
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_ThrowsFromMoveNext()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Index = 0 });
            GrpcWire.SetTrailers(context, StatusCode.Aborted, "conflict");
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.ListEchoes(new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).OrHang());

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("conflict", error.Status.Detail);
    }

    [Fact]
    public async Task ClientStreaming_SendsAllMessagesAndHalfCloses()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            var texts = new List<string>();
            while (await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser) is { } request)
            {
                texts.Add(request.Text);
            }

            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = string.Join(",", texts), Index = texts.Count });
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.CreateEchoes();
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text }).OrHang();
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync.OrHang();

        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
    }

    [Fact]
    public async Task ClientStreaming_WriteAfterServerFailed_ThrowsTheServerStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.InvalidArgument, "rejected");
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.CreateEchoes();
        var responseError = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.OrHang());
        var writeError = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest()).OrHang());

        Assert.Equal(StatusCode.InvalidArgument, responseError.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, writeError.StatusCode);
    }

    [Fact]
    public async Task Duplex_MessagesFlowBothWaysBeforeTheRequestEnds()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            while (await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser) is { } request)
            {
                await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = "echo:" + request.Text });
            }

            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.Chat();
        await call.ResponseHeadersAsync.OrHang();
        foreach (var text in new[] { "một", "hai", "ba" })
        {
            // Each reply arrives while the request stream is still open: real full-duplex streaming.
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text }).OrHang();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
            Assert.Equal("echo:" + text, call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ConcurrentWrites_AreRejected()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(context.RequestAborted);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.Chat();
        // 1 MiB exceeds the HTTP/2 flow-control window, so the first write stays pending while the server does not read.
        var big = new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[1024 * 1024]) };
        var first = call.RequestStream.WriteAsync(big);
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
        release.TrySetResult();
        call.Dispose();
        await Assert.ThrowsAnyAsync<Exception>(() => first.OrHang());
    }
}
