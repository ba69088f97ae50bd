namespace Khcn.Redis;

/// <summary>The RESP version a connection speaks.</summary>
public enum RedisProtocol
{
    /// <summary>RESP2: the protocol every Redis version understands.</summary>
    Resp2 = 2,

    /// <summary>RESP3, negotiated with <c>HELLO 3</c>; falls back to RESP2 on servers that lack it.</summary>
    Resp3 = 3,
}
