using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>Builds and parses length-prefixed gRPC messages by hand, independently of the code under test.</summary>
public static class GrpcFrames
{
    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray(), compressed: false);

    public static byte[] Frame(byte[] payload, bool compressed, byte? flagOverride = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flagOverride ?? (byte)(compressed ? 1 : 0);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] FrameGzip(IMessage message) => Frame(Gzip(message.ToByteArray()), compressed: true);

    public static byte[] Concat(params byte[][] frames) => frames.SelectMany(f => f).ToArray();

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Splits a response body into its messages (flag, payload).</summary>
    public static List<(byte Flag, byte[] Payload)> Parse(byte[] body)
    {
        var messages = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            var flag = body[offset];
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1, 4));
            messages.Add((flag, body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return messages;
    }
}
