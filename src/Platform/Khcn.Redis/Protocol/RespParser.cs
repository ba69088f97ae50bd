using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Khcn.Redis.Protocol;

/// <summary>
/// Incremental RESP2/RESP3 reply parser over a <see cref="ReadOnlySequence{T}"/>.
/// <see cref="TryRead"/> returns false (and leaves the reader where it was) when the buffer holds
/// only part of a frame; it throws <see cref="RespProtocolException"/> for bytes that can never
/// become a valid frame or that exceed <see cref="RespReaderLimits"/>.
/// </summary>
public static class RespParser
{
    // The smallest possible frame ("_\r\n") is three bytes; a claimed element count that the
    // buffered bytes cannot possibly hold is treated as "incomplete" before anything is allocated.
    private const int SmallestFrameLength = 3;
    private const int MaxNumberLineLength = 32;

    /// <summary>Reads one complete frame, or returns false without consuming anything.</summary>
    public static bool TryRead(ref SequenceReader<byte> reader, RespReaderLimits limits, out RespValue value)
    {
        var start = reader.Consumed;
        if (TryReadValue(ref reader, limits, depth: 0, out value))
        {
            return true;
        }
        reader.Rewind(reader.Consumed - start);
        value = RespValue.Null;
        return false;
    }

    private static bool TryReadValue(ref SequenceReader<byte> reader, RespReaderLimits limits, int depth, out RespValue value)
    {
        value = RespValue.Null;
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }
        switch (prefix)
        {
            case RespPrefix.SimpleString:
                return TryReadLine(ref reader, limits, out var simple) && Assign(RespValue.SimpleString(simple.ToArray()), out value);
            case RespPrefix.SimpleError:
                return TryReadLine(ref reader, limits, out var error) && Assign(RespValue.Error(error.ToArray()), out value);
            case RespPrefix.Integer:
                return TryReadInteger(ref reader, limits, prefix, out var integer) && Assign(RespValue.FromInteger(integer), out value);
            case RespPrefix.BulkString:
                return TryReadBulk(ref reader, limits, prefix, out value, RespValue.BulkString);
            case RespPrefix.BulkError:
                return TryReadBulk(ref reader, limits, prefix, out value, RespValue.Error);
            case RespPrefix.VerbatimString:
                return TryReadBulk(ref reader, limits, prefix, out value, ToVerbatim);
            case RespPrefix.Null:
                if (!TryReadLine(ref reader, limits, out var nullLine)) return false;
                if (nullLine.Length != 0) throw Malformed("a null frame must be '_\\r\\n'");
                value = RespValue.Null;
                return true;
            case RespPrefix.Boolean:
                return TryReadBoolean(ref reader, limits, out value);
            case RespPrefix.Double:
                return TryReadDouble(ref reader, limits, out value);
            case RespPrefix.BigNumber:
                return TryReadBigNumber(ref reader, limits, out value);
            case RespPrefix.Array:
                return TryReadAggregate(ref reader, limits, depth, RespType.Array, prefix, pairs: false, out value);
            case RespPrefix.Set:
                return TryReadAggregate(ref reader, limits, depth, RespType.Set, prefix, pairs: false, out value);
            case RespPrefix.Push:
                return TryReadAggregate(ref reader, limits, depth, RespType.Push, prefix, pairs: false, out value);
            case RespPrefix.Map:
                return TryReadAggregate(ref reader, limits, depth, RespType.Map, prefix, pairs: true, out value);
            case RespPrefix.Attribute:
                return TryReadAttributed(ref reader, limits, depth, out value);
            default:
                throw Malformed($"unknown type byte 0x{prefix:X2}");
        }
    }

    private static bool Assign(RespValue parsed, out RespValue value)
    {
        value = parsed;
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, RespReaderLimits limits, out ReadOnlySequence<byte> line)
    {
        if (reader.TryReadTo(out line, RespPrefix.CrLf))
        {
            if (line.Length > limits.MaxLineLength) throw Oversized($"line of {line.Length} bytes", limits.MaxLineLength);
            return true;
        }
        if (reader.Remaining > limits.MaxLineLength + 1)
        {
            throw Oversized($"line of more than {reader.Remaining - 1} bytes without CRLF", limits.MaxLineLength);
        }
        return false;
    }

    private static bool TryReadInteger(ref SequenceReader<byte> reader, RespReaderLimits limits, byte prefix, out long number)
    {
        number = 0;
        if (!TryReadLine(ref reader, limits, out var line)) return false;
        if (line.Length is 0 or > MaxNumberLineLength) throw Malformed($"'{(char)prefix}' must be followed by a number");
        Span<byte> digits = stackalloc byte[MaxNumberLineLength];
        line.CopyTo(digits);
        digits = digits[..(int)line.Length];
        if (!Utf8Parser.TryParse(digits, out number, out var used) || used != digits.Length)
        {
            throw Malformed($"'{Encoding.ASCII.GetString(digits)}' after '{(char)prefix}' is not a 64-bit integer");
        }
        return true;
    }

    private static bool TryReadBulk(
        ref SequenceReader<byte> reader, RespReaderLimits limits, byte prefix, out RespValue value, Func<byte[], RespValue> create)
    {
        value = RespValue.Null;
        if (reader.IsNext((byte)'?'))
        {
            throw Malformed("streamed strings ('$?') are not supported");
        }
        if (!TryReadInteger(ref reader, limits, prefix, out var length)) return false;
        if (length == -1 && prefix == RespPrefix.BulkString)
        {
            return true; // RESP2 null bulk string
        }
        if (length < 0) throw Malformed($"negative length {length} after '{(char)prefix}'");
        if (length > limits.MaxBulkLength) throw Oversized($"bulk reply of {length} bytes", limits.MaxBulkLength);
        if (reader.Remaining < length + 2) return false;

        var payload = reader.UnreadSequence.Slice(0, length).ToArray();
        reader.Advance(length);
        if (!reader.IsNext(RespPrefix.CrLf, advancePast: true))
        {
            throw Malformed($"bulk reply of {length} bytes is not followed by CRLF");
        }
        value = create(payload);
        return true;
    }

    private static RespValue ToVerbatim(byte[] payload)
    {
        // "=15\r\ntxt:Some string": three format bytes, a colon, then the text.
        if (payload.Length < 4 || payload[3] != (byte)':')
        {
            throw Malformed("a verbatim string must start with a three-byte format and ':'");
        }
        return RespValue.Verbatim(Encoding.ASCII.GetString(payload, 0, 3), payload[4..]);
    }

    private static bool TryReadBoolean(ref SequenceReader<byte> reader, RespReaderLimits limits, out RespValue value)
    {
        value = RespValue.Null;
        if (!TryReadLine(ref reader, limits, out var line)) return false;
        var text = line.Length == 1 ? line.FirstSpan[0] : (byte)0;
        value = text switch
        {
            (byte)'t' => RespValue.FromBoolean(true),
            (byte)'f' => RespValue.FromBoolean(false),
            _ => throw Malformed("a boolean must be '#t' or '#f'"),
        };
        return true;
    }

    private static bool TryReadDouble(ref SequenceReader<byte> reader, RespReaderLimits limits, out RespValue value)
    {
        value = RespValue.Null;
        if (!TryReadLine(ref reader, limits, out var line)) return false;
        var text = Encoding.ASCII.GetString(line);
        var parsed = text switch
        {
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" or "-nan" => double.NaN,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Malformed($"'{text}' is not a double"),
        };
        value = RespValue.FromDouble(parsed);
        return true;
    }

    private static bool TryReadBigNumber(ref SequenceReader<byte> reader, RespReaderLimits limits, out RespValue value)
    {
        value = RespValue.Null;
        if (!TryReadLine(ref reader, limits, out var line)) return false;
        var digits = line.ToArray();
        var start = digits.Length > 0 && digits[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        if (digits.Length == start || digits.AsSpan(start).ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw Malformed("a big number must be decimal digits with an optional sign");
        }
        value = RespValue.BigNumber(digits);
        return true;
    }

    private static bool TryReadAggregate(
        ref SequenceReader<byte> reader, RespReaderLimits limits, int depth, RespType type, byte prefix, bool pairs, out RespValue value)
    {
        value = RespValue.Null;
        if (reader.IsNext((byte)'?'))
        {
            throw Malformed($"streamed aggregates ('{(char)prefix}?') are not supported");
        }
        if (!TryReadInteger(ref reader, limits, prefix, out var count)) return false;
        if (count == -1 && prefix == RespPrefix.Array)
        {
            return true; // RESP2 null array
        }
        if (count < 0) throw Malformed($"negative element count {count} after '{(char)prefix}'");
        var elementCount = pairs ? count * 2 : count;
        if (elementCount > limits.MaxAggregateLength) throw Oversized($"aggregate of {elementCount} elements", limits.MaxAggregateLength);
        if (depth + 1 > limits.MaxDepth) throw Oversized($"aggregates nested {depth + 1} deep", limits.MaxDepth);
        if (reader.Remaining < elementCount * SmallestFrameLength) return false;

        var elements = elementCount == 0 ? [] : new RespValue[elementCount];
        for (var i = 0; i < elements.Length; i++)
        {
            if (!TryReadValue(ref reader, limits, depth + 1, out elements[i])) return false;
        }
        value = RespValue.Aggregate(type, elements);
        return true;
    }

    private static bool TryReadAttributed(ref SequenceReader<byte> reader, RespReaderLimits limits, int depth, out RespValue value)
    {
        // "|N" carries N key/value pairs of metadata, then the actual reply follows.
        value = RespValue.Null;
        if (!TryReadAggregate(ref reader, limits, depth, RespType.Map, RespPrefix.Attribute, pairs: true, out var attributes)) return false;
        if (!TryReadValue(ref reader, limits, depth, out var attributed)) return false;
        if (ReferenceEquals(attributed, RespValue.Null))
        {
            attributed = RespValue.NewNull(); // never attach attributes to the shared instance
        }
        attributed.Attributes = attributes.Elements;
        value = attributed;
        return true;
    }

    private static RespProtocolException Malformed(string detail) => new($"Malformed RESP reply: {detail}.");

    private static RespProtocolException Oversized(string what, long limit) =>
        new($"RESP reply rejected: {what} exceeds the limit of {limit}.");
}
