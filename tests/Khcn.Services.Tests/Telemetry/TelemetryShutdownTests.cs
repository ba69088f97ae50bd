using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>Stopping a service exports what it still holds: the spans of its last requests are not lost on SIGTERM.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryShutdownTests
{
    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task Stop_FlushesTheSpansOfTheLastCall(string protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync(protocol);
        // A batch delay far beyond the test: only the flush on stop can deliver the span.
        var service = await TelemetryRun.StartProvincesAsync(receiver, protocol, "provinces-shutdown", Guid.NewGuid().ToString(), "--OTEL_BSP_SCHEDULE_DELAY=600000");
        var traceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);

        await service.DisposeAsync();

        Assert.Contains(receiver.Received.Spans, s => s.Item.Kind == Span.Types.SpanKind.Server && TelemetryRun.HasTraceId(s.Item.TraceId, traceId));
    }
}
