using System.Diagnostics;

namespace Khcn.Bench.Client;

/// <summary>Throughput, latency percentiles and CPU cost of one measured window.</summary>
public sealed record LatencySummary(
    long Calls,
    long Errors,
    TimeSpan Elapsed,
    TimeSpan ProcessorTime,
    long AllocatedBytes,
    double P50Microseconds,
    double P99Microseconds)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>This process's CPU time per call: unlike calls/s, barely moved by neighbours on a shared machine.</summary>
    public double CpuMicrosecondsPerCall => Calls == 0 ? 0 : ProcessorTime.TotalMicroseconds / Calls;

    /// <summary>Managed bytes allocated per call (whole process, so it includes the load loop's own few bytes).</summary>
    public double AllocatedBytesPerCall => Calls == 0 ? 0 : (double)AllocatedBytes / Calls;

    /// <param name="latencyTicks">Per-call latencies in <see cref="Stopwatch"/> ticks; sorted in place.</param>
    public static LatencySummary From(long[] latencyTicks, long errors, TimeSpan elapsed, TimeSpan processorTime, long allocatedBytes)
    {
        Array.Sort(latencyTicks);
        return new LatencySummary(
            latencyTicks.Length,
            errors,
            elapsed,
            processorTime,
            allocatedBytes,
            ToMicroseconds(NearestRank(latencyTicks, 0.50)),
            ToMicroseconds(NearestRank(latencyTicks, 0.99)));
    }

    /// <summary>Nearest-rank percentile: the same definition bench/tools/h2load_stats.py applies to h2load's log.</summary>
    private static long NearestRank(long[] sorted, double percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
