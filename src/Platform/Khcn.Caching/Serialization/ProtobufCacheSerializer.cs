using System.Buffers;
using Google.Protobuf;

namespace Khcn.Caching.Serialization;

/// <summary>Protocol Buffers binary format for generated messages: compact, and what the services already speak.</summary>
public sealed class ProtobufCacheSerializer<T> : ICacheSerializer<T> where T : IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());

    /// <inheritdoc />
    public void Serialize(T value, IBufferWriter<byte> target) => value.WriteTo(target);

    /// <inheritdoc />
    public T Deserialize(ReadOnlySequence<byte> source) => Parser.ParseFrom(source);
}
