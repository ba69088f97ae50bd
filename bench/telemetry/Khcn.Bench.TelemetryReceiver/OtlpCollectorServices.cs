using Grpc.Core;
using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Bench.TelemetryReceiver;

/// <summary>The OTLP/gRPC collector's trace service: counted, then stored as the dashboard stores it.</summary>
public sealed class CountingTraceService(ReceivedCounts counts, TelemetryStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        counts.Add(request);
        store.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

/// <inheritdoc cref="CountingTraceService"/>
public sealed class CountingMetricsService(ReceivedCounts counts, TelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        counts.Add(request);
        store.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}

/// <inheritdoc cref="CountingTraceService"/>
public sealed class CountingLogsService(ReceivedCounts counts, TelemetryStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        counts.AddLogExport();
        store.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
