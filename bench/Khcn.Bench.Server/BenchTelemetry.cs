using System.Diagnostics;
using Grpc.AspNetCore.Server.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Khcn.Bench.Server;

/// <summary>
/// The OpenTelemetry providers of a <see cref="BenchTelemetryMode"/>. The sources, sampler, batch processor and metric
/// interval are those a service gets from Khcn.ServiceDefaults (TelemetryProviders), so "export" costs what production
/// tracing costs; only the exporter differs between "listen" and "export". Dispose after the server stopped: that
/// flushes what is still queued.
/// </summary>
public sealed class BenchTelemetry : IDisposable
{
    /// <summary>Hosting's source: with it, each call has a request span and the gRPC span as its child.</summary>
    public const string AspNetCoreActivitySourceName = "Microsoft.AspNetCore";

    private const string ServiceName = "khcn-bench-server";

    // The ServiceDefaults' default interval without OTEL_METRIC_EXPORT_INTERVAL.
    private const int MetricExportIntervalMilliseconds = 5000;

    private readonly TracerProvider? _tracing;
    private readonly MeterProvider? _metrics;

    private BenchTelemetry(TracerProvider? tracing, MeterProvider? metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    public static BenchTelemetry Start(BenchTelemetryMode mode, Uri? otlpEndpoint) => mode switch
    {
        BenchTelemetryMode.Off => new BenchTelemetry(null, null),
        BenchTelemetryMode.Listen => new BenchTelemetry(
            Tracing().AddProcessor(DiscardingBatchProcessor()).Build(),
            Metrics().AddReader(new PeriodicExportingMetricReader(new DiscardingExporter<Metric>(), MetricExportIntervalMilliseconds)).Build()),
        BenchTelemetryMode.Export => new BenchTelemetry(
            Tracing().AddOtlpExporter(otlp => UseGrpc(otlp, otlpEndpoint!)).Build(),
            Metrics().AddOtlpExporter((otlp, reader) =>
            {
                UseGrpc(otlp, otlpEndpoint!);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = MetricExportIntervalMilliseconds;
            }).Build()),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public void Dispose()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
    }

    /// <summary>
    /// Sized as AddOtlpExporter sizes its batch processor: the defaults, or the standard OTEL_BSP_* environment
    /// variables, so both modes queue (and drop) alike.
    /// </summary>
    private static BatchActivityExportProcessor DiscardingBatchProcessor()
    {
        var batch = new BatchExportActivityProcessorOptions();
        return new BatchActivityExportProcessor(new DiscardingExporter<Activity>(), batch.MaxQueueSize,
            batch.ScheduledDelayMilliseconds, batch.ExporterTimeoutMilliseconds, batch.MaxExportBatchSize);
    }

    private static TracerProviderBuilder Tracing() =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .SetSampler(new AlwaysOnSampler())
            .AddSource(GrpcServerDiagnostics.ActivitySourceName, AspNetCoreActivitySourceName);

    private static MeterProviderBuilder Metrics() =>
        Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .AddMeter(GrpcServerDiagnostics.MeterName);

    private static void UseGrpc(OtlpExporterOptions otlp, Uri endpoint)
    {
        otlp.Protocol = OtlpExportProtocol.Grpc;
        otlp.Endpoint = endpoint;
    }
}
