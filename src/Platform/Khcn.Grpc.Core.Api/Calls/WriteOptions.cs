namespace Grpc.Core;

/// <summary>Options for a single message write.</summary>
public class WriteOptions(WriteFlags flags = default)
{
    public static readonly WriteOptions Default = new();

    public WriteFlags Flags { get; } = flags;
}
