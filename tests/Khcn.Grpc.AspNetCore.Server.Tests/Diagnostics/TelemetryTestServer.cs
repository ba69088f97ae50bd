using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Diagnostics;

/// <summary>A real Kestrel server (127.0.0.1, OS-assigned port) hosting <see cref="TelemetryProbeService"/>, with a raw client.</summary>
public sealed class TelemetryTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryTestServer(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
        Client = new RawGrpcClient(Address);
    }

    public Uri Address { get; }

    public RawGrpcClient Client { get; }

    public AmbientActivityLog AmbientActivities => _app.Services.GetRequiredService<AmbientActivityLog>();

    /// <summary>
    /// Starts the server without logging providers, so ASP.NET Core makes no request Activity of its own unless a test
    /// listens to "Microsoft.AspNetCore".
    /// </summary>
    public static async Task<TelemetryTestServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<AmbientActivityLog>();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TelemetryProbeService>();
        await app.StartAsync();
        return new TelemetryTestServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
