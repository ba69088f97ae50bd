namespace Khcn.Caching;

/// <summary>
/// The suite's cache-aside cache: an in-process first level in front of Redis (or memory alone when
/// no Redis is configured). No method throws because the cache failed: when Redis is unreachable or
/// slow, reads go to the factory (the database) and writes are retried as invalidations later.
/// </summary>
public interface IKhcnCache
{
    /// <summary>
    /// Returns the cached value of <paramref name="key"/>, or runs <paramref name="factory"/> once — however
    /// many callers miss concurrently in this process — and caches its result.
    /// Exceptions of the factory reach every waiting caller and nothing is cached.
    /// </summary>
    ValueTask<T> GetOrCreateAsync<T>(
        string key, Func<CancellationToken, ValueTask<T>> factory, KhcnCacheEntryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a value (after a write that produced it) and drops older copies on every instance.</summary>
    ValueTask SetAsync<T>(string key, T value, KhcnCacheEntryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry everywhere: Redis and every instance's first level. Call after writes that change it.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}
