using System.IO.Compression;
using Google.Protobuf;
using Khcn.Dashboard.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Khcn.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP with protobuf bodies: POST /v1/traces, /v1/metrics and /v1/logs, optionally gzip-compressed, answered
/// with the Export*ServiceResponse in protobuf. OTLP/JSON is not supported (415): the .NET exporter does not send it.
/// </summary>
internal static class OtlpHttpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static WebApplication MapOtlpHttp(this WebApplication app)
    {
        Map(app, "/v1/traces", ExportTraceServiceRequest.Parser, (store, request) => store.Add(request), new ExportTraceServiceResponse());
        Map(app, "/v1/metrics", ExportMetricsServiceRequest.Parser, (store, request) => store.Add(request), new ExportMetricsServiceResponse());
        Map(app, "/v1/logs", ExportLogsServiceRequest.Parser, (store, request) => store.Add(request), new ExportLogsServiceResponse());
        return app;
    }

    private static void Map<TRequest>(WebApplication app, string path, MessageParser<TRequest> parser,
        Action<TelemetryStore, TRequest> add, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        var responseBytes = response.ToByteArray();
        app.MapPost(path, async (HttpContext context, TelemetryStore store) =>
        {
            if (!IsProtobuf(context.Request.ContentType))
            {
                return Results.Text($"OTLP/HTTP here takes {ProtobufContentType} bodies only.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            if (RequestBody(context.Request) is not { } body)
            {
                return Results.Text("Content-Encoding must be gzip or absent.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            TRequest request;
            try
            {
                request = parser.ParseFrom(await ReadAllAsync(body, context.RequestAborted));
            }
            catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidDataException)
            {
                return Results.Text($"The body is not a valid {typeof(TRequest).Name}.", statusCode: StatusCodes.Status400BadRequest);
            }
            finally
            {
                if (!ReferenceEquals(body, context.Request.Body))
                {
                    await body.DisposeAsync();
                }
            }

            add(store, request);
            return Results.Bytes(responseBytes, ProtobufContentType);
        });
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static bool IsProtobuf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase);

    // Exporters may compress (OTEL_EXPORTER_OTLP_COMPRESSION=gzip); null for an encoding we cannot read.
    private static Stream? RequestBody(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return request.Body;
        }
        return encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true)
            : null;
    }
}
