using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an OS-assigned port, speaking cleartext HTTP/2 (h2c),
/// hosting whatever gRPC services a test maps.
/// </summary>
public sealed class StandardServicesServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandardServicesServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>host:port, as gRPC peers in other languages expect it.</summary>
    public string Authority => $"{Address.Host}:{Address.Port}";

    public IServiceProvider Services => app.Services;

    public static async Task<StandardServicesServer> StartAsync(
        Action<IServiceCollection> configureServices,
        Action<IEndpointRouteBuilder> mapEndpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        configureServices(builder.Services);

        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StandardServicesServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
