using System.Threading.RateLimiting;

namespace Khcn.ServiceDefaults.Hardening.RateLimiting;

/// <summary>
/// One token bucket per caller (see <see cref="CallerPartitionKey"/>), for the life of the service. Buckets of callers
/// that went quiet are dropped by the partitioned limiter itself.
/// </summary>
internal sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _period;

    public CallerRateLimiter(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (period, tokens) = options.Replenishment();
        _period = period;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            // Refuse at once: a queued call would hold its stream and memory while the caller keeps sending more.
            QueueLimit = 0,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(
            caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => bucket));
    }

    /// <summary>Takes one permit for <paramref name="caller"/>; null when granted, else how long to wait before retrying.</summary>
    public TimeSpan? TryAcquire(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : _period;
    }

    public void Dispose() => _limiter.Dispose();
}
