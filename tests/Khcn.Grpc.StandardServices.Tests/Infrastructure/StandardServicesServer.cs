using System.Net;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an OS-assigned port, speaking cleartext HTTP/2 (h2c),
/// hosting whatever gRPC services a test maps.
/// </summary>
public static class StandardServicesServer
{
    public static Task<LoopbackApp> StartAsync(
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
        return LoopbackApp.StartAsync(app);
    }
}
