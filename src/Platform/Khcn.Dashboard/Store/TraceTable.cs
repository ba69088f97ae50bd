using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>
/// The traces, bounded: past the limit the oldest trace goes, oldest by first arrival. Arrival order, not span start
/// time, because start times come from the clocks of different processes, and a late batch of an evicted trace
/// simply starts a new, partial entry.
/// </summary>
internal sealed class TraceTable(StoreLimits limits)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredTrace> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _arrivalOrder = new();

    public void Add(string traceId, StoredSpan span)
    {
        lock (_lock)
        {
            if (!_traces.TryGetValue(traceId, out var trace))
            {
                trace = new StoredTrace(traceId, limits.MaxSpansPerTrace);
                _traces.Add(traceId, trace);
                _arrivalOrder.AddLast(traceId);
                while (_traces.Count > limits.MaxTraces)
                {
                    _traces.Remove(_arrivalOrder.First!.Value);
                    _arrivalOrder.RemoveFirst();
                }
            }
            trace.Add(span);
        }
    }

    /// <summary>Newest first by trace start.</summary>
    public IReadOnlyList<TraceSummary> Summaries(string? service, string? search, int limit)
    {
        lock (_lock)
        {
            return _traces.Values
                .Where(trace => string.IsNullOrEmpty(service) || trace.HasService(service))
                .Where(trace => string.IsNullOrEmpty(search) || trace.HasSpanNameContaining(search))
                .OrderByDescending(trace => trace.StartUnixNanos)
                .Take(limit)
                .Select(trace => trace.Summary())
                .ToList();
        }
    }

    public TraceDetail? Detail(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var trace) ? trace.Detail() : null;
        }
    }
}
