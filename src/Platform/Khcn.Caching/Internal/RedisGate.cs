using System.Diagnostics;
using Khcn.Redis;
using Khcn.Redis.Protocol;

namespace Khcn.Caching.Internal;

/// <summary>
/// Decides whether a request may use Redis: not while the client is disconnected, and not for
/// <see cref="KhcnCacheOptions.BreakDuration"/> after Redis was too slow — otherwise every request
/// would wait the full timeout before falling back to the database.
/// </summary>
internal sealed class RedisGate(IRedisClient client, KhcnCacheOptions options)
{
    private long _closedUntil;

    public IRedisClient Client => client;

    public bool IsOpen => client.IsConnected && Stopwatch.GetTimestamp() >= Volatile.Read(ref _closedUntil);

    /// <summary>Runs a Redis operation with the cache's time limit; returns false (never throws) when Redis failed.</summary>
    public async ValueTask<(bool Succeeded, T Result)> TryAsync<T>(Func<IRedisClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            return (false, default!);
        }
        try
        {
            var result = await operation(client).WaitAsync(options.RedisOperationTimeout, cancellationToken).ConfigureAwait(false);
            return (true, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the caller gave up: that is not a cache failure
        }
        catch (Exception ex) when (IsCacheFailure(ex))
        {
            if (ex is TimeoutException)
            {
                Volatile.Write(ref _closedUntil, Stopwatch.GetTimestamp() + (long)(options.BreakDuration.TotalSeconds * Stopwatch.Frequency));
            }
            CacheMetrics.RecordError(ex);
            return (false, default!);
        }
    }

    private static bool IsCacheFailure(Exception ex) =>
        ex is RedisConnectionException or TimeoutException or RedisServerException or RespProtocolException or OperationCanceledException;
}
