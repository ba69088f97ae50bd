using System.Buffers;
using System.Buffers.Text;

namespace Khcn.Redis.Protocol;

/// <summary>Encodes a command as a RESP array of bulk strings, the only form clients send.</summary>
internal static class RespCommandWriter
{
    private const int MaxHeaderLength = 1 + 20 + 2; // prefix, a 64-bit length, CRLF

    public static void Write(IBufferWriter<byte> output, RedisCommand command)
    {
        var arguments = command.Arguments;
        WriteHeader(output, RespPrefix.Array, 1 + arguments.Count);
        WriteBulk(output, command.NameBytes);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var length = argument.ByteCount;
            WriteHeader(output, RespPrefix.BulkString, length);
            var span = output.GetSpan(length + 2);
            var written = argument.CopyTo(span);
            RespPrefix.CrLf.CopyTo(span[written..]);
            output.Advance(written + 2);
        }
    }

    private static void WriteBulk(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        WriteHeader(output, RespPrefix.BulkString, bytes.Length);
        var span = output.GetSpan(bytes.Length + 2);
        bytes.CopyTo(span);
        RespPrefix.CrLf.CopyTo(span[bytes.Length..]);
        output.Advance(bytes.Length + 2);
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte prefix, long count)
    {
        var span = output.GetSpan(MaxHeaderLength);
        span[0] = prefix;
        Utf8Formatter.TryFormat(count, span[1..], out var digits);
        RespPrefix.CrLf.CopyTo(span[(1 + digits)..]);
        output.Advance(1 + digits + 2);
    }
}
