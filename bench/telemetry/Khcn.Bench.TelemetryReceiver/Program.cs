using System.Net;
using Khcn.Bench.TelemetryReceiver;
using Khcn.Dashboard;
using Khcn.Dashboard.Store;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// OTLP/gRPC on 127.0.0.1, a free port; prints "LISTENING http://..." when ready and, on SIGTERM, one RECEIVED line.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddSingleton(new ReceivedCounts());
// The dashboard's default bounds: a run leaves the store as full as the AppHost's would be, no fuller.
builder.Services.AddSingleton(new TelemetryStore(new DashboardOptions().Limits));
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<CountingTraceService>();
app.MapGrpcService<CountingMetricsService>();
app.MapGrpcService<CountingLogsService>();

await app.StartAsync();
Console.WriteLine($"LISTENING {app.Urls.First()}");
await app.WaitForShutdownAsync();
Console.WriteLine(app.Services.GetRequiredService<ReceivedCounts>().Summary());
