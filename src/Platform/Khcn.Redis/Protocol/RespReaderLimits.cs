namespace Khcn.Redis.Protocol;

/// <summary>
/// Bounds on what the reply parser accepts, so a broken or hostile server cannot make the client
/// allocate without limit or recurse without end.
/// </summary>
public sealed record RespReaderLimits
{
    /// <summary>Default limits: 512 MiB bulk strings (Redis' own proto-max-bulk-len), 16 M elements, depth 64.</summary>
    public static RespReaderLimits Default { get; } = new();

    /// <summary>Largest accepted bulk string, bulk error or verbatim string, in bytes.</summary>
    public long MaxBulkLength { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest accepted element count of one array, set or push (a map counts its pairs twice).</summary>
    public long MaxAggregateLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest accepted nesting of aggregates.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Longest accepted header or simple value line, CRLF excluded.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;
}
