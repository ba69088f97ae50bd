using Grpc.Net.Client;
using Khcn.Bench.Common;
using Khcn.Bench.Tasks;
using Khcn.Provinces.V1;
using Khcn.Tasks.V1;

// Usage:
//   Khcn.Bench.Tasks import  --address http://127.0.0.1:5102 --provinces http://127.0.0.1:5101 [--tasks 100000] [--stream-size 20000]
//   Khcn.Bench.Tasks measure --address http://127.0.0.1:5102 [--requests 2000] [--warmup 200] [--seconds 60]
// "import" prints "IMPORTED <records> <seconds> <created> <already imported> <rejected>"; "measure" prints a Markdown table.
if (args.Length == 0 || args[0] is not ("import" or "measure"))
{
    Console.Error.WriteLine("usage: Khcn.Bench.Tasks import|measure --address URL [options]");
    return 2;
}

var options = new BenchArguments(args.Skip(1));
using var channel = GrpcChannel.ForAddress(options.Text("address"));
var client = new TasksService.TasksServiceClient(channel);

if (args[0] == "import")
{
    using var provincesChannel = GrpcChannel.ForAddress(options.Text("provinces"));
    var codes = await ProvinceCodes.LoadAsync(new ProvincesService.ProvincesServiceClient(provincesChannel));
    var imported = await new TaskImporter(client, new TaskGenerator(codes))
        .ImportAsync(options.Number("tasks", 100_000), options.Number("stream-size", 20_000));
    if (imported.FirstRejection is { } rejection)
    {
        Console.Error.WriteLine($"[import] {imported.Rejected} rejected, first: {rejection}");
    }

    Console.WriteLine($"IMPORTED {imported.Records} {imported.Elapsed.TotalSeconds:F1} {imported.Created} {imported.AlreadyImported} {imported.Rejected}");
    return imported.Rejected == 0 ? 0 : 1;
}

var requests = options.Number("requests", 2000);
var warmup = options.Number("warmup", 200);
var budget = TimeSpan.FromSeconds(options.Number("seconds", 60));
var scenarios = new ListScenarios(client);
var deepToken = await scenarios.TokenOfPageAsync("", ListScenarios.DeepPage);
var deepFilteredToken = await scenarios.TokenOfPageAsync(ListScenarios.ProvinceFilter, ListScenarios.DeepPage);

// One caller: the latency of a call on its own, not under contention.
var results = new List<Measurement>();
foreach (var (name, call) in scenarios.All(deepToken, deepFilteredToken))
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
