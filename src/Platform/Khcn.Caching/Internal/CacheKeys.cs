namespace Khcn.Caching.Internal;

/// <summary>The one place Redis key names are built: <c>{prefix}:v{schema}:{area}:{key}</c>.</summary>
internal sealed class CacheKeys(KhcnCacheOptions options)
{
    private readonly string _root = $"{options.KeyPrefix}:v{options.SchemaVersion}:";

    /// <summary>A cache entry of <see cref="IKhcnCache"/>.</summary>
    public string Entry(string key) => _root + "c:" + key;

    /// <summary>An <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> entry.</summary>
    public string Distributed(string key) => _root + "dc:" + key;

    /// <summary>An idempotency record.</summary>
    public string Idempotency(string requestId) => _root + "idem:" + requestId;
}
