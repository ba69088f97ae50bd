using System.Diagnostics;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint, a real service exports traces, logs and metrics through the official OTLP exporter, over
/// both protocols, to a receiver that decodes them with our compiled OTLP contracts.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryExportTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    // Short batch and export intervals: the assertions wait for the first export of each signal.
    private static readonly string[] FastExport = ["--OTEL_BSP_SCHEDULE_DELAY=200", "--OTEL_BLRP_SCHEDULE_DELAY=200", "--OTEL_METRIC_EXPORT_INTERVAL=500"];

    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task Call_WithEndpoint_ExportsItsServerSpanUnderTheServiceResource(string protocol)
    {
        var (serviceName, instanceId) = NewIdentity();
        await using var receiver = await OtlpReceiver.StartAsync(protocol);
        await using var service = await TelemetryRun.StartProvincesAsync(receiver, protocol, serviceName, instanceId, FastExport);

        var traceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);

        await Eventually.TrueAsync(() => GrpcServerSpans(receiver, traceId).Any(), "the call's gRPC server span arrives", ArrivalTimeout);
        var span = GrpcServerSpans(receiver, traceId).First();
        Assert.Equal("khcn.provinces.v1.ProvincesService/GetProvince", span.Item.Name);
        Assert.Equal(serviceName, span.ResourceAttribute("service.name"));
        Assert.Equal(instanceId, span.ResourceAttribute("service.instance.id"));
        Assert.Equal("telemetry-tests", span.ResourceAttribute(TelemetryRun.EnvironmentAttribute));
        Assert.NotNull(service.Services.GetRequiredService<TelemetryLifetime>().TracerProvider);
    }

    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task LogWrittenInACall_CarriesTheCallsTraceId(string protocol)
    {
        var (serviceName, instanceId) = NewIdentity();
        await using var receiver = await OtlpReceiver.StartAsync(protocol);
        await using var service = await TelemetryRun.StartProvincesAsync(receiver, protocol, serviceName, instanceId, FastExport);

        var traceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);

        await Eventually.TrueAsync(() => CallLogs(receiver, traceId).Any(), "a log record of the call arrives", ArrivalTimeout);
        var record = CallLogs(receiver, traceId).First();
        Assert.Equal(8, record.Item.SpanId.Length);
        Assert.Equal(serviceName, record.ResourceAttribute("service.name"));
        Assert.Equal(instanceId, record.ResourceAttribute("service.instance.id"));
    }

    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task Call_WithEndpoint_ExportsItsRequestDuration(string protocol)
    {
        var (serviceName, instanceId) = NewIdentity();
        await using var receiver = await OtlpReceiver.StartAsync(protocol);
        await using var service = await TelemetryRun.StartProvincesAsync(receiver, protocol, serviceName, instanceId, FastExport);

        await TelemetryRun.GetProvinceTracedAsync(service.Address);

        await Eventually.TrueAsync(() => CallDurations(receiver, instanceId).Any(), "a request duration of the call arrives", ArrivalTimeout);
        Assert.Equal(serviceName, CallDurations(receiver, instanceId).First().ResourceAttribute("service.name"));
    }

    private static (string ServiceName, string InstanceId) NewIdentity() =>
        ($"provinces-telemetry-{Guid.NewGuid():N}", Guid.NewGuid().ToString());

    // The span of our gRPC runtime (ActivitySource "Grpc.AspNetCore.Server"), a child of ASP.NET Core's request span.
    private static IEnumerable<Received<Span>> GrpcServerSpans(OtlpReceiver receiver, ActivityTraceId traceId) =>
        receiver.Received.Spans.Where(s => s.Scope?.Name == "Grpc.AspNetCore.Server"
            && s.Item.Kind == Span.Types.SpanKind.Server && TelemetryRun.HasTraceId(s.Item.TraceId, traceId));

    private static IEnumerable<Received<OpenTelemetry.Proto.Logs.V1.LogRecord>> CallLogs(OtlpReceiver receiver, ActivityTraceId traceId) =>
        receiver.Received.LogRecords.Where(r => TelemetryRun.HasTraceId(r.Item.TraceId, traceId));

    // rpc.server.duration from our gRPC runtime, or ASP.NET Core's http.server.request.duration, of the GetProvince
    // route: the receiver's own requests and other tests' services are excluded by method and instance id.
    private static IEnumerable<Received<Metric>> CallDurations(OtlpReceiver receiver, string instanceId) =>
        receiver.Received.Metrics.Where(m =>
            m.Item.Name is "rpc.server.duration" or "http.server.request.duration"
            && m.ResourceAttribute("service.instance.id") == instanceId
            && m.Item.Histogram?.DataPoints.Any(p => p.Attributes.Any(a => a.Value.StringValue.Contains("GetProvince", StringComparison.Ordinal))) == true);
}
