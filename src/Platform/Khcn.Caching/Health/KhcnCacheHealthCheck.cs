using Khcn.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Caching.Health;

/// <summary>
/// Healthy with the in-memory cache or a reachable Redis; Degraded — never Unhealthy — when Redis is
/// configured but unreachable, because the service keeps serving from its database meanwhile.
/// </summary>
public sealed class KhcnCacheHealthCheck(IRedisClient? client = null) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            return HealthCheckResult.Healthy("In-memory cache (no Redis configured).");
        }
        if (!client.IsConnected)
        {
            return HealthCheckResult.Degraded($"Redis at {client.Options} is unreachable; serving without the shared cache.");
        }
        try
        {
            var latency = await client.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis at {client.Options} answers in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception ex) when (ex is RedisConnectionException or TimeoutException)
        {
            return HealthCheckResult.Degraded($"Redis at {client.Options} does not answer; serving without the shared cache.", ex);
        }
    }
}
