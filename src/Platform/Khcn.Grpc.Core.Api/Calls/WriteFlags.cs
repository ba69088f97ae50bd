namespace Grpc.Core;

[Flags]
public enum WriteFlags
{
    /// <summary>Hint that the write may be buffered and need not go out on the wire immediately.</summary>
    BufferHint = 0x1,

    /// <summary>Forces this message to be sent uncompressed.</summary>
    NoCompress = 0x2,
}
