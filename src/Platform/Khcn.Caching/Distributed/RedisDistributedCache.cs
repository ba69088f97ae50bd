using System.Buffers.Binary;
using Khcn.Caching.Internal;
using Khcn.Redis;
using Microsoft.Extensions.Caching.Distributed;

namespace Khcn.Caching.Distributed;

/// <summary>
/// <see cref="IDistributedCache"/> on Khcn.Redis. Each entry is one string key holding a small header
/// (absolute expiry, sliding window) and the value; Redis' own TTL enforces both expirations, and reads of
/// sliding entries push the TTL forward. Unlike <see cref="IKhcnCache"/>, failures surface as exceptions,
/// as callers of this interface expect.
/// </summary>
public sealed class RedisDistributedCache : IDistributedCache
{
    private const int HeaderLength = 16; // absolute expiry (Unix ms, 0 = none) + sliding window (ms, 0 = none)
    private readonly IRedisClient _client;
    private readonly CacheKeys _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates the cache over <paramref name="client"/>.</summary>
    public RedisDistributedCache(IRedisClient client, KhcnCacheOptions options, TimeProvider? time = null)
    {
        _client = client;
        _keys = new CacheKeys(options);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var redisKey = _keys.Distributed(key);
        var stored = await _client.GetAsync(redisKey, token).ConfigureAwait(false);
        if (stored is null || stored.Length < HeaderLength)
        {
            return null;
        }
        await SlideAsync(redisKey, stored, token).ConfigureAwait(false);
        return stored[HeaderLength..];
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        DateTimeOffset? absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), absolute, "The absolute expiration must be in the future.");
        }
        var sliding = options.SlidingExpiration;
        var entry = new byte[HeaderLength + value.Length];
        BinaryPrimitives.WriteInt64LittleEndian(entry, absolute?.ToUnixTimeMilliseconds() ?? 0);
        BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(8), (long)(sliding?.TotalMilliseconds ?? 0));
        value.CopyTo(entry, HeaderLength);
        await _client.SetAsync(_keys.Distributed(key), entry, TimeToLive(now, absolute, sliding), cancellationToken: token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        var redisKey = _keys.Distributed(key);
        var stored = await _client.GetAsync(redisKey, token).ConfigureAwait(false);
        if (stored is { Length: >= HeaderLength })
        {
            await SlideAsync(redisKey, stored, token).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) => _client.UnlinkAsync([_keys.Distributed(key)], token);

    private async Task SlideAsync(string redisKey, byte[] stored, CancellationToken token)
    {
        var slidingMs = BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(8));
        if (slidingMs <= 0)
        {
            return;
        }
        var absoluteMs = BinaryPrimitives.ReadInt64LittleEndian(stored);
        var now = _time.GetUtcNow();
        DateTimeOffset? absolute = absoluteMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(absoluteMs) : null;
        if (TimeToLive(now, absolute, TimeSpan.FromMilliseconds(slidingMs)) is { } ttl && ttl > TimeSpan.Zero)
        {
            await _client.ExpireAsync(redisKey, ttl, token).ConfigureAwait(false);
        }
    }

    private static TimeSpan? TimeToLive(DateTimeOffset now, DateTimeOffset? absolute, TimeSpan? sliding)
    {
        TimeSpan? untilAbsolute = absolute - now;
        return (untilAbsolute, sliding) switch
        {
            ({ } a, { } s) => a < s ? a : s,
            ({ } a, null) => a,
            (null, { } s) => s,
            _ => null,
        };
    }
}
