using System.Buffers;
using Google.Protobuf;

namespace Khcn.Caching.Serialization;

/// <summary>Protocol Buffers binary format for generated messages: compact, and what the services already speak.</summary>
/// <remarks>
/// Goes through byte arrays (CodedOutputStream/CodedInputStream), not the buffer-writer API: that API needs every
/// nested message to carry the newer generated code, and google.type.Date from Google.Api.CommonProtos 2.0.0 (the
/// only version the registry serves) predates it, so any message holding a date would fail to cache.
/// </remarks>
public sealed class ProtobufCacheSerializer<T> : ICacheSerializer<T> where T : IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());

    /// <inheritdoc />
    public void Serialize(T value, IBufferWriter<byte> target) => target.Write(value.ToByteArray());

    /// <inheritdoc />
    public T Deserialize(ReadOnlySequence<byte> source) => Parser.ParseFrom(source.ToArray());
}
