using System.Net;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// A minimal web app with <see cref="TelemetryExtensions.AddTelemetry{TBuilder}"/> exporting traces to a receiver, for
/// answers no Khcn service gives on purpose (a 5xx, an unhandled exception). HTTP/1.1 and HTTP/2 on 127.0.0.1, port 0.
/// Disposing the returned app stops it, which flushes its tracer: every span it ended has been exported by then.
/// </summary>
public static class TelemetryWebApp
{
    public static Task<LoopbackApp> StartAsync(OtlpReceiver receiver, Action<WebApplication> map) =>
        StartAsync(receiver, _ => { }, map);

    /// <summary><paramref name="configure"/> runs before AddTelemetry, as a service's own registrations do.</summary>
    public static async Task<LoopbackApp> StartAsync(OtlpReceiver receiver, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        // Production: in Development the app would catch exceptions on its own error page before the span saw them.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(
        [
            new("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.ToString()),
            new("OTEL_EXPORTER_OTLP_PROTOCOL", OtlpProtocol.Grpc),
            new("OTEL_METRICS_EXPORTER", "none"),
            new("OTEL_LOGS_EXPORTER", "none"),
            new("OTEL_SERVICE_NAME", "telemetry-web-app"),
        ]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        configure(builder);
        builder.AddTelemetry();

        var app = builder.Build();
        map(app);
        return await LoopbackApp.StartAsync(app);
    }
}
