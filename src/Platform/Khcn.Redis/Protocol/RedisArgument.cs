using System.Buffers.Text;
using System.Text;

namespace Khcn.Redis.Protocol;

/// <summary>
/// One argument of a command: text (sent as UTF-8), raw bytes, or an integer. Every argument
/// travels as a RESP bulk string, so binary values need no escaping.
/// </summary>
public readonly struct RedisArgument
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly Kind _kind;

    private enum Kind : byte { Bytes, Text, Integer }

    /// <summary>An argument holding UTF-8 text.</summary>
    public RedisArgument(string text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _kind = Kind.Text;
    }

    /// <summary>An argument holding raw bytes.</summary>
    public RedisArgument(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        _kind = Kind.Bytes;
    }

    /// <summary>An argument holding an integer, sent in decimal.</summary>
    public RedisArgument(long integer)
    {
        _integer = integer;
        _kind = Kind.Integer;
    }

    /// <summary>Wraps text.</summary>
    public static implicit operator RedisArgument(string text) => new(text);

    /// <summary>Wraps bytes.</summary>
    public static implicit operator RedisArgument(byte[] bytes) => new(bytes);

    /// <summary>Wraps bytes.</summary>
    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => new(bytes);

    /// <summary>Wraps an integer.</summary>
    public static implicit operator RedisArgument(long integer) => new(integer);

    internal int ByteCount => _kind switch
    {
        Kind.Text => Encoding.UTF8.GetByteCount(_text!),
        Kind.Integer => DigitCount(_integer),
        _ => _bytes.Length,
    };

    internal int CopyTo(Span<byte> destination)
    {
        switch (_kind)
        {
            case Kind.Text:
                return Encoding.UTF8.GetBytes(_text, destination);
            case Kind.Integer:
                Utf8Formatter.TryFormat(_integer, destination, out var written);
                return written;
            default:
                _bytes.Span.CopyTo(destination);
                return _bytes.Length;
        }
    }

    private static int DigitCount(long value)
    {
        Span<byte> scratch = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, scratch, out var written);
        return written;
    }

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        Kind.Text => _text!,
        Kind.Integer => _integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => $"<{_bytes.Length} bytes>",
    };
}
