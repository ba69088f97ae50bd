namespace Khcn.Caching;

/// <summary>Settings shared by every cache entry of a service.</summary>
public sealed class KhcnCacheOptions
{
    /// <summary>First segment of every Redis key, so the suite's keys never collide with anything else on the server.</summary>
    public string KeyPrefix { get; set; } = "khcn";

    /// <summary>
    /// Version segment of every key. Bump it when the cached representation changes: old entries are then
    /// simply never read again and expire by TTL, so old and new instances can run side by side.
    /// </summary>
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Time to live of an entry in Redis (and in memory when Redis is not configured).</summary>
    public TimeSpan DefaultExpiration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest time an entry stays in the in-process first level. Invalidations normally remove it at once;
    /// this bounds staleness if an invalidation message is lost.
    /// </summary>
    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most entries the first level keeps.</summary>
    public long LocalSizeLimit { get; set; } = 10_000;

    /// <summary>Longest wait for Redis within a request; after it the request goes to the database instead.</summary>
    public TimeSpan RedisOperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long Redis is bypassed after it timed out, so requests do not each wait for it.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pub/sub channel on which instances tell each other which keys changed.</summary>
    public string InvalidationChannel { get; set; } = "khcn:cache:invalidate";

    /// <summary>Identifies this process in invalidation messages, so it ignores its own.</summary>
    public string InstanceId { get; set; } = Guid.NewGuid().ToString("N");
}
