namespace Khcn.Bench.Common;

/// <summary>
/// The "measure" mode of a service benchmark whose rows are timed by one caller (the latency of a call on its own,
/// not under contention): options <c>--requests</c>, <c>--warmup</c>, <c>--seconds</c>, a Markdown table on stdout.
/// </summary>
public static class OneCallerMeasurement
{
    /// <returns>The process exit code: 1 when any call failed.</returns>
    public static async Task<int> RunAsync(BenchArguments options, IEnumerable<(string Name, Func<int, Task> Call)> scenarios)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenarios);
        var requests = options.Number("requests", 2000);
        var warmup = options.Number("warmup", 200);
        var budget = TimeSpan.FromSeconds(options.Number("seconds", 60));

        var results = new List<Measurement>();
        foreach (var (name, call) in scenarios)
        {
            var measurement = await Measurement.TakeAfterWarmupAsync(name, warmup, requests, 1, call, budget);
            Console.Error.WriteLine($"[measure] {name}: p50 {measurement.P50Ms:F2} ms, p99 {measurement.P99Ms:F2} ms");
            results.Add(measurement);
        }

        Console.WriteLine("| Call (page_size 50, one caller) | Calls | p50 ms | p99 ms | mean ms | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            Console.WriteLine($"| {m.Scenario.Replace("|", "\\|", StringComparison.Ordinal)} | {m.Requests} | {m.P50Ms:F2} | {m.P99Ms:F2} | {m.MeanMs:F2} | {m.Errors} |");
        }

        return results.Any(m => m.Errors > 0) ? 1 : 0;
    }
}
