using System.Collections.Concurrent;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace Khcn.Bench.TelemetryReceiver;

/// <summary>
/// Totals of everything received since start. The dashboard's store keeps only the newest traces, so it cannot say
/// how many spans arrived in a run; these counters can.
/// </summary>
public sealed class ReceivedCounts
{
    /// <summary>The server's call-duration histogram: its count is the number of calls the server measured.</summary>
    private const string ServerDurationMetric = "rpc.server.duration";

    private readonly ConcurrentDictionary<string, long> _spansByScope = new(StringComparer.Ordinal);
    private readonly Lock _durationLock = new();
    private long _traceExports;
    private long _metricExports;
    private long _durationsRecorded;
    private long _logExports;

    public void Add(ExportTraceServiceRequest request)
    {
        Interlocked.Increment(ref _traceExports);
        foreach (var resourceSpans in request.ResourceSpans)
        {
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                _spansByScope.AddOrUpdate(scopeSpans.Scope?.Name ?? "", scopeSpans.Spans.Count, (_, total) => total + scopeSpans.Spans.Count);
            }
        }
    }

    public void Add(ExportMetricsServiceRequest request)
    {
        Interlocked.Increment(ref _metricExports);
        // Cumulative temporality (the SDK's default): each export carries the total since start, the last the largest.
        var recorded = request.ResourceMetrics
            .SelectMany(resource => resource.ScopeMetrics)
            .SelectMany(scope => scope.Metrics)
            .Where(metric => metric.Name == ServerDurationMetric && metric.DataCase == Metric.DataOneofCase.Histogram)
            .SelectMany(metric => metric.Histogram.DataPoints)
            .Sum(point => (long)point.Count);
        lock (_durationLock)
        {
            _durationsRecorded = Math.Max(_durationsRecorded, recorded);
        }
    }

    public void AddLogExport() => Interlocked.Increment(ref _logExports);

    /// <summary>One line for bench/telemetry/run.sh: <c>RECEIVED spans=N spans[scope]=N ... trace_exports=N ...</c>.</summary>
    public string Summary()
    {
        var scopes = _spansByScope.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        var perScope = string.Concat(scopes.Select(pair => $" spans[{pair.Key}]={pair.Value}"));
        return $"RECEIVED spans={scopes.Sum(pair => pair.Value)}{perScope}"
            + $" trace_exports={Interlocked.Read(ref _traceExports)}"
            + $" metric_exports={Interlocked.Read(ref _metricExports)} durations_recorded={DurationsRecorded()}"
            + $" log_exports={Interlocked.Read(ref _logExports)}";
    }

    private long DurationsRecorded()
    {
        lock (_durationLock)
        {
            return _durationsRecorded;
        }
    }
}
