using Grpc.Net.Client;
using Khcn.Bench.Common;
using Khcn.Bench.Provinces;
using Khcn.Provinces.V1;

// Usage:
//   Khcn.Bench.Provinces load    --address http://127.0.0.1:5101 [--engagements 100000] [--recommendation-every 20] [--concurrency 16]
//   Khcn.Bench.Provinces measure --address http://127.0.0.1:5101 [--engagements 100000] [--requests 2000] [--warmup 200]
//                                [--concurrency 1,16] [--seconds 20]   (time budget per measured row)
// "load" prints "LOADED <engagements> <seconds>"; "measure" prints a Markdown table.
if (args.Length == 0 || args[0] is not ("load" or "measure"))
{
    Console.Error.WriteLine("usage: Khcn.Bench.Provinces load|measure --address URL [options]");
    return 2;
}

var options = new BenchArguments(args.Skip(1));
using var channel = GrpcChannel.ForAddress(options.Text("address"));
var client = new ProvincesService.ProvincesServiceClient(channel);
var engagements = options.Number("engagements", 100_000);

if (args[0] == "load")
{
    var elapsed = await new EngagementLoader(client).LoadAsync(
        engagements, options.Number("recommendation-every", 20), options.Number("concurrency", 16));
    Console.WriteLine($"LOADED {engagements} {elapsed.TotalSeconds:F1}");
    return 0;
}

var requests = options.Number("requests", 2000);
var warmup = options.Number("warmup", 200);
var budget = TimeSpan.FromSeconds(options.Number("seconds", 20));
var scenarios = new Scenarios(client, engagements);
var deepPageToken = await scenarios.DeepPageTokenAsync();

var results = new List<Measurement>();
foreach (var concurrency in options.Numbers("concurrency", [1, 16]))
{
    foreach (var (name, call) in scenarios.All(deepPageToken))
    {
        var measurement = await Measurement.TakeAfterWarmupAsync(name, warmup, requests, concurrency, call, budget);
        Console.Error.WriteLine($"[measure] c={concurrency} {name}: {measurement.RequestsPerSecond:F0}/s p50 {measurement.P50Ms:F2} ms");
        results.Add(measurement);
    }
}

Console.WriteLine("| Call | Concurrency | Requests | req/s | p50 ms | p99 ms | mean ms | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
var order = scenarios.All(deepPageToken).Select(s => s.Name).ToList();
foreach (var m in results.OrderBy(m => order.IndexOf(m.Scenario)).ThenBy(m => m.Concurrency))
{
    Console.WriteLine($"| {m.Scenario} | {m.Concurrency} | {m.Requests} | {m.RequestsPerSecond:F0} | {m.P50Ms:F2} | {m.P99Ms:F2} | {m.MeanMs:F2} | {m.Errors} |");
}

return results.Any(m => m.Errors > 0) ? 1 : 0;
