using System.Buffers.Binary;
using Google.Protobuf;

namespace Khcn.Bench;

/// <summary>
/// The few gRPC wire facts the bench needs on its own. The bare Kestrel ceiling must not depend on
/// our gRPC runtime (it is what that runtime is measured against), so it frames messages here.
/// </summary>
public static class BenchWire
{
    /// <summary>HTTP/2 :path of khcn.bench.v1.EchoService/Echo.</summary>
    public const string EchoPath = "/khcn.bench.v1.EchoService/Echo";

    public const string GrpcContentType = "application/grpc";

    public const string GrpcStatusTrailer = "grpc-status";

    /// <summary>Compressed flag (1 byte) + big-endian message length (4 bytes).</summary>
    private const int MessagePrefixSize = 5;

    /// <summary>One uncompressed length-prefixed gRPC message, exactly as it travels in a DATA frame.</summary>
    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var framed = new byte[MessagePrefixSize + size];
        framed[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)size);
        message.WriteTo(framed.AsSpan(MessagePrefixSize));
        return framed;
    }
}
