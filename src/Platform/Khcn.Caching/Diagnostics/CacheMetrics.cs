using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Khcn.Caching;

/// <summary>Hit, miss, error and latency metrics of the cache (Meter <c>Khcn.Caching</c>).</summary>
public static class CacheMetrics
{
    /// <summary>The meter name to enable in OpenTelemetry.</summary>
    public const string MeterName = "Khcn.Caching";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Hits = Meter.CreateCounter<long>("khcn.cache.hits", description: "Lookups answered by the cache; tag khcn.cache.level is local or redis.");
    private static readonly Counter<long> Misses = Meter.CreateCounter<long>("khcn.cache.misses", description: "Lookups that ran the factory.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("khcn.cache.errors", description: "Redis operations that failed and were bypassed.");
    private static readonly Histogram<double> LookupDuration = Meter.CreateHistogram<double>("khcn.cache.lookup.duration", unit: "s", description: "Duration of GetOrCreate, factory included on a miss.");

    internal static void RecordHit(string level, long startTimestamp)
    {
        Hits.Add(1, new KeyValuePair<string, object?>("khcn.cache.level", level));
        LookupDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("khcn.cache.result", "hit"));
    }

    internal static void RecordMiss(long startTimestamp)
    {
        Misses.Add(1);
        LookupDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("khcn.cache.result", "miss"));
    }

    internal static void RecordError(Exception error) =>
        Errors.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().Name));
}
