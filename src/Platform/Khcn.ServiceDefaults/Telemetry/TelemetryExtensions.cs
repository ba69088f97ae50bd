using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Microsoft.Extensions.Hosting;

/// <summary>Traces, metrics and logs over OTLP, when an endpoint is configured (the AppHost sets one per service).</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Without an OTLP endpoint telemetry is off: no provider, no exporter, one debug line. With one, each signal
    /// that has an endpoint is exported by the official OTLP exporter, with the protocol of
    /// OTEL_EXPORTER_OTLP_PROTOCOL (grpc or http/protobuf). With traces, hosting's request span is named and described
    /// by the HTTP server span conventions, and health checks and health probes leave no spans.
    /// </summary>
    public static TBuilder AddTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var signals = OtlpSignals.From(builder.Configuration);
        if (!signals.Any)
        {
            builder.Services.AddHostedService<TelemetryOffNotice>();
            return builder;
        }

        var identity = TelemetryIdentity.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(signals);
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton<TelemetryLifetime>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TelemetryLifetime>());

        if (signals.Traces)
        {
            // First of the startup filters, so requests an earlier filter answers itself (the health port's 404)
            // are described too.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, HttpServerSpanStartupFilter>());
            builder.Services.UntraceHealthChecks();
        }

        // Console and other providers' scopes carry the ids too, so their lines can be matched to traces.
        builder.Logging.Configure(options => options.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (signals.Logs)
        {
            // The OpenTelemetry logger stamps every record with the trace and span id of Activity.Current.
            builder.Logging.AddOpenTelemetry(options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
                options.ParseStateValues = true;
            });
            // This provider lives in the host's container, so the exporter reads the host's IConfiguration already.
            builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs
                .ConfigureResource(identity.Describe)
                .AddOtlpExporter());
        }

        return builder;
    }
}
