namespace Grpc.Net.Client.Retries;

/// <summary>
/// Exponential backoff with full jitter from gRFC A6: retry n waits random(0, bound) where the bound starts at
/// InitialBackoff and grows by BackoffMultiplier up to MaxBackoff. A server pushback replaces the random delay
/// and resets the bound to InitialBackoff.
/// </summary>
internal struct RetryBackoff(EffectiveRetryPolicy policy)
{
    private double _boundTicks = policy.InitialBackoff.Ticks;

    /// <summary>The delay before the next attempt. <paramref name="pushback"/> is the server's grpc-retry-pushback-ms, if any.</summary>
    public TimeSpan NextDelay(TimeSpan? pushback)
    {
        if (pushback is { } serverDelay)
        {
            _boundTicks = policy.InitialBackoff.Ticks;
            return serverDelay;
        }

        var delay = TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * _boundTicks));
        _boundTicks = Math.Min(_boundTicks * policy.BackoffMultiplier, policy.MaxBackoff.Ticks);
        return delay;
    }
}
