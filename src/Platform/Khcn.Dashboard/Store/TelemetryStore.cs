using Khcn.Dashboard.Api;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Dashboard.Store;

/// <summary>
/// What the services sent over OTLP, in memory and bounded by <see cref="StoreLimits"/>: traces (spans merged per
/// trace id across batches and services), structured logs (a ring buffer) and metric series. Thread-safe: the
/// receivers add while the API reads.
/// </summary>
public sealed class TelemetryStore(StoreLimits limits)
{
    private readonly TraceTable _traces = new(limits);
    private readonly LogBuffer _logs = new(limits.MaxLogs);
    private readonly MetricTable _metrics = new(limits);
    private readonly Lock _servicesLock = new();
    private readonly SortedSet<string> _services = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Grows with every export added: a cheap "anything new?" check.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Add(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = SeenService(OtlpValues.ServiceName(resourceSpans.Resource));
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    _traces.Add(OtlpValues.Hex(span.TraceId), SpanMapping.ToStored(span, service, scope));
                }
            }
        }
        Interlocked.Increment(ref _version);
    }

    public void Add(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = SeenService(OtlpValues.ServiceName(resourceLogs.Resource));
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? "";
                foreach (var record in scopeLogs.LogRecords)
                {
                    _logs.Add(sequence => LogMapping.ToStored(sequence, record, service, scope));
                }
            }
        }
        Interlocked.Increment(ref _version);
    }

    public void Add(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = SeenService(OtlpValues.ServiceName(resourceMetrics.Resource));
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = scopeMetrics.Scope?.Name ?? "";
                foreach (var metric in scopeMetrics.Metrics)
                {
                    if (MetricMapping.Type(metric) is not { } type)
                    {
                        continue;
                    }
                    _metrics.Update(service, metric.Name, aggregate =>
                    {
                        aggregate.Describe(scope, metric.Description, metric.Unit, type);
                        foreach (var (attributes, point) in MetricMapping.Points(metric))
                        {
                            aggregate.Add(attributes, point);
                        }
                    });
                }
            }
        }
        Interlocked.Increment(ref _version);
    }

    /// <summary>The service names seen in any telemetry, sorted.</summary>
    public IReadOnlyList<string> Services()
    {
        lock (_servicesLock)
        {
            return [.. _services];
        }
    }

    /// <summary>Newest first by trace start.</summary>
    /// <param name="service">Traces with at least one span of this service.</param>
    /// <param name="search">Traces with a span whose name contains this text, case-insensitive.</param>
    public IReadOnlyList<TraceSummary> Traces(string? service = null, string? search = null, int limit = 100) =>
        _traces.Summaries(service, search, limit);

    /// <summary>The trace with every span received so far, or null when there is none with this id.</summary>
    public TraceDetail? Trace(string traceId) => _traces.Detail(traceId);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<LogView> Logs(LogFilter filter) => _logs.Query(filter);

    /// <summary>Ordered by service, then name.</summary>
    public IReadOnlyList<MetricInstrument> Instruments(string? service = null) => _metrics.Instruments(service);

    /// <summary>The instrument's series, or null when the service sent no such instrument.</summary>
    public MetricSeriesSet? Series(string service, string name) => _metrics.SeriesSet(service, name);

    private string SeenService(string service)
    {
        lock (_servicesLock)
        {
            _services.Add(service);
        }
        return service;
    }
}
