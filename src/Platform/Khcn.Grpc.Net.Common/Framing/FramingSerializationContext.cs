using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Serialization context that writes one length-prefixed message to <paramref name="output"/>.
/// Fast path: for uncompressed messages whose serializer announces the length (Protobuf stubs do), the header is
/// written first and the serializer writes straight into the output buffer, with no intermediate copy.
/// Otherwise the payload is buffered, optionally compressed, then framed.
/// The context itself is the direct-path buffer writer, so it can count what the serializer writes.
/// </summary>
internal sealed class FramingSerializationContext(IBufferWriter<byte> output, MessageWriteOptions options)
    : SerializationContext, IBufferWriter<byte>
{
    private int? _declaredLength;
    private int _directWritten;
    private bool _direct;
    private ArrayBufferWriter<byte>? _buffer;
    private bool _completed;

    public bool IsCompleted => _completed;

    public override void SetPayloadLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        _declaredLength = payloadLength;
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        if (_direct)
        {
            return this;
        }

        if (_buffer is not null)
        {
            return _buffer;
        }

        if (options.Compression is null && _declaredLength is { } length)
        {
            CheckSendSize(length);
            WriteHeader(output, GrpcProtocolConstants.UncompressedFlag, length);
            _direct = true;
            return this;
        }

        return _buffer = new ArrayBufferWriter<byte>(Math.Max(_declaredLength ?? 256, 1));
    }

    public override void Complete()
    {
        EnsureNotCompleted();
        if (_direct)
        {
            if (_directWritten != _declaredLength)
            {
                throw new InvalidOperationException($"Serializer declared {_declaredLength} bytes but wrote {_directWritten}.");
            }
        }
        else
        {
            WritePayload(_buffer is null ? ReadOnlySpan<byte>.Empty : _buffer.WrittenSpan);
        }

        _completed = true;
    }

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        EnsureNotCompleted();
        if (_direct)
        {
            throw new InvalidOperationException("Complete(byte[]) cannot be combined with GetBufferWriter().");
        }

        WritePayload(payload);
        _completed = true;
    }

    void IBufferWriter<byte>.Advance(int count)
    {
        output.Advance(count);
        _directWritten += count;
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => output.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => output.GetSpan(sizeHint);

    internal static void WriteHeader(IBufferWriter<byte> writer, byte flag, int length)
    {
        var header = writer.GetSpan(GrpcProtocolConstants.MessageDelimiterSize);
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(GrpcProtocolConstants.MessageDelimiterSize);
    }

    private void WritePayload(ReadOnlySpan<byte> payload)
    {
        if (options.Compression is { } compression)
        {
            using var compressed = new MemoryStream();
            using (var compressor = compression.CreateCompressionStream(compressed, options.CompressionLevel))
            {
                compressor.Write(payload);
            }

            var compressedPayload = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
            CheckSendSize(compressedPayload.Length);
            WriteHeader(output, GrpcProtocolConstants.CompressedFlag, compressedPayload.Length);
            output.Write(compressedPayload);
        }
        else
        {
            CheckSendSize(payload.Length);
            WriteHeader(output, GrpcProtocolConstants.UncompressedFlag, payload.Length);
            output.Write(payload);
        }
    }

    private void CheckSendSize(int length)
    {
        if (options.MaxMessageSize is { } max && length > max)
        {
            throw FramingErrors.SendMessageTooLarge(length, max);
        }
    }

    private void EnsureNotCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("Serialization context has already been completed.");
        }
    }
}
