using Grpc.AspNetCore.Server.Diagnostics;
using Grpc.Net.Client.Diagnostics;
using Khcn.Caching;
using Khcn.Redis.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The ActivitySources and Meters a Khcn service exports, in one place. A name missing here is silently not
/// exported, so a new source in the platform or a service is added to these lists.
/// </summary>
public static class TelemetrySources
{
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        // Our gRPC runtime (Khcn.Grpc.AspNetCore.Server): one server span per call.
        GrpcServerDiagnostics.ActivitySourceName,
        // Our gRPC runtime (Khcn.Grpc.Net.Client): one client span per call to another service.
        GrpcClientDiagnostics.ActivitySourceName,
        // ASP.NET Core hosting: the HTTP request span (Microsoft.AspNetCore.Hosting.HttpRequestIn) that gRPC runs in.
        "Microsoft.AspNetCore",
        // HttpClient (.NET 9+): the outgoing HTTP/2 request under a gRPC client call.
        "System.Net.Http",
        // Khcn.Redis: one span per Redis command.
        RedisTelemetry.SourceName,
        // Npgsql: one span per PostgreSQL command. EF Core has no ActivitySource of its own (only DiagnosticListener
        // events), so its commands are traced through Npgsql's spans.
        "Npgsql",
        // Khcn.Data (DatabaseTelemetry.SourceName): one span per SQLite command, which Microsoft.Data.Sqlite does not trace.
        "Khcn.Data",
    ];

    public static IReadOnlyList<string> Meters { get; } =
    [
        // Our gRPC runtime: rpc.server.* per call.
        GrpcServerDiagnostics.MeterName,
        // Our gRPC runtime: rpc.client.* per call.
        GrpcClientDiagnostics.MeterName,
        // ASP.NET Core hosting: http.server.request.duration, http.server.active_requests.
        "Microsoft.AspNetCore.Hosting",
        // Kestrel: connections, TLS handshakes, queued requests.
        "Microsoft.AspNetCore.Server.Kestrel",
        // HttpClient: http.client.request.duration, open connections.
        "System.Net.Http",
        // The .NET runtime (.NET 9+): GC, thread pool, JIT, exceptions.
        "System.Runtime",
        // Khcn.Redis: command durations, connection state.
        RedisTelemetry.SourceName,
        // Khcn.Caching: hits, misses and invalidations of the shared cache.
        CacheMetrics.MeterName,
        // Npgsql: command durations, pool usage.
        "Npgsql",
        // EF Core (9+): queries, SaveChanges, compiled-query cache.
        "Microsoft.EntityFrameworkCore",
    ];
}
