using System.Globalization;
using Khcn.Bench.Client;

var options = ClientBenchOptions.Parse(args);
var summary = await new UnaryLoadRunner(options).RunAsync();

// One machine-readable line for bench/run.sh; invariant culture so decimals are always '.'.
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"RESULT calls_per_sec={summary.CallsPerSecond:F1} p50_us={summary.P50Microseconds:F0} p99_us={summary.P99Microseconds:F0} calls={summary.Calls} errors={summary.Errors} seconds={summary.Elapsed.TotalSeconds:F2} client_cpu_us={summary.CpuMicrosecondsPerCall:F1} client_alloc_bytes={summary.AllocatedBytesPerCall:F0}"));
return summary.Errors == 0 ? 0 : 1;
