using Grpc.Core;
using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace Khcn.Dashboard.Otlp;

/// <summary>The OTLP/gRPC collector's metrics service: each export goes into the store.</summary>
internal sealed class OtlpGrpcMetricsReceiver(TelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
