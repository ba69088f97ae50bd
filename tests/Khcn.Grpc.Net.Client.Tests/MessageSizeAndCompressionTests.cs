using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class MessageSizeAndCompressionTests
{
    [Fact]
    public async Task ResponseLargerThanMaxReceiveMessageSize_FailsWithResourceExhausted()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Payload = ByteString.CopyFrom(new byte[2048]) });
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task DefaultMaxReceiveMessageSize_Is4MiB()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) });
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task RequestLargerThanMaxSendMessageSize_FailsWithResourceExhausted()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = 100 });
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetEchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[500]) }).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static async Task<(string? Encoding, byte Flag, EchoRequest Message)> CaptureRequestAsync(Func<EchoService.EchoServiceClient, Task> call, GrpcChannelOptions? options = null)
    {
        (string? Encoding, byte Flag, EchoRequest Message) captured = default;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            var encoding = context.Request.Headers["grpc-encoding"].ToString();
            var frame = (await GrpcWire.ReadFrameAsync(context.Request))!.Value;
            var payload = frame.Flag == 1 ? GrpcWire.Gunzip(frame.Payload) : frame.Payload;
            captured = (encoding.Length == 0 ? null : encoding, frame.Flag, EchoRequest.Parser.ParseFrom(payload));
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply());
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address, options ?? new GrpcChannelOptions());
        await call(new EchoService.EchoServiceClient(channel)).OrHang();
        return captured;
    }

    [Fact]
    public async Task RequestCompression_FromInternalEncodingRequestHeader_SendsGzipFrame()
    {
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var captured = await CaptureRequestAsync(client => client.GetEchoAsync(new EchoRequest { Text = "nén" }, headers).ResponseAsync);

        Assert.Equal("gzip", captured.Encoding);
        Assert.Equal(1, captured.Flag);
        Assert.Equal("nén", captured.Message.Text);
    }

    [Fact]
    public async Task RequestCompression_ChannelOption_SendsGzipFrame()
    {
        var captured = await CaptureRequestAsync(
            client => client.GetEchoAsync(new EchoRequest { Text = "channel" }).ResponseAsync,
            new GrpcChannelOptions { RequestCompression = "gzip" });

        Assert.Equal("gzip", captured.Encoding);
        Assert.Equal(1, captured.Flag);
        Assert.Equal("channel", captured.Message.Text);
    }

    [Fact]
    public async Task NoCompressWriteFlag_SendsUncompressedFrame()
    {
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var captured = await CaptureRequestAsync(client =>
            client.GetEchoAsync(new EchoRequest { Text = "plain" }, new CallOptions(headers, writeOptions: new WriteOptions(WriteFlags.NoCompress))).ResponseAsync);

        Assert.Equal(0, captured.Flag);
        Assert.Equal("plain", captured.Message.Text);
    }

    [Fact]
    public async Task CompressedResponse_IsDecompressed()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            context.Response.Headers["grpc-encoding"] = "gzip";
            var payload = GrpcWire.Gzip(new EchoReply { Text = "giải nén" }.ToByteArray());
            await context.Response.Body.WriteAsync(GrpcWire.Frame(payload, compressedFlag: 1));
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var reply = await client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        Assert.Equal("giải nén", reply.Text);
    }

    [Fact]
    public async Task CompressedResponseWithUnsupportedEncoding_FailsWithUnimplemented()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            context.Response.Headers["grpc-encoding"] = "snappy";
            await context.Response.Body.WriteAsync(GrpcWire.Frame([1, 2, 3], compressedFlag: 1));
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
