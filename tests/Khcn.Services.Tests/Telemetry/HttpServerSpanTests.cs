using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// ASP.NET Core hosting's request span is named <c>{method} {route}</c> and carries the HTTP server span attributes of
/// the OpenTelemetry semantic conventions; only a 5xx (or an unhandled exception) makes it an error.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class HttpServerSpanTests
{
    private const string GetProvinceRoute = "/khcn.provinces.v1.ProvincesService/GetProvince";

    [Fact]
    public async Task GrpcCall_HttpSpanIsNamedAfterMethodAndRoute_AndDescribesTheRequest()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var service = await TelemetryRun.StartProvincesAsync(receiver, OtlpProtocol.Grpc, "provinces-http-span", Guid.NewGuid().ToString());
        ActivityTraceId traceId;
        try
        {
            traceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);
        }
        finally
        {
            // Stopping flushes: every span of the call has been exported afterwards.
            await service.DisposeAsync();
        }

        var span = Assert.Single(HttpServerSpans(receiver), s => TelemetryRun.HasTraceId(s.TraceId, traceId));
        Assert.Equal($"POST {GetProvinceRoute}", span.Name);
        Assert.Equal("POST", span.StringAttribute("http.request.method"));
        Assert.Equal(GetProvinceRoute, span.StringAttribute("http.route"));
        Assert.Equal(GetProvinceRoute, span.StringAttribute("url.path"));
        Assert.Equal("http", span.StringAttribute("url.scheme"));
        Assert.Equal("2", span.StringAttribute("network.protocol.version"));
        Assert.Equal("127.0.0.1", span.StringAttribute("server.address"));
        Assert.Equal(service.Address.Port, span.IntAttribute("server.port"));
        Assert.Equal("127.0.0.1", span.StringAttribute("client.address"));
        Assert.StartsWith("grpc-dotnet", span.StringAttribute("user_agent.original"), StringComparison.Ordinal);
        Assert.Equal(200, span.IntAttribute("http.response.status_code"));
        Assert.Equal(Status.Types.StatusCode.Unset, span.Status?.Code ?? Status.Types.StatusCode.Unset);
        Assert.False(span.HasAttribute("error.type"));

        // The gRPC server span stays a child of the HTTP one.
        Assert.Contains(receiver.Received.Spans, s => s.Scope?.Name == "Grpc.AspNetCore.Server" && s.Item.ParentSpanId == span.SpanId);
    }

    [Fact]
    public async Task ServerErrorStatus_MakesTheSpanAnError_WithTheStatusCodeAsErrorType()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var app = await TelemetryWebApp.StartAsync(receiver, app => app.MapGet("/fail/{id}", (int id) => Results.StatusCode(StatusCodes.Status503ServiceUnavailable)));
        await using (app)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetAsync(app.Address, "/fail/7"));
        }

        var span = Assert.Single(HttpServerSpans(receiver), s => s.StringAttribute("url.path") == "/fail/7");
        Assert.Equal("GET /fail/{id}", span.Name);
        Assert.Equal("/fail/{id}", span.StringAttribute("http.route"));
        Assert.Equal("1.1", span.StringAttribute("network.protocol.version"));
        Assert.Equal(503, span.IntAttribute("http.response.status_code"));
        Assert.Equal("503", span.StringAttribute("error.type"));
        Assert.Equal(Status.Types.StatusCode.Error, span.Status?.Code);
    }

    [Fact]
    public async Task UnhandledException_MakesTheSpanAnError_WithTheExceptionTypeAsErrorType()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var app = await TelemetryWebApp.StartAsync(receiver, app => app.MapGet("/throw", string () => throw new InvalidOperationException("broken")));
        await using (app)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, await GetAsync(app.Address, "/throw"));
        }

        var span = Assert.Single(HttpServerSpans(receiver), s => s.StringAttribute("url.path") == "/throw");
        Assert.Equal("GET /throw", span.Name);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.StringAttribute("error.type"));
        Assert.Equal(Status.Types.StatusCode.Error, span.Status?.Code);
    }

    [Fact]
    public async Task ClientError_LeavesTheStatusUnset_AndARequestWithoutRouteIsNamedByItsMethodOnly()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var app = await TelemetryWebApp.StartAsync(receiver, app => app.MapGet("/known", () => "ok"));
        await using (app)
        {
            Assert.Equal(HttpStatusCode.NotFound, await GetAsync(app.Address, "/unknown/42"));
        }

        var span = Assert.Single(HttpServerSpans(receiver), s => s.StringAttribute("url.path") == "/unknown/42");
        Assert.Equal("GET", span.Name);
        Assert.False(span.HasAttribute("http.route"));
        Assert.Equal(404, span.IntAttribute("http.response.status_code"));
        Assert.False(span.HasAttribute("error.type"));
        Assert.Equal(Status.Types.StatusCode.Unset, span.Status?.Code ?? Status.Types.StatusCode.Unset);
    }

    // Hosting's request spans (ActivitySource "Microsoft.AspNetCore"); the test's own HttpClient spans are client spans.
    private static IEnumerable<Span> HttpServerSpans(OtlpReceiver receiver) =>
        receiver.Received.Spans
            .Where(s => s.Scope?.Name == "Microsoft.AspNetCore" && s.Item.Kind == Span.Types.SpanKind.Server)
            .Select(s => s.Item);

    private static async Task<HttpStatusCode> GetAsync(Uri address, string path)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}
