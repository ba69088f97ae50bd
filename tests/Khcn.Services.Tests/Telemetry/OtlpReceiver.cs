using System.Diagnostics;
using System.Net;
using Google.Protobuf;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// A minimal OTLP receiver on a real Kestrel socket (127.0.0.1, port 0): OTLP/HTTP (POST /v1/traces, /v1/metrics,
/// /v1/logs with protobuf bodies) or OTLP/gRPC (the collector services on our gRPC server, HTTP/2 cleartext).
/// The exporter on the other side is the official OpenTelemetry one, inside the service under test.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string ProtobufContentType = "application/x-protobuf";

    private readonly LoopbackApp _app;

    private OtlpReceiver(LoopbackApp app) => _app = app;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:41234.</summary>
    public Uri Endpoint => _app.Address;

    public ReceivedTelemetry Received => _app.App.Services.GetRequiredService<ReceivedTelemetry>();

    public static async Task<OtlpReceiver> StartAsync(string protocol)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.Protocols = protocol == OtlpProtocol.Grpc ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2));
        builder.Services.AddSingleton<ReceivedTelemetry>();

        // The service under test runs in this process and its tracer listens to "Microsoft.AspNetCore" by name: the
        // receiver's own request spans would be exported to the receiver again, a loop of noise. Hosting takes its
        // ActivitySource and DiagnosticListener from the container, so the receiver gets ones nobody listens to.
        builder.Services.AddSingleton(new ActivitySource("Khcn.Tests.OtlpReceiver"));
        builder.Services.AddSingleton(new DiagnosticListener("Khcn.Tests.OtlpReceiver"));

        if (protocol == OtlpProtocol.Grpc)
        {
            builder.Services.AddGrpc();
        }

        var app = builder.Build();
        // Our gRPC runtime's server spans come from a static ActivitySource: suppressed instead, as exporters do.
        app.Use(async (context, next) =>
        {
            using var suppressed = SuppressInstrumentationScope.Begin();
            await next(context);
        });
        if (protocol == OtlpProtocol.Grpc)
        {
            app.MapGrpcService<OtlpTraceReceiver>();
            app.MapGrpcService<OtlpMetricsReceiver>();
            app.MapGrpcService<OtlpLogsReceiver>();
        }
        else
        {
            MapHttp(app, "/v1/traces", ExportTraceServiceRequest.Parser, (received, request) => received.Add(request), new ExportTraceServiceResponse());
            MapHttp(app, "/v1/metrics", ExportMetricsServiceRequest.Parser, (received, request) => received.Add(request), new ExportMetricsServiceResponse());
            MapHttp(app, "/v1/logs", ExportLogsServiceRequest.Parser, (received, request) => received.Add(request), new ExportLogsServiceResponse());
        }

        return new OtlpReceiver(await LoopbackApp.StartAsync(app));
    }

    private static void MapHttp<TRequest>(WebApplication app, string path, MessageParser<TRequest> parser,
        Action<ReceivedTelemetry, TRequest> store, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        app.MapPost(path, async (HttpContext context, ReceivedTelemetry received) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            store(received, parser.ParseFrom(body.ToArray()));
            return Results.Bytes(response.ToByteArray(), ProtobufContentType);
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
