using System.Collections.Concurrent;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>Everything an <see cref="OtlpReceiver"/> was sent, flattened to items with the resource of their batch.</summary>
public sealed class ReceivedTelemetry
{
    private readonly ConcurrentQueue<Received<Span>> _spans = new();
    private readonly ConcurrentQueue<Received<LogRecord>> _logRecords = new();
    private readonly ConcurrentQueue<Received<Metric>> _metrics = new();

    public IReadOnlyCollection<Received<Span>> Spans => [.. _spans];

    public IReadOnlyCollection<Received<LogRecord>> LogRecords => [.. _logRecords];

    public IReadOnlyCollection<Received<Metric>> Metrics => [.. _metrics];

    public void Add(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    _spans.Enqueue(new Received<Span>(resourceSpans.Resource, scope.Scope, span));
                }
            }
        }
    }

    public void Add(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    _logRecords.Enqueue(new Received<LogRecord>(resourceLogs.Resource, scope.Scope, record));
                }
            }
        }
    }

    public void Add(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            foreach (var scope in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    _metrics.Enqueue(new Received<Metric>(resourceMetrics.Resource, scope.Scope, metric));
                }
            }
        }
    }
}

/// <summary>One span, log record or metric, with the resource and instrumentation scope it was sent under.</summary>
public sealed record Received<T>(Resource? Resource, InstrumentationScope? Scope, T Item)
{
    /// <summary>A string attribute of the resource, or null.</summary>
    public string? ResourceAttribute(string key) =>
        Resource?.Attributes.FirstOrDefault(attribute => attribute.Key == key)?.Value?.StringValue;
}
