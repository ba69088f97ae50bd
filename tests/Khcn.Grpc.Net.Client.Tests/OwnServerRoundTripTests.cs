using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.Net.Client.Tests;

/// <summary>All four call kinds against our own server (Khcn.Grpc.AspNetCore.Server) on Kestrel.</summary>
public sealed class OwnServerRoundTripTests : IAsyncLifetime
{
    private WebApplication? _app;
    private GrpcChannel? _channel;

    private EchoService.EchoServiceClient Client => new(_channel!);

    public sealed class EchoServiceImpl : EchoService.EchoServiceBase
    {
        public override Task<EchoReply> GetEcho(EchoRequest request, ServerCallContext context) =>
            request.Text == "fail"
                ? throw new RpcException(new Status(StatusCode.FailedPrecondition, "không được"))
                : Task.FromResult(new EchoReply { Text = request.Text, Payload = request.Payload });

        public override async Task ListEchoes(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
        {
            for (var i = 0; i < request.Count; i++)
            {
                await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = i });
            }
        }

        public override async Task<EchoReply> CreateEchoes(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
        {
            var texts = new List<string>();
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                texts.Add(requestStream.Current.Text);
            }

            return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
        }

        public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                await responseStream.WriteAsync(new EchoReply { Text = "echo:" + requestStream.Current.Text });
            }
        }
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        _app = builder.Build();
        _app.MapGrpcService<EchoServiceImpl>();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _channel = GrpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task OwnServer_UnaryCall_RoundTrips()
    {
        var reply = await Client.GetEchoAsync(new EchoRequest { Text = "Đà Nẵng" }).ResponseAsync.OrHang();

        Assert.Equal("Đà Nẵng", reply.Text);
    }

    [Fact]
    public async Task OwnServer_ErrorStatus_ReachesTheClient()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetEchoAsync(new EchoRequest { Text = "fail" }).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("không được", error.Status.Detail);
    }

    [Fact]
    public async Task OwnServer_ServerStreaming_RoundTrips()
    {
        using var call = Client.ListEchoes(new EchoRequest { Text = "x", Count = 3 });
        var indexes = new List<int>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).OrHang())
        {
            indexes.Add(call.ResponseStream.Current.Index);
        }

        Assert.Equal([0, 1, 2], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task OwnServer_ClientStreaming_RoundTrips()
    {
        using var call = Client.CreateEchoes();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "a" }).OrHang();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "b" }).OrHang();
        await call.RequestStream.CompleteAsync();

        var reply = await call.ResponseAsync.OrHang();

        Assert.Equal("a,b", reply.Text);
        Assert.Equal(2, reply.Index);
    }

    [Fact]
    public async Task OwnServer_DuplexStreaming_RoundTrips()
    {
        using var call = Client.Chat();
        foreach (var text in new[] { "một", "hai" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text }).OrHang();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
            Assert.Equal("echo:" + text, call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task OwnServer_CompressedRequestAndResponse_RoundTrip()
    {
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };
        var payload = Google.Protobuf.ByteString.CopyFrom(new byte[64 * 1024]);

        var reply = await Client.GetEchoAsync(new EchoRequest { Text = "gzip", Payload = payload }, headers).ResponseAsync.OrHang();

        Assert.Equal(payload, reply.Payload);
    }
}
