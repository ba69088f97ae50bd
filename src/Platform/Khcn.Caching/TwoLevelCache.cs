using System.Buffers;
using System.Diagnostics;
using Khcn.Caching.Internal;
using Khcn.Caching.Invalidation;
using Khcn.Caching.Serialization;
using Khcn.Redis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Khcn.Caching;

/// <summary>
/// <see cref="IKhcnCache"/> with an in-process first level (serialized bytes in a <see cref="MemoryCache"/>, so
/// callers never share mutable instances) in front of Redis. Without Redis the first level is the whole cache.
/// With Redis, the first level is used only while Redis is reachable, because only then do invalidations from
/// other instances arrive; otherwise requests read Redis-less straight from the factory.
/// </summary>
public sealed class TwoLevelCache : IKhcnCache, IAsyncDisposable
{
    private readonly KhcnCacheOptions _options;
    private readonly CacheKeys _keys;
    private readonly CacheSerializers _serializers;
    private readonly ILogger _logger;
    private readonly RedisGate? _redis;
    private readonly CacheInvalidationBus? _bus;
    private readonly SingleFlight _flights = new();
    private readonly RecentInvalidations _recentInvalidations = new();
    private readonly MemoryCache _local;

    /// <summary>Creates the cache; <paramref name="redis"/> null means memory only.</summary>
    public TwoLevelCache(KhcnCacheOptions options, IRedisClient? redis, CacheSerializers? serializers = null, ILogger<TwoLevelCache>? logger = null)
    {
        _options = options;
        _keys = new CacheKeys(options);
        _serializers = serializers ?? new CacheSerializers();
        _logger = logger ?? NullLogger<TwoLevelCache>.Instance;
        _local = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.LocalSizeLimit });
        if (redis is not null)
        {
            _redis = new RedisGate(redis, options);
            _bus = new CacheInvalidationBus(_redis, options, _keys.Entry("*"), DropLocal, DropAllLocal, _logger);
            _bus.RemoteInvalidation += key => RemoteInvalidation?.Invoke(key);
        }
    }

    /// <summary>Raised when another instance's invalidation removed a local entry (full Redis key).</summary>
    public event Action<string>? RemoteInvalidation;

    /// <summary>True when Redis is configured.</summary>
    public bool IsDistributed => _redis is not null;

    /// <summary>True when Redis is configured and currently used.</summary>
    public bool IsRedisAvailable => _redis?.IsOpen ?? false;

    // Only while invalidations can arrive (Redis up, subscriber connected) is a local copy known to be current.
    private bool LocalUsable => _redis is null || (_redis.IsOpen && _redis.Client.IsSubscriberConnected);

    /// <inheritdoc />
    public async ValueTask<T> GetOrCreateAsync<T>(
        string key, Func<CancellationToken, ValueTask<T>> factory, KhcnCacheEntryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        var start = Stopwatch.GetTimestamp();
        var fullKey = _keys.Entry(key);
        var serializer = _serializers.For<T>();
        if (LocalUsable && _local.TryGetValue(fullKey, out byte[]? cached) && TryDeserialize(serializer, cached!, out var local))
        {
            CacheMetrics.RecordHit("local", start);
            return local;
        }
        // The shared work is not tied to the first caller's token: other callers may still want its result.
        var payload = await _flights.RunAsync(fullKey, () => LoadAsync(fullKey, factory, serializer, options, start))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (TryDeserialize(serializer, payload, out var value))
        {
            return value;
        }
        // An entry Redis holds in an older or corrupt form: drop it everywhere and compute afresh.
        await RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return await factory(cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> LoadAsync<T>(
        string fullKey, Func<CancellationToken, ValueTask<T>> factory, ICacheSerializer<T> serializer, KhcnCacheEntryOptions? options, long start)
    {
        if (_redis is not null)
        {
            var lookupStarted = Stopwatch.GetTimestamp();
            var (ok, stored) = await _redis.TryAsync(c => c.GetAsync(fullKey), CancellationToken.None).ConfigureAwait(false);
            if (ok && stored is not null)
            {
                if (!_recentInvalidations.InvalidatedSince(fullKey, lookupStarted))
                {
                    SetLocal(fullKey, stored, options);
                }
                CacheMetrics.RecordHit("redis", start);
                return stored;
            }
        }
        var fillStarted = Stopwatch.GetTimestamp();
        var value = await factory(CancellationToken.None).ConfigureAwait(false);
        var payload = Serialize(serializer, value);
        CacheMetrics.RecordMiss(start);
        if (_recentInvalidations.InvalidatedSince(fullKey, fillStarted))
        {
            return payload; // a write happened while we read: our value may predate it, so do not cache it
        }
        if (_redis is not null)
        {
            await _redis.TryAsync(c => c.SetAsync(fullKey, payload, Expiration(options)), CancellationToken.None).ConfigureAwait(false);
        }
        if (!_recentInvalidations.InvalidatedSince(fullKey, fillStarted))
        {
            SetLocal(fullKey, payload, options);
        }
        return payload;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync<T>(string key, T value, KhcnCacheEntryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fullKey = _keys.Entry(key);
        var payload = Serialize(_serializers.For<T>(), value);
        _recentInvalidations.Record(fullKey);
        if (_redis is null)
        {
            SetLocal(fullKey, payload, options);
            return;
        }
        var (stored, _) = await _redis.TryAsync(c => c.SetAsync(fullKey, payload, Expiration(options)), cancellationToken).ConfigureAwait(false);
        if (stored)
        {
            SetLocal(fullKey, payload, options);
            await _bus!.AnnounceAsync(fullKey, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            DropLocal(fullKey);
            _bus!.Remember(fullKey); // Redis may still hold the old value: delete it when Redis is back
        }
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fullKey = _keys.Entry(key);
        DropLocal(fullKey); // records the invalidation too
        if (_bus is not null)
        {
            await _bus.InvalidateAsync(fullKey, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Expiration(KhcnCacheEntryOptions? options) => options?.Expiration ?? _options.DefaultExpiration;

    private void SetLocal(string fullKey, byte[] payload, KhcnCacheEntryOptions? options)
    {
        var expiration = Expiration(options);
        if (_redis is not null)
        {
            var localExpiration = options?.LocalExpiration ?? _options.LocalExpiration;
            expiration = localExpiration < expiration ? localExpiration : expiration;
        }
        _local.Set(fullKey, payload, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = expiration, Size = 1 });
    }

    private void DropLocal(string fullKey)
    {
        _recentInvalidations.Record(fullKey);
        _local.Remove(fullKey);
    }

    private void DropAllLocal()
    {
        _local.Compact(1.0);
    }

    private static byte[] Serialize<T>(ICacheSerializer<T> serializer, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private bool TryDeserialize<T>(ICacheSerializer<T> serializer, byte[] payload, out T value)
    {
        try
        {
            value = serializer.Deserialize(new ReadOnlySequence<byte>(payload));
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A cached {Type} could not be read; recomputing it.", typeof(T).Name);
            value = default!;
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync().ConfigureAwait(false);
        }
        _local.Dispose();
    }
}
