using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>
/// The spans of one trace received so far. Spans of a trace arrive in several batches, from several services, in
/// any order: each batch merges in, and the summary and detail are computed from what is there at query time.
/// Not thread-safe: <see cref="TraceTable"/> guards it.
/// </summary>
internal sealed class StoredTrace(string traceId, int maxSpans)
{
    private readonly List<StoredSpan> _spans = [];
    private readonly HashSet<string> _spanIds = new(StringComparer.Ordinal);

    public string TraceId => traceId;

    public ulong StartUnixNanos { get; private set; } = ulong.MaxValue;

    public ulong EndUnixNanos { get; private set; }

    /// <summary>Adds a span; a span id already present (an exporter's retry) or one past the limit is dropped.</summary>
    public void Add(StoredSpan span)
    {
        if (_spans.Count >= maxSpans || !_spanIds.Add(span.View.SpanId))
        {
            return;
        }
        _spans.Add(span);
        StartUnixNanos = Math.Min(StartUnixNanos, span.StartUnixNanos);
        EndUnixNanos = Math.Max(EndUnixNanos, span.EndUnixNanos);
    }

    public bool HasService(string service) => _spans.Any(span => span.View.Service == service);

    public bool HasSpanNameContaining(string text) =>
        _spans.Any(span => span.View.Name.Contains(text, StringComparison.OrdinalIgnoreCase));

    public TraceSummary Summary()
    {
        var root = Root();
        return new TraceSummary(
            traceId,
            root.View.Name,
            root.View.Service,
            OtlpValues.Time(StartUnixNanos),
            OtlpValues.Milliseconds(StartUnixNanos, EndUnixNanos),
            _spans.Count,
            [.. _spans.Select(span => span.View.Service).Distinct().Order(StringComparer.Ordinal)],
            _spans.Any(span => span.HasError));
    }

    public TraceDetail Detail()
    {
        var spans = _spans
            .OrderBy(span => span.StartUnixNanos)
            .Select(span => span.View with { StartOffsetMs = OtlpValues.Milliseconds(StartUnixNanos, span.StartUnixNanos) })
            .ToList();
        return new TraceDetail(traceId, OtlpValues.Time(StartUnixNanos), OtlpValues.Milliseconds(StartUnixNanos, EndUnixNanos), spans);
    }

    // The root is the span without a parent; until it arrives (it ends last, so it is often exported last) the
    // earliest span stands in.
    private StoredSpan Root() =>
        _spans.Where(span => span.IsRoot).MinBy(span => span.StartUnixNanos)
        ?? _spans.MinBy(span => span.StartUnixNanos)!;
}
