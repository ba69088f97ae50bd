using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// Keyset page tokens: the order key values of the last row of a page (its position), so the next page seeks past
/// them instead of skipping rows. Each value is written with its kind and in an exact binary form (DateTime ticks and
/// kind, double bits, 64-bit integers), so the next query compares with the very value the database returned. Sealed
/// by <see cref="PageTokenEnvelope"/> with the request fingerprint and a checksum.
/// </summary>
internal static class KeysetPageTokens
{
    // Distinct from the offset tokens' version, so neither kind is ever read as the other.
    private const byte Version = 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Seals <paramref name="position"/> (one non-null value per order key, tie-breaker last).</summary>
    public static string Encode(IReadOnlyList<object> position, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfZero(position.Count, nameof(position));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position.Count, byte.MaxValue, nameof(position));

        var payload = new ArrayBufferWriter<byte>();
        payload.Write([(byte)position.Count]);
        foreach (var value in position)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(position));
            var kind = KeysetValueKinds.Of(value.GetType())
                ?? throw new ArgumentException($"A {value.GetType().Name} cannot be a keyset position; keys must be {KeysetValueKinds.Supported}.", nameof(position));
            payload.Write([(byte)kind]);
            Write(payload, kind, value);
        }

        return PageTokenEnvelope.Seal(Version, fingerprint, payload.WrittenSpan);
    }

    /// <summary>
    /// The position in <paramref name="token"/>, one value of each of <paramref name="keyTypes"/>; null for an empty
    /// token (the first page); INVALID_ARGUMENT when the token is malformed, edited, or issued for another request.
    /// </summary>
    public static object[]? Decode(string? token, string fingerprint, IReadOnlyList<Type> keyTypes)
    {
        ArgumentNullException.ThrowIfNull(keyTypes);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var reader = new PayloadReader(PageTokenEnvelope.Open(token, Version, fingerprint));
        if (!reader.TryReadByte(out var count) || count != keyTypes.Count)
        {
            throw PageTokenEnvelope.Rejected();
        }

        var position = new object[count];
        for (var i = 0; i < count; i++)
        {
            // The kind written must be the kind the current ordering expects: same fingerprint, other key types means
            // the schema changed between pages (or the checksum was beaten), and neither may reach the query.
            if (!reader.TryReadByte(out var kind)
                || KeysetValueKinds.Of(keyTypes[i]) is not { } expected
                || kind != (byte)expected
                || !TryRead(ref reader, expected, keyTypes[i], out position[i]))
            {
                throw PageTokenEnvelope.Rejected();
            }
        }

        return reader.AtEnd ? position : throw PageTokenEnvelope.Rejected();
    }

    private static void Write(ArrayBufferWriter<byte> payload, KeysetValueKind kind, object value)
    {
        switch (kind)
        {
            case KeysetValueKind.String:
                var text = StrictUtf8.GetBytes((string)value);
                BinaryPrimitives.WriteInt32BigEndian(payload.GetSpan(sizeof(int)), text.Length);
                payload.Advance(sizeof(int));
                payload.Write(text);
                break;
            case KeysetValueKind.Int32:
                BinaryPrimitives.WriteInt32BigEndian(payload.GetSpan(sizeof(int)), (int)value);
                payload.Advance(sizeof(int));
                break;
            case KeysetValueKind.Int64:
                WriteInt64(payload, (long)value);
                break;
            case KeysetValueKind.Double:
                // The bits, not a decimal rendering: the next query must compare with exactly the stored double.
                WriteInt64(payload, BitConverter.DoubleToInt64Bits((double)value));
                break;
            case KeysetValueKind.Boolean:
                payload.Write([(bool)value ? (byte)1 : (byte)0]);
                break;
            case KeysetValueKind.DateTime:
                var time = (DateTime)value;
                WriteInt64(payload, time.Ticks);
                payload.Write([(byte)time.Kind]);
                break;
            case KeysetValueKind.Enum:
                WriteInt64(payload, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static void WriteInt64(ArrayBufferWriter<byte> payload, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(payload.GetSpan(sizeof(long)), value);
        payload.Advance(sizeof(long));
    }

    private static bool TryRead(ref PayloadReader reader, KeysetValueKind kind, Type type, out object value)
    {
        value = null!;
        switch (kind)
        {
            case KeysetValueKind.String:
                if (!reader.TryReadInt32(out var length) || length < 0 || !reader.TryReadBytes(length, out var text))
                {
                    return false;
                }

                try
                {
                    value = StrictUtf8.GetString(text);
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }

            case KeysetValueKind.Int32:
                if (!reader.TryReadInt32(out var int32)) return false;
                value = int32;
                return true;
            case KeysetValueKind.Int64:
                if (!reader.TryReadInt64(out var int64)) return false;
                value = int64;
                return true;
            case KeysetValueKind.Double:
                if (!reader.TryReadInt64(out var bits)) return false;
                value = BitConverter.Int64BitsToDouble(bits);
                return true;
            case KeysetValueKind.Boolean:
                if (!reader.TryReadByte(out var flag) || flag > 1) return false;
                value = flag == 1;
                return true;
            case KeysetValueKind.DateTime:
                if (!reader.TryReadInt64(out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
                    || !reader.TryReadByte(out var dateKind) || dateKind > (byte)DateTimeKind.Local)
                {
                    return false;
                }

                value = new DateTime(ticks, (DateTimeKind)dateKind);
                return true;
            case KeysetValueKind.Enum:
                if (!reader.TryReadInt64(out var number)) return false;
                value = Enum.ToObject(type, number);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads the payload front to back; every read fails softly so a short token is rejected, not thrown on.</summary>
    private ref struct PayloadReader(ReadOnlySpan<byte> payload)
    {
        private ReadOnlySpan<byte> _rest = payload;

        public readonly bool AtEnd => _rest.IsEmpty;

        public bool TryReadByte(out byte value)
        {
            value = 0;
            if (_rest.IsEmpty) return false;
            value = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public bool TryReadInt32(out int value)
        {
            value = 0;
            if (!TryReadBytes(sizeof(int), out var bytes)) return false;
            value = BinaryPrimitives.ReadInt32BigEndian(bytes);
            return true;
        }

        public bool TryReadInt64(out long value)
        {
            value = 0;
            if (!TryReadBytes(sizeof(long), out var bytes)) return false;
            value = BinaryPrimitives.ReadInt64BigEndian(bytes);
            return true;
        }

        public bool TryReadBytes(int count, out ReadOnlySpan<byte> bytes)
        {
            bytes = default;
            if (count > _rest.Length) return false;
            bytes = _rest[..count];
            _rest = _rest[count..];
            return true;
        }
    }
}
