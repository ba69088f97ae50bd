using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Builds the tracer and meter providers on the SDK's own builders (OpenTelemetry.Extensions.Hosting does not
/// restore here). Each builder has its own service collection whose IConfiguration is environment variables only;
/// the host's configuration replaces it, so the OTLP exporter's standard OTEL_* settings (endpoint, protocol,
/// headers, timeout) and the resource detector also come from appsettings and the command line.
/// </summary>
public static class TelemetryProviders
{
    /// <summary>The metric export interval without OTEL_METRIC_EXPORT_INTERVAL: short, so a dashboard follows a run.</summary>
    public const int DefaultMetricExportIntervalMilliseconds = 5000;

    public static TracerProvider BuildTracing(TelemetryIdentity identity, IConfiguration configuration) =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(services => services.AddSingleton(configuration))
            .ConfigureResource(identity.Describe)
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddSource([.. TelemetrySources.ActivitySources])
            .AddOtlpExporter()
            .Build();

    public static MeterProvider BuildMetrics(TelemetryIdentity identity, IConfiguration configuration)
    {
        var interval = MetricExportInterval(configuration);
        return Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(services => services.AddSingleton(configuration))
            .ConfigureResource(identity.Describe)
            .AddMeter([.. TelemetrySources.Meters])
            .AddOtlpExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval)
            .Build();
    }

    /// <summary>OTEL_METRIC_EXPORT_INTERVAL (milliseconds) when it is a positive integer, the short default otherwise.</summary>
    public static int MetricExportInterval(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return int.TryParse(configuration["OTEL_METRIC_EXPORT_INTERVAL"], out var milliseconds) && milliseconds > 0
            ? milliseconds
            : DefaultMetricExportIntervalMilliseconds;
    }
}
