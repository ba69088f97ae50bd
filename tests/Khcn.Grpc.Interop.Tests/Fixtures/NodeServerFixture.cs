using System.IO.Compression;
using Grpc.Net.Client;
using Grpc.Net.Compression;
using Khcn.Grpc.Interop.Testing;
using Khcn.Grpc.Interop.Tests.Cases;
using Khcn.Grpc.Interop.Tests.Wire;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>The grpc-js server and our GrpcChannel to it, shared by the Node-direction tests.</summary>
public sealed class NodeServerFixture : IAsyncLifetime
{
    private readonly NodeInteropServer _server = new();
    private GrpcChannel? _channel;

    public OurClientInteropCases Cases { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();

        var recorder = new ResponseFrameRecordingHandler(new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
        _channel = GrpcChannel.ForAddress(_server.Address, new GrpcChannelOptions
        {
            HttpHandler = recorder,
            CompressionProviders = [new GzipCompressionProvider(CompressionLevel.Fastest)],
            MaxReceiveMessageSize = null,
        });
        Cases = new OurClientInteropCases(
            new TestService.TestServiceClient(_channel),
            new UnimplementedService.UnimplementedServiceClient(_channel),
            recorder);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        await _server.DisposeAsync();
    }
}
