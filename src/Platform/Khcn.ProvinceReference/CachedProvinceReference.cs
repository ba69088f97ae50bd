using Khcn.Caching;
using Khcn.Provinces.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Khcn.ProvinceReference;

/// <summary>
/// The catalog kept in memory, read through the shared cache, refreshed in the background.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The raw catalog (every incarnation in one <see cref="ListProvincesResponse"/>) is stored in
/// <see cref="IKhcnCache"/> under <see cref="CacheKey"/> for <see cref="ProvinceReferenceOptions.RefreshInterval"/>:
/// with Redis, one instance asks Provinces and the others read its copy, at start and at each refresh.</item>
/// <item>At most one load runs at a time: concurrent first callers all wait for it.</item>
/// <item>Once loaded, callers never wait: a catalog older than the interval is still returned while a refresh runs;
/// a failed refresh keeps the old catalog (a warning is logged) and is tried again after a short delay.</item>
/// <item>Without any catalog and without Provinces, callers get UNAVAILABLE (reason PROVINCES_UNAVAILABLE).</item>
/// </list>
/// </remarks>
internal sealed partial class CachedProvinceReference(
    ProvinceCatalogSource source,
    IKhcnCache cache,
    IOptions<ProvinceReferenceOptions> options,
    TimeProvider time,
    ILogger<CachedProvinceReference> logger) : IProvinceReference
{
    /// <summary>Key of the raw catalog in the shared cache; the suffix versions the stored shape.</summary>
    public const string CacheKey = "provinces:catalog:v1";

    // A refresh that failed is retried after this long at most, so a Provinces outage costs one attempt per period.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private volatile Snapshot? _snapshot;
    private Task<Snapshot>? _load;

    /// <summary>The last background refresh started (tests wait for it); it never throws.</summary>
    internal Task? BackgroundRefresh { get; private set; }

    public async ValueTask<ProvinceCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } snapshot)
        {
            if (time.GetUtcNow() >= snapshot.RefreshDue)
            {
                RefreshInBackground();
            }

            return snapshot.Catalog;
        }

        // The shared load is not tied to this caller's token: the other waiting callers still want it.
        var loaded = await StartLoad().WaitAsync(cancellationToken).ConfigureAwait(false);
        return loaded.Catalog;
    }

    /// <summary>The load in flight, or a new one.</summary>
    private Task<Snapshot> StartLoad()
    {
        lock (_gate)
        {
            return _load ??= LoadAsync();
        }
    }

    private async Task<Snapshot> LoadAsync()
    {
        // Leave StartLoad's lock before any work; the finally below takes it again to clear the slot.
        await Task.Yield();
        try
        {
            var interval = options.Value.RefreshInterval;
            var raw = await cache.GetOrCreateAsync(
                CacheKey,
                source.FetchAsync,
                new KhcnCacheEntryOptions(Expiration: interval, LocalExpiration: interval),
                CancellationToken.None).ConfigureAwait(false);
            var catalog = new ProvinceCatalog(raw.Provinces, time);
            var snapshot = new Snapshot(catalog, time.GetUtcNow() + interval);
            _snapshot = snapshot;
            LogLoaded(catalog.Count, catalog.Codes.Count);
            return snapshot;
        }
        finally
        {
            lock (_gate)
            {
                _load = null;
            }
        }
    }

    private void RefreshInBackground()
    {
        lock (_gate)
        {
            if (_load is null)
            {
                _load = LoadAsync();
                BackgroundRefresh = ObserveRefreshAsync(_load);
            }
        }
    }

    private async Task ObserveRefreshAsync(Task<Snapshot> refresh)
    {
        try
        {
            await refresh.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Province codes change by law a few times a decade: an old catalog is far better than failing requests.
            // Try again after a short delay rather than on every call while Provinces is down.
            if (_snapshot is { } stale)
            {
                var interval = options.Value.RefreshInterval;
                var retryDelay = interval < MaxRetryDelay ? interval : MaxRetryDelay;
                Interlocked.CompareExchange(ref _snapshot, stale with { RefreshDue = time.GetUtcNow() + retryDelay }, stale);
            }

            LogRefreshFailed(e, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Province catalog loaded: {Incarnations} incarnations of {Codes} codes.")]
    private partial void LogLoaded(int incarnations, int codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the province catalog failed; the catalog loaded earlier is still used. {Reason}")]
    private partial void LogRefreshFailed(Exception exception, string reason);

    /// <summary>A loaded catalog and when to read it again.</summary>
    private sealed record Snapshot(ProvinceCatalog Catalog, DateTimeOffset RefreshDue);
}
