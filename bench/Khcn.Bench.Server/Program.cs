using System.Net;
using Khcn.Bench;
using Khcn.Bench.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var options = BenchServerOptions.Parse(args);

if (options.Mode == BenchServerOptions.WriteRequestMode)
{
    // The request body h2load posts: the same framed EchoRequest our client sends.
    File.WriteAllBytes(options.OutputFile!, BenchWire.Frame(BenchPayload.CreateRequest(options.PayloadSize)));
    return;
}

// Command-line args are ours, not configuration keys: keep them away from the host builder.
var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http2));

if (options.Mode == BenchServerOptions.GrpcMode)
{
    builder.Services.AddGrpc();
}

// Before the host starts, so the first call already finds its listeners.
var telemetry = BenchTelemetry.Start(options.Telemetry, options.OtlpEndpoint);

var app = builder.Build();

if (options.Mode == BenchServerOptions.GrpcMode)
{
    app.MapGrpcService<EchoBenchService>();
}
else
{
    var bare = new BareEchoEndpoint(options.PayloadSize);
    app.MapPost(BenchWire.EchoPath, (RequestDelegate)bare.HandleAsync);
}

await app.StartAsync();

// run.sh waits for this line to learn the free port the OS picked (after StartAsync, Urls has the real port).
var address = app.Urls.First();
Console.WriteLine($"LISTENING {address}");

// Allocation and GC totals for bench/profile.sh: bytes per call is a noise-free hint where CPU goes.
app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine(
    $"GCSTATS allocated_bytes={GC.GetTotalAllocatedBytes(precise: true)} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}"));

await app.WaitForShutdownAsync();

// Providers shut down after the server: spans of the last calls are still exported (bench/telemetry counts them).
telemetry.Dispose();
