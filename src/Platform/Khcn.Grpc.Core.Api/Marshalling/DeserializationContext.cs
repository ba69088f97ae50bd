using System.Buffers;

namespace Grpc.Core;

/// <summary>Provided to a contextual deserializer; gives access to the payload of one message.</summary>
public abstract class DeserializationContext
{
    /// <summary>Length of the payload in bytes.</summary>
    public abstract int PayloadLength { get; }

    /// <summary>Copies the payload into a new array (the caller owns it).</summary>
    public virtual byte[] PayloadAsNewBuffer() => throw new NotImplementedException();

    /// <summary>Payload without copying; only valid during the deserializer call.</summary>
    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotImplementedException();
}
