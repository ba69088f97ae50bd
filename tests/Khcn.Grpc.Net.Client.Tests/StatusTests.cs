using System.Buffers.Binary;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class StatusTests
{
    private static async Task<RpcException> CallExpectingFailureAsync(RequestDelegate handler)
    {
        await using var server = await RawGrpcServer.StartAsync(handler);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        return await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());
    }

    [Fact]
    public async Task StatusAndMessage_AreReadFromTrailers()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            GrpcWire.SetTrailers(context, StatusCode.NotFound, "provinces/99 not found");
        });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("provinces/99 not found", error.Status.Detail);
    }

    [Fact]
    public async Task TrailersOnlyResponse_StatusIsReadFromHeaders()
    {
        var error = await CallExpectingFailureAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.FailedPrecondition, "not ready");
            context.Response.Headers["x-detail"] = "d";
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("not ready", error.Status.Detail);
        Assert.Equal("d", error.Trailers.GetValue("x-detail"));
    }

    [Fact]
    public async Task TrailersOnlyResponse_ResponseHeadersAsyncThrowsTheStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.PermissionDenied);
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.GetEchoAsync(new EchoRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync.OrHang());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task GrpcMessage_IsPercentDecoded()
    {
        const string detail = "Tỉnh không tồn tại: Hà Nội\n100%";
        var error = await CallExpectingFailureAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.NotFound, detail);
            return Task.CompletedTask;
        });

        Assert.Equal(detail, error.Status.Detail);
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public async Task HttpStatusWithoutGrpcStatus_IsMappedPerHttpGrpcStatusMapping(int httpStatus, StatusCode expected)
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("proxy error");
        });

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(httpStatus.ToString(), error.Status.Detail);
    }

    [Fact]
    public async Task GrpcStatusInHeaders_WinsOverHttpStatus()
    {
        var error = await CallExpectingFailureAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString();
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task WrongResponseContentType_FailsWithInternalAndNamesTheContentType()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>login</html>");
        });

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("text/html", error.Status.Detail);
    }

    [Fact]
    public async Task MissingTrailers_FailsWithInternal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser);
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = "no status follows" });
        });

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("grpc-status", error.Status.Detail);
    }

    [Fact]
    public async Task TruncatedMessage_FailsWithInternal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            var header = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 100);
            await context.Response.Body.WriteAsync(header);
            await context.Response.Body.WriteAsync(new byte[10]);
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task InvalidCompressedFlag_FailsWithInternal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.WriteAsync(GrpcWire.Frame(new EchoReply().ToByteArrayCompat(), compressedFlag: 7));
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Theory]
    [InlineData(0x2, StatusCode.Internal)]          // INTERNAL_ERROR
    [InlineData(0x7, StatusCode.Unavailable)]       // REFUSED_STREAM
    [InlineData(0x8, StatusCode.Cancelled)]         // CANCEL
    [InlineData(0xB, StatusCode.ResourceExhausted)] // ENHANCE_YOUR_CALM
    public async Task ServerResetStream_MapsHttp2ErrorCodeToStatus(int http2ErrorCode, StatusCode expected)
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResetFeature>()!.Reset(http2ErrorCode);
        });

        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task UnparseableGrpcStatus_IsUnknown()
    {
        var error = await CallExpectingFailureAsync(context =>
        {
            GrpcWire.StartGrpcResponse(context);
            context.Response.Headers["grpc-status"] = "banana";
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
    }
}

internal static class MessageExtensions
{
    public static byte[] ToByteArrayCompat(this Google.Protobuf.IMessage message) => Google.Protobuf.MessageExtensions.ToByteArray(message);
}
