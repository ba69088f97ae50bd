namespace Khcn.Redis.Protocol;

/// <summary>The kind of a reply value. RESP2 replies use only the first six kinds.</summary>
public enum RespType
{
    /// <summary><c>+OK</c>: a short, non binary-safe string.</summary>
    SimpleString,
    /// <summary><c>-ERR ...</c> or RESP3 <c>!</c>: an error reply.</summary>
    Error,
    /// <summary><c>:42</c>: a signed 64-bit integer.</summary>
    Integer,
    /// <summary><c>$3\r\nfoo</c>: a binary-safe string.</summary>
    BulkString,
    /// <summary><c>*N</c>: an ordered collection.</summary>
    Array,
    /// <summary>RESP2 <c>$-1</c>/<c>*-1</c> or RESP3 <c>_</c>.</summary>
    Null,
    /// <summary>RESP3 <c>#t</c>/<c>#f</c>.</summary>
    Boolean,
    /// <summary>RESP3 <c>,1.5</c> (also <c>inf</c>, <c>-inf</c>, <c>nan</c>).</summary>
    Double,
    /// <summary>RESP3 <c>(</c>: an integer outside the 64-bit range, kept as text.</summary>
    BigNumber,
    /// <summary>RESP3 <c>=</c>: a bulk string with a three-letter format such as <c>txt</c>.</summary>
    VerbatimString,
    /// <summary>RESP3 <c>%N</c>: N key/value pairs, stored as 2N elements.</summary>
    Map,
    /// <summary>RESP3 <c>~N</c>: an unordered collection.</summary>
    Set,
    /// <summary>RESP3 <c>&gt;N</c>: out-of-band data (pub/sub messages, invalidations).</summary>
    Push,
}
