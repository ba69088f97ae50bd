namespace Khcn.Redis.Protocol;

/// <summary>The first byte of every RESP frame, as listed by the RESP2 and RESP3 specifications.</summary>
internal static class RespPrefix
{
    // RESP2
    public const byte SimpleString = (byte)'+';
    public const byte SimpleError = (byte)'-';
    public const byte Integer = (byte)':';
    public const byte BulkString = (byte)'$';
    public const byte Array = (byte)'*';

    // RESP3
    public const byte Null = (byte)'_';
    public const byte Boolean = (byte)'#';
    public const byte Double = (byte)',';
    public const byte BigNumber = (byte)'(';
    public const byte BulkError = (byte)'!';
    public const byte VerbatimString = (byte)'=';
    public const byte Map = (byte)'%';
    public const byte Attribute = (byte)'|';
    public const byte Set = (byte)'~';
    public const byte Push = (byte)'>';

    /// <summary>Every frame header and simple value ends with CRLF.</summary>
    public static ReadOnlySpan<byte> CrLf => "\r\n"u8;
}
