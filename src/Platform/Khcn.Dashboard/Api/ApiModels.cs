namespace Khcn.Dashboard.Api;

// The JSON the page reads (camelCase; times as ISO 8601 UTC; durations in milliseconds as numbers; ids as lowercase
// hex). The page (Web/wwwroot/app.js) and the browser tests depend on these shapes: change both together.

/// <summary>GET /api/traces: one row per trace, newest first.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    DateTimeOffset StartTime,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    bool HasError);

/// <summary>GET /api/traces/{traceId}: the trace with every span, ordered by start time.</summary>
public sealed record TraceDetail(
    string TraceId,
    DateTimeOffset StartTime,
    double DurationMs,
    IReadOnlyList<SpanView> Spans);

/// <summary>One span of a trace.</summary>
/// <param name="ParentSpanId">Empty for a root span.</param>
/// <param name="Service">The exporting resource's service.name.</param>
/// <param name="Kind">server, client, internal, producer, consumer or unspecified.</param>
/// <param name="StartOffsetMs">Milliseconds from the trace's first span start: the waterfall's x.</param>
/// <param name="Status">unset, ok or error.</param>
/// <param name="Scope">The instrumentation scope (the ActivitySource name).</param>
public sealed record SpanView(
    string SpanId,
    string ParentSpanId,
    string Name,
    string Service,
    string Kind,
    DateTimeOffset StartTime,
    double StartOffsetMs,
    double DurationMs,
    string Status,
    string StatusMessage,
    string Scope,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventView> Events);

public sealed record SpanEventView(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);

/// <summary>GET /api/logs: one structured log record, newest first.</summary>
/// <param name="Level">Trace, Debug, Information, Warning, Error or Critical (from the OTLP severity number).</param>
/// <param name="Category">The logger category (the instrumentation scope name).</param>
/// <param name="TraceId">Empty when the record was written outside a trace.</param>
public sealed record LogView(
    long Sequence,
    DateTimeOffset Timestamp,
    string Service,
    string Level,
    string Message,
    string Category,
    string TraceId,
    string SpanId,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>GET /api/metrics: one instrument per service.</summary>
/// <param name="Type">sum, gauge or histogram.</param>
public sealed record MetricInstrument(string Service, string Scope, string Name, string Description, string Unit, string Type);

/// <summary>GET /api/metrics/series?service=&amp;name=: the instrument's points, one series per attribute set.</summary>
public sealed record MetricSeriesSet(string Service, string Name, string Unit, string Type, IReadOnlyList<MetricSeries> Series);

public sealed record MetricSeries(IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<MetricPoint> Points);

/// <summary>
/// One point. Sums and gauges have <paramref name="Value"/>; histograms have Count, Sum and percentiles estimated from
/// the bucket bounds (Value is then the mean).
/// </summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value, long? Count, double? Sum, double? P50, double? P90, double? P99);

/// <summary>GET /api/resources/{name}/console?after=N.</summary>
public sealed record ConsoleView(string Resource, IReadOnlyList<Resources.ConsoleLine> Lines);
