using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.Net.Client.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0, HTTP/2 prior knowledge) whose single handler writes gRPC frames,
/// headers and trailers by hand, so tests can produce exact wire behaviours.
/// </summary>
public sealed class RawGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RawGrpcServer> StartAsync(
        RequestDelegate handler,
        Action<KestrelServerOptions>? configureKestrel = null,
        Action<ListenOptions>? configureListen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                configureListen?.Invoke(listen);
            });
            configureKestrel?.Invoke(kestrel);
        });

        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawGrpcServer(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
