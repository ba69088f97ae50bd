using System.Buffers;

namespace Grpc.Core;

/// <summary>
/// Provided to a contextual serializer. A serializer either calls <see cref="Complete(byte[])"/> once,
/// or writes to <see cref="GetBufferWriter"/> and then calls <see cref="Complete()"/>.
/// Transports override the members they support.
/// </summary>
public abstract class SerializationContext
{
    /// <summary>Completes serialization with a single byte array holding the whole payload.</summary>
    public virtual void Complete(byte[] payload) => throw new NotImplementedException();

    /// <summary>Buffer writer the payload can be written to incrementally.</summary>
    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotImplementedException();

    /// <summary>Optional hint: the exact payload length, so the transport can size its buffers up front.</summary>
    public virtual void SetPayloadLength(int payloadLength) => throw new NotImplementedException();

    /// <summary>Completes serialization written through <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete() => throw new NotImplementedException();
}
