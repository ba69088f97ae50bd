using System.Buffers;

namespace Grpc.Core;

/// <summary>Exposes a byte array payload to a contextual deserializer (used to emulate the simple deserializer).</summary>
internal sealed class ByteArrayDeserializationContext(byte[] payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;

    public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
