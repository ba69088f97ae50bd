using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Khcn.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Proto.Collector.Trace.V1;
using static Khcn.Dashboard.Tests.Infrastructure.OtlpRequests;

namespace Khcn.Dashboard.Tests.Otlp;

/// <summary>OTLP/HTTP cases the .NET exporter does not produce by itself: compression and bad requests.</summary>
public sealed class OtlpHttpTests
{
    [Fact]
    public async Task GzipBody_IsDecompressedAndStored()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            Traces("orders", Span(7, 1, null, "zipped", 0, 5)).WriteTo(gzip);
        }
        using var content = Protobuf(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await dashboard.Http.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("zipped", Assert.Single(dashboard.Host.Store.Traces()).RootName);
    }

    [Theory]
    [InlineData("/v1/traces", "application/json")]
    [InlineData("/v1/metrics", "text/plain")]
    [InlineData("/v1/logs", null)]
    public async Task OtherContentType_Is415(string path, string? contentType)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var content = new ByteArrayContent("{}"u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await dashboard.Http.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UnknownContentEncoding_Is415()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var content = Protobuf(Traces("orders", Span(7, 1, null, "x", 0, 5)).ToByteArray());
        content.Headers.ContentEncoding.Add("br");

        using var response = await dashboard.Http.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(dashboard.Host.Store.Traces());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnparsableBody_Is400WithAShortText(bool gzipHeaderOnPlainBytes)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        // A field header promising 100 bytes that never come: not a protobuf message, nor a gzip stream.
        using var content = Protobuf([0x0A, 0x64, 0x01]);
        if (gzipHeaderOnPlainBytes)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var response = await dashboard.Http.PostAsync("/v1/logs", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ExportLogsServiceRequest", await response.Content.ReadAsStringAsync());
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
