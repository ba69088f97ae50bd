using System.Buffers;
using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>Hands a deserializer the payload in place (no copy unless it asks for a new buffer).</summary>
internal sealed class PayloadDeserializationContext(ReadOnlySequence<byte> payload) : DeserializationContext
{
    public override int PayloadLength => (int)payload.Length;

    public override byte[] PayloadAsNewBuffer() => payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => payload;
}
