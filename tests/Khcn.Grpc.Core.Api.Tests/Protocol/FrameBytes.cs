using System.Buffers.Binary;
using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

/// <summary>Builds raw length-prefixed frames by hand, independent of the code under test.</summary>
internal static class FrameBytes
{
    public static byte[] Header(byte flag, uint length)
    {
        var header = new byte[5];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    public static byte[] Frame(byte flag, byte[] payload) => [.. Header(flag, (uint)payload.Length), .. payload];

    public static byte[] Payload(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

    public static byte[] ReadBytes(DeserializationContext context) => context.PayloadAsNewBuffer();

    /// <summary>Serializer shaped like the Protobuf stubs: announce length, write to the buffer writer, complete.</summary>
    public static void WriteBytesLikeProtobuf(byte[] message, SerializationContext context)
    {
        context.SetPayloadLength(message.Length);
        var span = context.GetBufferWriter().GetSpan(message.Length);
        message.CopyTo(span);
        context.GetBufferWriter().Advance(message.Length);
        context.Complete();
    }

    public static void WriteBytesAsArray(byte[] message, SerializationContext context) => context.Complete(message);
}
