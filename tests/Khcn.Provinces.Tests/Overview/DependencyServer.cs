using System.Net;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>
/// A real gRPC server on our runtime (Kestrel, plaintext HTTP/2, 127.0.0.1, OS-chosen port) standing in for the
/// Tasks or IntellectualProperty service, so the overview's fan-out crosses a real socket.
/// </summary>
public static class DependencyServer
{
    /// <summary>Starts a server; <paramref name="register"/> adds state to the container, <paramref name="map"/> maps the services.</summary>
    public static Task<LoopbackApp> StartAsync(Action<IServiceCollection> register, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        register(builder.Services);

        var app = builder.Build();
        map(app);
        return LoopbackApp.StartAsync(app);
    }
}
