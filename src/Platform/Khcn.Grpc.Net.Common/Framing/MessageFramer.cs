using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Reads and writes gRPC length-prefixed messages: 1 byte Compressed-Flag, 4 byte big-endian length, payload.
/// Every violation surfaces as an <see cref="RpcException"/> with the status the spec prescribes
/// (see <see cref="FramingErrors"/>).
/// </summary>
public static class MessageFramer
{
    /// <summary>
    /// Reads the next message from <paramref name="reader"/>. Returns null when the stream ends cleanly between messages.
    /// Uncompressed payloads are handed to the deserializer as a slice of the pipe's own buffer (no copy).
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deserializer);
        ArgumentNullException.ThrowIfNull(options);

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (result.IsCanceled)
                {
                    examined = buffer.Start;
                    throw new OperationCanceledException("Read was cancelled.");
                }

                if (TryReadMessage(buffer, result.IsCompleted, deserializer, options, out var message, out var messageEnd))
                {
                    consumed = messageEnd;
                    examined = messageEnd;
                    return message;
                }

                if (result.IsCompleted)
                {
                    // TryReadMessage throws for a partial message, so reaching here means a clean end of stream.
                    return null;
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    /// <summary>
    /// Reads the one message of a stream that must carry exactly one (unary and server-streaming requests).
    /// Usually the whole request, end of stream included, is already buffered: the message is then parsed in the same
    /// pass that sees the end, instead of a second read just to learn that nothing follows.
    /// Message is null when the stream ended without a message; AdditionalMessage is true when a second complete
    /// message followed it. A truncated trailing message throws like <see cref="ReadMessageAsync{T}(PipeReader, Func{DeserializationContext, T}, MessageReadOptions, CancellationToken)"/>.
    /// </summary>
    public static async ValueTask<(T? Message, bool AdditionalMessage)> ReadSingleMessageAsync<T>(
        PipeReader reader,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deserializer);
        ArgumentNullException.ThrowIfNull(options);

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start);
                throw new OperationCanceledException("Read was cancelled.");
            }

            if (result.IsCompleted)
            {
                try
                {
                    return ReadSingleMessage(buffer, deserializer, options);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            if (HoldsCompleteMessage(buffer, options))
            {
                // The message arrived before the end of the stream: hand the buffer back untouched, then read the
                // message and wait for what follows it.
                reader.AdvanceTo(buffer.Start);
                return await ReadMessageThenEndAsync(reader, deserializer, options, cancellationToken).ConfigureAwait(false);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static (T? Message, bool AdditionalMessage) ReadSingleMessage<T>(
        in ReadOnlySequence<byte> buffer,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options)
        where T : class
    {
        if (!TryReadMessage(buffer, isCompleted: true, deserializer, options, out var message, out var messageEnd))
        {
            return (null, false);
        }

        var rest = buffer.Slice(messageEnd);
        var additional = !rest.IsEmpty && TryReadMessage(rest, isCompleted: true, deserializer, options, out _, out _);
        return (message, additional);
    }

    /// <summary>True when the buffer holds a whole first message; validates its header as soon as it is there.</summary>
    private static bool HoldsCompleteMessage(in ReadOnlySequence<byte> buffer, MessageReadOptions options) =>
        TryReadHeader(buffer, options, out _, out var length)
        && buffer.Length - GrpcProtocolConstants.MessageDelimiterSize >= length;

    private static async ValueTask<(T? Message, bool AdditionalMessage)> ReadMessageThenEndAsync<T>(
        PipeReader reader,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options,
        CancellationToken cancellationToken)
        where T : class
    {
        var message = await ReadMessageAsync(reader, deserializer, options, cancellationToken).ConfigureAwait(false);
        var next = await ReadMessageAsync(reader, deserializer, options, cancellationToken).ConfigureAwait(false);
        return (message, next is not null);
    }

    /// <summary>Reads the next message from <paramref name="stream"/>. Returns null when the stream ends cleanly between messages.</summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        Stream stream,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(deserializer);
        ArgumentNullException.ThrowIfNull(options);

        // One pooled buffer serves the header and then the payload, so a message costs no array allocation.
        var buffer = ArrayPool<byte>.Shared.Rent(GrpcProtocolConstants.MessageDelimiterSize);
        try
        {
            var headerRead = await stream.ReadAtLeastAsync(buffer.AsMemory(0, GrpcProtocolConstants.MessageDelimiterSize), GrpcProtocolConstants.MessageDelimiterSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (headerRead == 0)
            {
                return null;
            }

            if (headerRead < GrpcProtocolConstants.MessageDelimiterSize)
            {
                throw FramingErrors.IncompleteMessage();
            }

            var (decompressor, length) = ParseHeader(buffer.AsSpan(0, GrpcProtocolConstants.MessageDelimiterSize), options);
            if (buffer.Length < length)
            {
                var headerBuffer = buffer;
                buffer = ArrayPool<byte>.Shared.Rent(length);
                ArrayPool<byte>.Shared.Return(headerBuffer);
            }

            var payloadRead = await stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (payloadRead < length)
            {
                throw FramingErrors.IncompleteMessage();
            }

            return Deserialize(new ReadOnlySequence<byte>(buffer, 0, length), decompressor, deserializer, options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Serializes and frames one message into <paramref name="writer"/> without flushing (callers batch flushes).
    /// If the serializer throws, part of a frame may already be in the writer: the stream must then be aborted, not reused.
    /// </summary>
    public static void WriteMessage<T>(
        IBufferWriter<byte> writer,
        T message,
        Action<T, SerializationContext> serializer,
        MessageWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(options);

        var context = FramingSerializationContext.Rent(writer, options);
        try
        {
            serializer(message, context);
            if (!context.IsCompleted)
            {
                throw new InvalidOperationException("Serializer did not complete the serialization context.");
            }
        }
        finally
        {
            FramingSerializationContext.Return(context);
        }
    }

    /// <summary>Serializes, frames and flushes one message to <paramref name="writer"/>.</summary>
    public static async ValueTask WriteMessageAsync<T>(
        PipeWriter writer,
        T message,
        Action<T, SerializationContext> serializer,
        MessageWriteOptions options,
        CancellationToken cancellationToken = default)
    {
        WriteMessage(writer, message, serializer, options);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serializes, frames and writes one message to <paramref name="stream"/> (one write call per message).</summary>
    public static async ValueTask WriteMessageAsync<T>(
        Stream stream,
        T message,
        Action<T, SerializationContext> serializer,
        MessageWriteOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = new ArrayBufferWriter<byte>();
        WriteMessage(frame, message, serializer, options);
        await stream.WriteAsync(frame.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryReadMessage<T>(
        in ReadOnlySequence<byte> buffer,
        bool isCompleted,
        Func<DeserializationContext, T> deserializer,
        MessageReadOptions options,
        out T? message,
        out SequencePosition messageEnd)
        where T : class
    {
        message = null;
        messageEnd = buffer.Start;

        // The header is validated before the payload arrives, so oversized or undecodable messages are rejected
        // without buffering them.
        if (!TryReadHeader(buffer, options, out var decompressor, out var length))
        {
            if (isCompleted && !buffer.IsEmpty)
            {
                throw FramingErrors.IncompleteMessage();
            }

            return false;
        }

        if (buffer.Length - GrpcProtocolConstants.MessageDelimiterSize < length)
        {
            if (isCompleted)
            {
                throw FramingErrors.IncompleteMessage();
            }

            return false;
        }

        var payload = buffer.Slice(GrpcProtocolConstants.MessageDelimiterSize, length);
        message = Deserialize(payload, decompressor, deserializer, options);
        messageEnd = payload.End;
        return true;
    }

    /// <summary>Parses and validates the header at the start of <paramref name="buffer"/>; false when it has not fully arrived.</summary>
    private static bool TryReadHeader(in ReadOnlySequence<byte> buffer, MessageReadOptions options, out ICompressionProvider? decompressor, out int length)
    {
        if (buffer.Length < GrpcProtocolConstants.MessageDelimiterSize)
        {
            decompressor = null;
            length = 0;
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.MessageDelimiterSize];
        buffer.Slice(0, GrpcProtocolConstants.MessageDelimiterSize).CopyTo(header);
        (decompressor, length) = ParseHeader(header, options);
        return true;
    }

    /// <summary>Validates a message header; the decompressor is null for an uncompressed message.</summary>
    private static (ICompressionProvider? Decompressor, int Length) ParseHeader(ReadOnlySpan<byte> header, MessageReadOptions options)
    {
        var flag = header[0];
        if (flag > GrpcProtocolConstants.CompressedFlag)
        {
            throw FramingErrors.InvalidCompressedFlag(flag);
        }

        ICompressionProvider? decompressor = null;
        if (flag == GrpcProtocolConstants.CompressedFlag)
        {
            if (!options.HasMessageEncoding)
            {
                throw FramingErrors.CompressedWithoutEncoding();
            }

            if (!options.Providers.TryGetProvider(options.MessageEncoding!, out var provider))
            {
                throw FramingErrors.UnsupportedEncoding(options.MessageEncoding!, options.Providers);
            }

            decompressor = provider;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        var max = options.MaxMessageSize ?? int.MaxValue;
        if (length > (uint)max)
        {
            throw FramingErrors.ReceiveMessageTooLarge(length, max);
        }

        return (decompressor, (int)length);
    }

    private static T Deserialize<T>(ReadOnlySequence<byte> payload, ICompressionProvider? decompressor, Func<DeserializationContext, T> deserializer, MessageReadOptions options)
    {
        // A zero-length payload is an empty message whatever the flag says; there is nothing to decompress.
        if (decompressor is not null && !payload.IsEmpty)
        {
            payload = Decompress(payload, decompressor, options);
        }

        var context = PayloadDeserializationContext.Rent(payload);
        try
        {
            return deserializer(context);
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            throw FramingErrors.DeserializationFailed(ex);
        }
        finally
        {
            PayloadDeserializationContext.Return(context);
        }
    }

    private static ReadOnlySequence<byte> Decompress(ReadOnlySequence<byte> payload, ICompressionProvider provider, MessageReadOptions options)
    {
        var max = options.MaxMessageSize ?? int.MaxValue;
        var output = new ArrayBufferWriter<byte>((int)Math.Min(Math.Max(payload.Length * 2, 256), max == int.MaxValue ? int.MaxValue : (long)max + 1));
        try
        {
            using var decompressor = provider.CreateDecompressionStream(new ReadOnlySequenceStream(payload));
            while (true)
            {
                var read = decompressor.Read(output.GetSpan(4096));
                if (read == 0)
                {
                    break;
                }

                output.Advance(read);

                // Bound the decompressed size too, so a small "zip bomb" cannot exhaust memory.
                if (output.WrittenCount > max)
                {
                    throw FramingErrors.ReceiveMessageTooLarge(output.WrittenCount, max);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw FramingErrors.DecompressionFailed(ex);
        }

        return new ReadOnlySequence<byte>(output.WrittenMemory);
    }
}
