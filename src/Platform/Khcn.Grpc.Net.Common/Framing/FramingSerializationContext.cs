using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Serialization context that writes one length-prefixed message to the output writer.
/// Fast path: for uncompressed messages whose serializer announces the length (Protobuf stubs do), the header is
/// written first and the serializer writes straight into the output buffer, with no intermediate copy.
/// Otherwise the payload is buffered, optionally compressed, then framed.
/// The context itself is the direct-path buffer writer, so it can count what the serializer writes.
/// Serializers run synchronously, so one instance per thread is reused (<see cref="Rent"/>/<see cref="Return"/>)
/// instead of allocating one per message; like the official runtime's per-call context, it must not be kept
/// by a serializer after it returns.
/// </summary>
internal sealed class FramingSerializationContext : SerializationContext, IBufferWriter<byte>
{
    [ThreadStatic]
    private static FramingSerializationContext? t_cached;

    private IBufferWriter<byte> _output = null!;
    private MessageWriteOptions _options = null!;
    private int? _declaredLength;
    private int _directWritten;
    private bool _direct;
    private ArrayBufferWriter<byte>? _buffer;
    private bool _completed;

    public bool IsCompleted => _completed;

    /// <summary>The calling thread's cached context, or a new one when it is in use (a serializer that frames another message).</summary>
    public static FramingSerializationContext Rent(IBufferWriter<byte> output, MessageWriteOptions options)
    {
        var context = t_cached ?? new FramingSerializationContext();
        t_cached = null;
        context._output = output;
        context._options = options;
        return context;
    }

    /// <summary>Clears the per-message state (and the references to the caller's writer) and caches the context again.</summary>
    public static void Return(FramingSerializationContext context)
    {
        context._output = null!;
        context._options = null!;
        context._declaredLength = null;
        context._directWritten = 0;
        context._direct = false;
        context._buffer = null;
        context._completed = false;
        t_cached = context;
    }

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

        if (_options.Compression is null && _declaredLength is { } length)
        {
            CheckSendSize(length);
            WriteHeader(_output, GrpcProtocolConstants.UncompressedFlag, length);
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
        _output.Advance(count);
        _directWritten += count;
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => _output.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => _output.GetSpan(sizeHint);

    internal static void WriteHeader(IBufferWriter<byte> writer, byte flag, int length)
    {
        var header = writer.GetSpan(GrpcProtocolConstants.MessageDelimiterSize);
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(GrpcProtocolConstants.MessageDelimiterSize);
    }

    private void WritePayload(ReadOnlySpan<byte> payload)
    {
        if (_options.Compression is { } compression)
        {
            using var compressed = new MemoryStream();
            using (var compressor = compression.CreateCompressionStream(compressed, _options.CompressionLevel))
            {
                compressor.Write(payload);
            }

            var compressedPayload = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
            CheckSendSize(compressedPayload.Length);
            WriteHeader(_output, GrpcProtocolConstants.CompressedFlag, compressedPayload.Length);
            _output.Write(compressedPayload);
        }
        else
        {
            CheckSendSize(payload.Length);
            WriteHeader(_output, GrpcProtocolConstants.UncompressedFlag, payload.Length);
            _output.Write(payload);
        }
    }

    private void CheckSendSize(int length)
    {
        if (_options.MaxMessageSize is { } max && length > max)
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
