using System.Buffers;

namespace Grpc.Core;

/// <summary>Collects a contextual serializer's output into a byte array (used to emulate the simple serializer).</summary>
internal sealed class ByteArraySerializationContext : SerializationContext
{
    private byte[]? _payload;
    private ArrayBufferWriter<byte>? _bufferWriter;

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _payload = payload;
    }

    public override IBufferWriter<byte> GetBufferWriter() => _bufferWriter ??= new ArrayBufferWriter<byte>();

    public override void SetPayloadLength(int payloadLength)
    {
        _bufferWriter ??= new ArrayBufferWriter<byte>(Math.Max(payloadLength, 1));
    }

    public override void Complete() => _payload = _bufferWriter?.WrittenSpan.ToArray() ?? [];

    public byte[] GetPayload() => _payload ?? throw new InvalidOperationException("Serializer did not complete the serialization context.");
}
