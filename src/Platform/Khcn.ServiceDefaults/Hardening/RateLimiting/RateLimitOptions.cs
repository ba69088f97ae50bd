using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Khcn.ServiceDefaults.Hardening.RateLimiting;

/// <summary>
/// A token bucket per caller: <see cref="PermitsPerSecond"/> calls a second on average, up to <see cref="Burst"/> at
/// once. Off unless <c>RateLimiting:PermitsPerSecond</c> is set: benchmarks hammer the services as one anonymous caller.
/// </summary>
public sealed record RateLimitOptions(double PermitsPerSecond, int Burst)
{
    public const string PermitsPerSecondKey = "RateLimiting:PermitsPerSecond";
    public const string BurstKey = "RateLimiting:Burst";

    // Below this period the bucket is topped up in bigger steps rather than by a timer firing thousands of times.
    private static readonly TimeSpan ShortestReplenishmentPeriod = TimeSpan.FromMilliseconds(100);

    /// <summary>The configured options, or null when rate limiting is off.</summary>
    public static RateLimitOptions? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var permits = configuration[PermitsPerSecondKey];
        if (string.IsNullOrWhiteSpace(permits))
        {
            return null;
        }

        if (!double.TryParse(permits, NumberStyles.Float, CultureInfo.InvariantCulture, out var permitsPerSecond)
            || !double.IsFinite(permitsPerSecond) || permitsPerSecond <= 0)
        {
            throw new InvalidOperationException($"{PermitsPerSecondKey} must be a positive number; it is '{permits}'.");
        }

        // One second's worth by default, and at least one call.
        var burst = configuration.GetValue(BurstKey, Math.Max(1, (int)Math.Ceiling(permitsPerSecond)));
        return burst > 0
            ? new RateLimitOptions(permitsPerSecond, burst)
            : throw new InvalidOperationException($"{BurstKey} must be a positive number; it is {burst}.");
    }

    /// <summary>
    /// How often the bucket is topped up, and by how many permits: one permit per period for slow rates; for fast ones
    /// as many permits as fill the shortest period, so the average stays exactly <see cref="PermitsPerSecond"/>.
    /// </summary>
    public (TimeSpan Period, int Tokens) Replenishment()
    {
        var onePermit = TimeSpan.FromSeconds(1 / PermitsPerSecond);
        var tokens = Math.Max(1, (int)Math.Ceiling(ShortestReplenishmentPeriod / onePermit));
        return (onePermit * tokens, tokens);
    }
}
