using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Khcn.Dashboard.Tests.Infrastructure;

/// <summary>
/// The official OpenTelemetry SDK and OTLP exporter aimed at a dashboard, one provider per service name. Exports are
/// synchronous (Simple processors, ForceFlush for metrics): once a span ends or a log is written, the dashboard has it.
/// </summary>
public static class OtlpPeer
{
    public static TracerProvider Tracer(DashboardHost dashboard, OtlpExportProtocol protocol, string serviceName, params string[] sources) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource(serviceName))
            .AddSource(sources)
            .AddOtlpExporter(exporter =>
            {
                Aim(exporter, dashboard, protocol, "v1/traces");
                exporter.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build()!;

    /// <param name="configure">Views or other meter settings.</param>
    public static MeterProvider Meter(DashboardHost dashboard, OtlpExportProtocol protocol, string serviceName, string meterName,
        Func<MeterProviderBuilder, MeterProviderBuilder>? configure = null) =>
        (configure ?? (builder => builder))(Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource(serviceName))
            .AddMeter(meterName))
            .AddOtlpExporter((exporter, reader) =>
            {
                Aim(exporter, dashboard, protocol, "v1/metrics");
                // Only the tests' ForceFlush exports.
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)TimeSpan.FromHours(1).TotalMilliseconds;
            })
            .Build()!;

    public static ILoggerFactory Logger(DashboardHost dashboard, OtlpExportProtocol protocol, string serviceName) =>
        LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(Resource(serviceName));
            options.IncludeFormattedMessage = true;
            options.AddOtlpExporter((exporter, processor) =>
            {
                Aim(exporter, dashboard, protocol, "v1/logs");
                processor.ExportProcessorType = ExportProcessorType.Simple;
            });
        }));

    // OTLP/HTTP takes the signal's full URL; OTLP/gRPC the bare endpoint.
    private static void Aim(OtlpExporterOptions exporter, DashboardHost dashboard, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.Grpc ? dashboard.OtlpGrpcEndpoint : new Uri(dashboard.OtlpHttpEndpoint, signalPath);
    }

    private static ResourceBuilder Resource(string serviceName) => ResourceBuilder.CreateEmpty().AddService(serviceName);
}
