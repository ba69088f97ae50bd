using System.Buffers;
using System.Text.Json;

namespace Khcn.Caching.Serialization;

/// <summary>System.Text.Json for plain .NET types.</summary>
public sealed class JsonCacheSerializer<T>(JsonSerializerOptions? options = null) : ICacheSerializer<T>
{
    private readonly JsonSerializerOptions _options = options ?? JsonSerializerOptions.Web;

    /// <inheritdoc />
    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, _options);
    }

    /// <inheritdoc />
    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<T>(ref reader, _options)!;
    }
}
