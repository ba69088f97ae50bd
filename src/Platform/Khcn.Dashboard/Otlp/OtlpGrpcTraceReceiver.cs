using Grpc.Core;
using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Dashboard.Otlp;

/// <summary>The OTLP/gRPC collector's trace service: each export goes into the store.</summary>
internal sealed class OtlpGrpcTraceReceiver(TelemetryStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}
