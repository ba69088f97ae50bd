using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests.Infrastructure;

/// <summary>Hand-written gRPC wire pieces for the raw test servers.</summary>
public static class GrpcWire
{
    public static void StartGrpcResponse(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/grpc";
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray(), compressedFlag: 0);

    public static byte[] Frame(byte[] payload, byte compressedFlag)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] payload)
    {
        using var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static async Task WriteMessageAsync(HttpContext context, IMessage message)
    {
        await context.Response.Body.WriteAsync(Frame(message));
        await context.Response.Body.FlushAsync();
    }

    public static void SetTrailers(HttpContext context, StatusCode status, string? message = null)
    {
        context.Response.AppendTrailer("grpc-status", ((int)status).ToString());
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", GrpcMessageText.Encode(message));
        }
    }

    /// <summary>A Trailers-Only response: status in the HEADERS frame, no body.</summary>
    public static void WriteTrailersOnly(HttpContext context, StatusCode status, string? message = null)
    {
        StartGrpcResponse(context);
        context.Response.Headers["grpc-status"] = ((int)status).ToString();
        if (message is not null)
        {
            context.Response.Headers["grpc-message"] = GrpcMessageText.Encode(message);
        }
    }

    /// <summary>Reads one raw frame (flag, payload) from the request body; null at end of stream.</summary>
    public static async Task<(byte Flag, byte[] Payload)?> ReadFrameAsync(HttpRequest request)
    {
        var header = new byte[5];
        var read = await request.Body.ReadAtLeastAsync(header, 5, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        var payload = new byte[length];
        await request.Body.ReadExactlyAsync(payload);
        return (header[0], payload);
    }

    public static async Task<T?> ReadMessageAsync<T>(HttpRequest request, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var frame = await ReadFrameAsync(request);
        if (frame is null)
        {
            return default;
        }

        var payload = frame.Value.Flag == 1 ? Gunzip(frame.Value.Payload) : frame.Value.Payload;
        return parser.ParseFrom(payload);
    }

    /// <summary>Standard unary echo: replies with the request text.</summary>
    public static async Task EchoUnaryAsync(HttpContext context)
    {
        var request = await ReadMessageAsync(context.Request, Echo.EchoRequest.Parser);
        StartGrpcResponse(context);
        await WriteMessageAsync(context, new Echo.EchoReply { Text = request!.Text, Payload = request.Payload });
        SetTrailers(context, StatusCode.OK);
    }
}
