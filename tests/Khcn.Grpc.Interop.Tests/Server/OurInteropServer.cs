using System.Net;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.IO.Compression;

namespace Khcn.Grpc.Interop.Tests.Server;

/// <summary>Our gRPC server on Kestrel (plaintext HTTP/2, 127.0.0.1, OS-chosen port) hosting the interop TestService.</summary>
public sealed class OurInteropServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>"127.0.0.1:port", the form gRPC peers take as a target.</summary>
    public string Target { get; private set; } = "";

    /// <summary>Compressed flags of the responses our server wrote, for calls the client tagged.</summary>
    public ResponseMessageFlags ResponseFlags { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            // Compression is available for every call; the service turns it off per message
            // unless a request asks for a compressed response.
            options.ResponseCompressionAlgorithm = "gzip";
            options.CompressionProviders = [new GzipCompressionProvider(CompressionLevel.Fastest)];
        });

        var app = builder.Build();
        RequestMessageFlags.UseRequestMessageFlags(app);
        ResponseFlags.Use(app);
        app.MapGrpcService<InteropTestService>();
        await app.StartAsync();
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Target = $"127.0.0.1:{new Uri(address).Port}";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
