using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Caching.Serialization;

/// <summary>
/// Picks the serializer of a type: one registered in DI as <see cref="ICacheSerializer{T}"/>, else
/// Protocol Buffers for generated messages, else JSON.
/// </summary>
public sealed class CacheSerializers(IServiceProvider? services = null)
{
    private readonly ConcurrentDictionary<Type, object> _byType = new();

    /// <summary>The serializer for <typeparamref name="T"/>.</summary>
    public ICacheSerializer<T> For<T>() => (ICacheSerializer<T>)_byType.GetOrAdd(typeof(T), static (_, self) => self.Create<T>(), this);

    private object Create<T>()
    {
        if (services?.GetService<ICacheSerializer<T>>() is { } registered)
        {
            return registered;
        }
        if (typeof(IMessage).IsAssignableFrom(typeof(T)) && typeof(T).GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance(typeof(ProtobufCacheSerializer<>).MakeGenericType(typeof(T)))!;
        }
        return new JsonCacheSerializer<T>();
    }
}
