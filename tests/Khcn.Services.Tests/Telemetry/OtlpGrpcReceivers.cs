using Grpc.Core;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>The OTLP/gRPC collector services, on our gRPC server, storing what they are sent.</summary>
public sealed class OtlpTraceReceiver(ReceivedTelemetry received) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

/// <inheritdoc cref="OtlpTraceReceiver"/>
public sealed class OtlpMetricsReceiver(ReceivedTelemetry received) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}

/// <inheritdoc cref="OtlpTraceReceiver"/>
public sealed class OtlpLogsReceiver(ReceivedTelemetry received) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
