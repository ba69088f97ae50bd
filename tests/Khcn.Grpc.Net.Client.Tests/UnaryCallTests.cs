using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class UnaryCallTests
{
    [Fact]
    public async Task UnaryCall_SendsGrpcRequestHeaders_AndReturnsResponse()
    {
        IHeaderDictionary? seen = null;
        string? path = null, protocol = null, method = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            seen = context.Request.Headers;
            path = context.Request.Path;
            protocol = context.Request.Protocol;
            method = context.Request.Method;
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.GetEchoAsync(new EchoRequest { Text = "Xin chào" });
        var reply = await call.ResponseAsync.OrHang();

        Assert.Equal("Xin chào", reply.Text);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("HTTP/2", protocol);
        Assert.Equal("POST", method);
        Assert.Equal("/khcn.clienttests.v1.EchoService/GetEcho", path);
        Assert.Equal("application/grpc", seen!.ContentType.ToString());
        Assert.Equal("trailers", seen!["te"].ToString());
        Assert.StartsWith("grpc-dotnet-khcn/", seen!.UserAgent.ToString());
        Assert.Contains("gzip", seen!["grpc-accept-encoding"].ToString());
        Assert.False(seen!.ContainsKey("grpc-timeout"));
    }

    [Fact]
    public async Task BlockingUnaryCall_ReturnsResponse()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var reply = await Task.Run(() => client.GetEcho(new EchoRequest { Text = "blocking" })).OrHang();

        Assert.Equal("blocking", reply.Text);
    }

    [Fact]
    public async Task RequestMetadata_IsSentAsHeaders_WithBinaryValuesBase64()
    {
        IHeaderDictionary? seen = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            seen = context.Request.Headers;
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        var headers = new Metadata { { "x-tenant", "hanoi" }, { "x-trace-bin", new byte[] { 1, 2, 3, 250 } } };

        await client.GetEchoAsync(new EchoRequest(), headers).ResponseAsync.OrHang();

        Assert.Equal("hanoi", seen!["x-tenant"].ToString());
        var binary = seen!["x-trace-bin"].ToString();
        Assert.Equal(new byte[] { 1, 2, 3, 250 }, Convert.FromBase64String(binary.PadRight((binary.Length + 3) / 4 * 4, '=')));
    }

    [Fact]
    public async Task ResponseHeadersAndTrailers_AreExposedAsMetadata()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser);
            GrpcWire.StartGrpcResponse(context);
            context.Response.Headers["x-header"] = "h";
            context.Response.Headers["x-header-bin"] = Convert.ToBase64String([9, 8, 7]);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = "ok" });
            context.Response.AppendTrailer("x-trailer", "t");
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.GetEchoAsync(new EchoRequest());
        var headers = await call.ResponseHeadersAsync.OrHang();
        await call.ResponseAsync.OrHang();

        Assert.Equal("h", headers.GetValue("x-header"));
        Assert.Equal(new byte[] { 9, 8, 7 }, headers.GetValueBytes("x-header-bin"));
        Assert.Null(headers.Get("content-type"));
        Assert.Equal("t", call.GetTrailers().GetValue("x-trailer"));
        Assert.Null(call.GetTrailers().Get("grpc-status"));
    }

    [Fact]
    public async Task UnaryResponseWithoutMessage_FailsWithInternal()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser);
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task UnaryTrailersOnlyOk_FailsWithInternal()
    {
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.OK);
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.GetEchoAsync(new EchoRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(StatusCode.Internal, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreamingTrailersOnlyOk_IsAnEmptyStream()
    {
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.OK);
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.ListEchoes(new EchoRequest());

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task LargePayload_RoundTrips()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 1_000_000).Select(i => (byte)i).ToArray());

        var reply = await client.GetEchoAsync(new EchoRequest { Payload = payload }).ResponseAsync.OrHang();

        Assert.Equal(payload, reply.Payload);
    }
}
