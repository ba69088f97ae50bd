using Grpc.Core;
using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace Khcn.Dashboard.Otlp;

/// <summary>The OTLP/gRPC collector's logs service: each export goes into the store.</summary>
internal sealed class OtlpGrpcLogsReceiver(TelemetryStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
