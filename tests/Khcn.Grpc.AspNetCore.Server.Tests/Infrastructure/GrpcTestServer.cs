using Grpc.AspNetCore.Server;
using Khcn.Grpc.AspNetCore.Server.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with an OS-assigned port, hosting <see cref="ProtocolTestService"/>.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public CallObserver Observer => _app.Services.GetRequiredService<CallObserver>();

    public ActivationTracker Activations => _app.Services.GetRequiredService<ActivationTracker>();

    /// <param name="configureOptions">Extra gRPC options (two tracing interceptors "A" then "B" are always registered).</param>
    /// <param name="configureBuilder">Hook to change hosting, e.g. URLs, Kestrel endpoints or configuration.</param>
    public static async Task<GrpcTestServer> StartAsync(
        Action<GrpcServiceOptions>? configureOptions = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<CallObserver>();
        builder.Services.AddSingleton<ActivationTracker>();
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<TracingInterceptor>("A");
            options.Interceptors.Add<TracingInterceptor>("B");
            configureOptions?.Invoke(options);
        });
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.MapGrpcService<ProtocolTestService>();
        await app.StartAsync();
        return new GrpcTestServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
