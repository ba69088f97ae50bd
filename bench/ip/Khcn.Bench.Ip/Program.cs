using Grpc.Net.Client;
using Khcn.Bench.Common;
using Khcn.Bench.Ip;
using Khcn.Data;
using Khcn.IntellectualProperty.V1;

// Usage:
//   Khcn.Bench.Ip load    --address http://127.0.0.1:5103 --provinces http://127.0.0.1:5101 --provider sqlite|postgresql
//                         --database <SQLite file or Npgsql connection string> [--assets 100000] [--through-api 20000] [--concurrency 8]
//   Khcn.Bench.Ip measure --address http://127.0.0.1:5103 [--requests 2000] [--warmup 200] [--seconds 60]
// "load" prints "LOADED <created> <create seconds> <create errors> <inserted> <insert seconds>"; "measure" prints a
// Markdown table.
if (args.Length == 0 || args[0] is not ("load" or "measure"))
{
    Console.Error.WriteLine("usage: Khcn.Bench.Ip load|measure --address URL [options]");
    return 2;
}

var options = new BenchArguments(args.Skip(1));
using var channel = GrpcChannel.ForAddress(options.Text("address"));
var client = new IntellectualPropertyService.IntellectualPropertyServiceClient(channel);

if (args[0] == "load")
{
    var codes = await ProvinceCodes.LoadAsync(options.Text("provinces"));
    // "Today" as the service reckons it: the Viet Nam date (UTC+7); no filing may lie after it.
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    var provider = options.Text("provider") == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
    var loaded = await new AssetLoader(new AssetGenerator(codes, today)).LoadAsync(
        client,
        provider,
        options.Text("database"),
        options.Number("assets", 100_000),
        options.Number("through-api", 20_000),
        options.Number("concurrency", 8));
    Console.WriteLine(
        $"LOADED {loaded.Created} {loaded.CreateElapsed.TotalSeconds:F1} {loaded.CreateErrors} {loaded.Inserted} {loaded.InsertElapsed.TotalSeconds:F1}");
    return loaded.CreateErrors == 0 ? 0 : 1;
}

var scenarios = new ListScenarios(client);
var deepToken = await scenarios.TokenOfPageAsync("", ListScenarios.DeepPage);
return await OneCallerMeasurement.RunAsync(options, scenarios.All(deepToken));
