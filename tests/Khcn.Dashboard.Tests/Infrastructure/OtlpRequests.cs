using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Dashboard.Tests.Infrastructure;

/// <summary>Hand-built OTLP export requests for store-level tests, with ids from small numbers.</summary>
public static class OtlpRequests
{
    public static readonly DateTimeOffset Epoch = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ByteString TraceId(int n) => ByteString.CopyFrom([.. new byte[12], .. BitConverter.GetBytes(n).Reverse()]);

    public static ByteString SpanId(int n) => ByteString.CopyFrom([.. new byte[4], .. BitConverter.GetBytes(n).Reverse()]);

    public static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    public static ulong Nanos(double millisecondsAfterEpoch) =>
        // Whole epoch nanoseconds plus the offset: a double cannot hold nanoseconds since 1970 exactly.
        (ulong)Epoch.ToUnixTimeMilliseconds() * 1_000_000 + (ulong)Math.Round(millisecondsAfterEpoch * 1_000_000);

    public static Span Span(int traceId, int spanId, int? parentId, string name, double startMs, double endMs) => new()
    {
        TraceId = TraceId(traceId),
        SpanId = SpanId(spanId),
        ParentSpanId = parentId is { } parent ? SpanId(parent) : ByteString.Empty,
        Name = name,
        StartTimeUnixNano = Nanos(startMs),
        EndTimeUnixNano = Nanos(endMs),
        Kind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Internal,
    };

    public static ExportTraceServiceRequest Traces(string service, params Span[] spans) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = ServiceResource(service),
                ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "Tests" }, Spans = { spans } } },
            },
        },
    };

    public static ExportLogsServiceRequest Logs(string service, params LogRecord[] records) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = ServiceResource(service),
                ScopeLogs = { new ScopeLogs { Scope = new InstrumentationScope { Name = "Tests.Logs" }, LogRecords = { records } } },
            },
        },
    };

    public static LogRecord Log(string message, SeverityNumber severity = SeverityNumber.Info) => new()
    {
        TimeUnixNano = Nanos(0),
        SeverityNumber = severity,
        Body = new AnyValue { StringValue = message },
    };

    public static ExportMetricsServiceRequest Metrics(string service, params Metric[] metrics) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = ServiceResource(service),
                ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = "Tests.Meter" }, Metrics = { metrics } } },
            },
        },
    };

    public static Metric Gauge(string name, double value, double timeMs, params (string Key, string Value)[] attributes)
    {
        var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = Nanos(timeMs) };
        point.Attributes.AddRange(attributes.Select(attribute => StringAttribute(attribute.Key, attribute.Value)));
        return new Metric { Name = name, Unit = "ms", Gauge = new Gauge { DataPoints = { point } } };
    }

    public static KeyValue StringAttribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static Resource ServiceResource(string service) => new() { Attributes = { StringAttribute("service.name", service) } };
}
