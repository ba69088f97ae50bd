using Khcn.Bench.SecureEcho;

// "prepare FOLDER" writes keys, tokens and certificates; "validator FOLDER" times the token validator alone;
// "serve [--Key=Value...]" hosts Echo with the given configuration (Kestrel endpoint, Authentication:Jwt, ...) and
// prints "LISTENING <url>" once it is bound.
switch (args)
{
    case ["prepare", var folder]:
        BenchCredentials.Write(folder);
        return 0;
    case ["validator", var folder]:
        await ValidatorLoop.RunAsync(folder);
        return 0;
    case ["serve", ..]:
        break;
    default:
        Console.Error.WriteLine("usage: prepare FOLDER | validator FOLDER | serve [--Section:Key=value ...]");
        return 2;
}

var builder = WebApplication.CreateBuilder(args[1..]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapGrpcService<CountingEchoService>();
await app.StartAsync();

// After StartAsync, Urls holds the port the OS picked for port 0.
Console.WriteLine($"LISTENING {app.Urls.First()}");
app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine($"ANSWERED calls={CountingEchoService.Answered}"));
await app.WaitForShutdownAsync();
return 0;
