using Grpc.Net.Client;
using Khcn.Bench.Common;
using Khcn.Bench.Tasks;
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
    var codes = await ProvinceCodes.LoadAsync(options.Text("provinces"));
    var imported = await new TaskImporter(client, new TaskGenerator(codes))
        .ImportAsync(options.Number("tasks", 100_000), options.Number("stream-size", 20_000));
    if (imported.FirstRejection is { } rejection)
    {
        Console.Error.WriteLine($"[import] {imported.Rejected} rejected, first: {rejection}");
    }

    Console.WriteLine($"IMPORTED {imported.Records} {imported.Elapsed.TotalSeconds:F1} {imported.Created} {imported.AlreadyImported} {imported.Rejected}");
    return imported.Rejected == 0 ? 0 : 1;
}

var scenarios = new ListScenarios(client);
var deepToken = await scenarios.TokenOfPageAsync("", ListScenarios.DeepPage);
var deepFilteredToken = await scenarios.TokenOfPageAsync(ListScenarios.ProvinceFilter, ListScenarios.DeepPage);
return await OneCallerMeasurement.RunAsync(options, scenarios.All(deepToken, deepFilteredToken));
