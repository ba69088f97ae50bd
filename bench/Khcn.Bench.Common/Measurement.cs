using System.Diagnostics;

namespace Khcn.Bench.Common;

/// <summary>Latencies of one scenario at one concurrency.</summary>
public sealed record Measurement(string Scenario, int Concurrency, int Requests, int Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, double MeanMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>
    /// <paramref name="warmup"/> unmeasured calls first (JIT, connection, query plan caches and the database's page
    /// cache warm up, within a quarter of <paramref name="budget"/>), then <see cref="TakeAsync"/>.
    /// </summary>
    public static async Task<Measurement> TakeAfterWarmupAsync(
        string scenario, int warmup, int requests, int concurrency, Func<int, Task> call, TimeSpan budget)
    {
        await TakeAsync(scenario, warmup, concurrency, call, budget / 4);
        return await TakeAsync(scenario, requests, concurrency, call, budget);
    }

    /// <summary>
    /// Times <paramref name="requests"/> calls made by <paramref name="concurrency"/> callers, or as many as start
    /// within <paramref name="budget"/> (slow paths such as a deep page would otherwise take many minutes).
    /// </summary>
    public static async Task<Measurement> TakeAsync(string scenario, int requests, int concurrency, Func<int, Task> call, TimeSpan? budget = null)
    {
        var latencies = new long[requests];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var made = await Callers.RunAsync(requests, concurrency, async index =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call(index);
            }
            catch (Exception error)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"[{scenario}] first error: {error.Message}");
                }
            }

            latencies[index] = Stopwatch.GetTimestamp() - started;
        }, budget);
        var elapsed = clock.Elapsed;

        // Indexes are handed out in order, so the calls made are exactly 0..made-1.
        latencies = latencies[..made];
        Array.Sort(latencies);
        return new Measurement(scenario, concurrency, made, errors, elapsed,
            Milliseconds(NearestRank(latencies, 0.50)),
            Milliseconds(NearestRank(latencies, 0.99)),
            Milliseconds((long)latencies.Average()));
    }

    // Nearest-rank percentile, the definition the other benchmarks of this repository use.
    private static long NearestRank(long[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
