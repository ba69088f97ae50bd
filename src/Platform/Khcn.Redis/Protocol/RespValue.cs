using System.Globalization;
using System.Text;

namespace Khcn.Redis.Protocol;

/// <summary>One parsed reply frame. Aggregates hold their elements; maps hold keys and values alternately.</summary>
public sealed class RespValue
{
    private static readonly RespValue[] NoElements = [];

    /// <summary>The null reply (RESP2 <c>$-1</c>/<c>*-1</c>, RESP3 <c>_</c>).</summary>
    public static RespValue Null { get; } = new(RespType.Null);

    private RespValue(RespType type) => Type = type;

    /// <summary>What kind of frame this was.</summary>
    public RespType Type { get; }

    /// <summary>Raw payload of strings, errors, big numbers and verbatim strings (format prefix removed); null otherwise.</summary>
    public byte[]? Bytes { get; private init; }

    /// <summary>Value of an <see cref="RespType.Integer"/> or <see cref="RespType.Boolean"/> (1/0) frame.</summary>
    public long Integer { get; private init; }

    /// <summary>Value of a <see cref="RespType.Double"/> frame.</summary>
    public double Double { get; private init; }

    /// <summary>Elements of an aggregate; empty for scalars. A map stores key, value, key, value, ...</summary>
    public IReadOnlyList<RespValue> Elements { get; private init; } = NoElements;

    /// <summary>The three-letter format of a verbatim string (e.g. <c>txt</c>, <c>mkd</c>).</summary>
    public string? VerbatimFormat { get; private init; }

    /// <summary>RESP3 attributes that preceded this frame (key, value, ...), or null when there were none.</summary>
    public IReadOnlyList<RespValue>? Attributes { get; internal set; }

    /// <summary>True for the null reply.</summary>
    public bool IsNull => Type == RespType.Null;

    /// <summary>True for an error reply.</summary>
    public bool IsError => Type == RespType.Error;

    /// <summary>True for arrays, maps, sets and pushes.</summary>
    public bool IsAggregate => Type is RespType.Array or RespType.Map or RespType.Set or RespType.Push;

    internal static RespValue NewNull() => new(RespType.Null);
    internal static RespValue SimpleString(byte[] bytes) => new(RespType.SimpleString) { Bytes = bytes };
    internal static RespValue Error(byte[] bytes) => new(RespType.Error) { Bytes = bytes };
    internal static RespValue BulkString(byte[] bytes) => new(RespType.BulkString) { Bytes = bytes };
    internal static RespValue FromInteger(long value) => new(RespType.Integer) { Integer = value };
    internal static RespValue FromBoolean(bool value) => new(RespType.Boolean) { Integer = value ? 1 : 0 };
    internal static RespValue FromDouble(double value) => new(RespType.Double) { Double = value };
    internal static RespValue BigNumber(byte[] digits) => new(RespType.BigNumber) { Bytes = digits };
    internal static RespValue Verbatim(string format, byte[] text) => new(RespType.VerbatimString) { Bytes = text, VerbatimFormat = format };
    internal static RespValue Aggregate(RespType type, RespValue[] elements) => new(type) { Elements = elements };

    /// <summary>The payload as UTF-8 text; integers, doubles and booleans in their invariant text form; null for the null reply.</summary>
    public string? AsString() => Type switch
    {
        RespType.Null => null,
        RespType.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RespType.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        RespType.Boolean => Integer != 0 ? "true" : "false",
        _ when Bytes is not null => Encoding.UTF8.GetString(Bytes),
        _ => throw new InvalidCastException($"A {Type} reply has no string form."),
    };

    /// <summary>The payload bytes, or null for the null reply.</summary>
    public byte[]? AsBytes() => Type == RespType.Null ? null : Bytes ?? Encoding.UTF8.GetBytes(AsString()!);

    /// <summary>The reply as a 64-bit integer (integers, booleans, and numeric strings).</summary>
    public long AsInt64() => Type switch
    {
        RespType.Integer or RespType.Boolean => Integer,
        RespType.BulkString or RespType.SimpleString when long.TryParse(Bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new InvalidCastException($"A {Type} reply is not an integer."),
    };

    /// <summary>Throws <see cref="RedisServerException"/> when this is an error reply.</summary>
    public RespValue ThrowIfError() => IsError ? throw new RedisServerException(AsString()!) : this;

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        RespType.Null => "(nil)",
        RespType.Error => $"(error) {AsString()}",
        _ when IsAggregate => $"{Type}[{Elements.Count}]",
        _ => AsString()!,
    };
}
