using System.Buffers;

namespace Khcn.Caching.Serialization;

/// <summary>Turns cached values into bytes and back.</summary>
public interface ICacheSerializer<T>
{
    /// <summary>Writes <paramref name="value"/>.</summary>
    void Serialize(T value, IBufferWriter<byte> target);

    /// <summary>Reads a value written by <see cref="Serialize"/>.</summary>
    T Deserialize(ReadOnlySequence<byte> source);
}
