using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Khcn.Grpc.AspNetCore.Server.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

public sealed class OptionsTests
{
    [Fact]
    public async Task UnhandledException_WithEnableDetailedErrors_IncludesExceptionMessage()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.EnableDetailedErrors = true);
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ThrowInvalidOperation, Text = "x" }));

        Assert.Equal(2, response.GrpcStatus);
        Assert.Contains("InvalidOperationException", response.GrpcMessage);
        Assert.Contains("secret internal detail x", response.GrpcMessage);
    }

    [Fact]
    public async Task ResponseCompressionAlgorithm_CompressesWhenClientAcceptsGzip()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.ResponseCompressionAlgorithm = "gzip");
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync(
            "ServerStream",
            GrpcFrames.Frame(new EchoRequest { Text = "nén", Count = 2 }),
            request => request.Headers.Add("grpc-accept-encoding", "identity,gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("gzip", Assert.Single(response.Headers.GetValues("grpc-encoding")));
        Assert.All(response.Messages, message => Assert.Equal(1, message.Flag));
        Assert.Equal(["nén", "nén"], response.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ResponseCompressionAlgorithm_NotUsedWhenClientDoesNotAcceptIt()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.ResponseCompressionAlgorithm = "gzip");
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "plain" }));

        Assert.False(response.Headers.Contains("grpc-encoding"));
        Assert.Equal(0, Assert.Single(response.Messages).Flag);
    }

    [Fact]
    public async Task WriteOptionsNoCompress_SendsMessagesUncompressed()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.ResponseCompressionAlgorithm = "gzip");
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync(
            "ServerStream",
            GrpcFrames.Frame(new EchoRequest { Text = "raw", Count = 2, Action = EchoRequest.Types.Action.NoCompress }),
            request => request.Headers.Add("grpc-accept-encoding", "gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.All(response.Messages, message => Assert.Equal(0, message.Flag));
        Assert.Equal(["raw", "raw"], response.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task MaxReceiveMessageSize_PerServiceOverride_ReturnsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(configureBuilder: builder =>
            builder.Services.AddGrpc().AddServiceOptions<ProtocolTestService>(options => options.MaxReceiveMessageSize = 16));
        using var client = new RawGrpcClient(server.Address);

        var small = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "ok" }));
        var large = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = new string('x', 64) }));

        Assert.Equal(0, small.GrpcStatus);
        Assert.Equal(8, large.GrpcStatus);
    }

    [Fact]
    public async Task MaxSendMessageSize_Configured_ReturnsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.MaxSendMessageSize = 100);
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.LargeResponse, Count = 200 }));

        Assert.Equal(8, response.GrpcStatus);
    }

    [Fact]
    public async Task IgnoreUnknownServices_LeavesUnknownServicesToOtherEndpoints()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.IgnoreUnknownServices = true);
        using var client = new RawGrpcClient(server.Address);

        var unknownService = await client.CallAsync("/khcn.testing.DoesNotExist/Method", GrpcFrames.Frame(new EchoRequest()));
        var unknownMethod = await client.CallAsync("DoesNotExist", GrpcFrames.Frame(new EchoRequest()));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownService.HttpStatus);
        Assert.Equal(12, unknownMethod.GrpcStatus);
    }

    [Fact]
    public async Task Interceptors_RegisteredInDependencyInjection_AreResolvedFromIt()
    {
        await using var server = await GrpcTestServer.StartAsync(
            options => options.Interceptors.Add<CountingInterceptor>(),
            builder => builder.Services.AddSingleton<CountingInterceptor>());
        using var client = new RawGrpcClient(server.Address);

        await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest()));
        await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest()));

        Assert.Equal(2, server.Services.GetRequiredService<CountingInterceptor>().Calls);
    }
}
