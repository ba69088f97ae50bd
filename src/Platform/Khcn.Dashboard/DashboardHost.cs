using System.Diagnostics;
using System.Net;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Otlp;
using Khcn.Dashboard.Resources;
using Khcn.Dashboard.Store;
using Khcn.Dashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Dashboard;

/// <summary>
/// The running dashboard: a Kestrel server with the page, the JSON API and OTLP/HTTP on <see cref="BrowserUrl"/>,
/// and OTLP/gRPC on <see cref="OtlpGrpcEndpoint"/>. Dispose to stop it.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    // Named so that no tracer subscribes to them by accident (see StartAsync).
    private const string UnobservedDiagnosticsName = "Khcn.Dashboard.Unobserved";

    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, TelemetryStore store, Uri browserUrl, Uri otlpGrpcEndpoint)
    {
        _app = app;
        Store = store;
        BrowserUrl = browserUrl;
        OtlpGrpcEndpoint = otlpGrpcEndpoint;
    }

    /// <summary>The page, e.g. http://127.0.0.1:18888/.</summary>
    public Uri BrowserUrl { get; }

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT with OTEL_EXPORTER_OTLP_PROTOCOL=grpc.</summary>
    public Uri OtlpGrpcEndpoint { get; }

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf.</summary>
    public Uri OtlpHttpEndpoint => BrowserUrl;

    public TelemetryStore Store { get; }

    /// <summary>
    /// Starts the dashboard. A fixed port that is taken fails with Kestrel's <see cref="IOException"/>: the caller
    /// decides whether to fall back to another port.
    /// </summary>
    public static async Task<DashboardHost> StartAsync(DashboardOptions options, IResourceCatalog resources,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resources);
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host must be an IP address (got '{options.Host}'): port 0 needs one socket per listener.", nameof(options));
        }

        var store = new TelemetryStore(options.Limits);
        ListenOptions browserListener = null!;
        ListenOptions grpcListener = null!;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.BrowserPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                browserListener = listen;
            });
            kestrel.Listen(address, options.OtlpGrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                grpcListener = listen;
            });
        });

        // The AppHost (or a test) may trace in this process, listening to "Microsoft.AspNetCore" by name: the
        // dashboard's own requests, the exports above all, would be traced and exported to the dashboard again, a loop
        // of noise. Hosting takes its ActivitySource and DiagnosticListener from the container, so the dashboard gets
        // ones nobody listens to.
        builder.Services.AddSingleton(new ActivitySource(UnobservedDiagnosticsName));
        builder.Services.AddSingleton(new DiagnosticListener(UnobservedDiagnosticsName));

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(resources);
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.MapDashboardApi();
        app.MapOtlpHttp();
        app.MapGrpcService<OtlpGrpcTraceReceiver>();
        app.MapGrpcService<OtlpGrpcMetricsReceiver>();
        app.MapGrpcService<OtlpGrpcLogsReceiver>();
        // Last: the page may claim every remaining GET path.
        app.MapDashboardPage();

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Kestrel writes the bound endpoint back into each ListenOptions: with port 0, that is the port it took.
        return new DashboardHost(
            app, store, new Uri($"http://{Authority(browserListener)}/"), new Uri($"http://{Authority(grpcListener)}"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }
        await _app.DisposeAsync();
    }

    private static string Authority(ListenOptions listener) =>
        listener.IPEndPoint is { Port: > 0 } endPoint
            ? endPoint.ToString()
            : throw new InvalidOperationException($"Kestrel did not report the port it bound for {listener}.");
}
