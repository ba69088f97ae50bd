using Khcn.Redis;
using Khcn.Redis.Protocol;

namespace Khcn.Caching.Idempotency;

/// <summary>
/// Redis records while Redis answers, process memory while it does not, so a request never fails because
/// Redis is down. During an outage duplicates are caught per instance only; the services' database
/// constraints remain the last line of defence.
/// </summary>
public sealed class ResilientIdempotencyStore(RedisIdempotencyStore redis, InMemoryIdempotencyStore fallback, IRedisClient client) : IIdempotencyStore
{
    /// <inheritdoc />
    public ValueTask<IdempotencyReservation> TryReserveAsync(string requestId, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        TryRedisAsync(s => s.TryReserveAsync(requestId, timeToLive, cancellationToken));

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string requestId, ReadOnlyMemory<byte> response, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        // Written to both: the reservation may have been taken in either.
        await fallback.CompleteAsync(requestId, response, timeToLive, cancellationToken).ConfigureAwait(false);
        await TryRedisAsync(s => s.CompleteAsync(requestId, response, timeToLive, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await fallback.ReleaseAsync(requestId, cancellationToken).ConfigureAwait(false);
        await TryRedisAsync(s => s.ReleaseAsync(requestId, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyReservation?> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        await TryRedisAsync(s => s.GetAsync(requestId, cancellationToken)).ConfigureAwait(false)
        ?? await fallback.GetAsync(requestId, cancellationToken).ConfigureAwait(false);

    private ValueTask<bool> TryRedisAsync(Func<IIdempotencyStore, ValueTask> operation) =>
        TryRedisAsync(async store =>
        {
            await operation(store).ConfigureAwait(false);
            return true;
        });

    private async ValueTask<T> TryRedisAsync<T>(Func<IIdempotencyStore, ValueTask<T>> operation)
    {
        if (client.IsConnected)
        {
            try
            {
                return await operation(redis).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisConnectionException or TimeoutException or RespProtocolException)
            {
                // Fall through to memory.
            }
        }
        return await operation(fallback).ConfigureAwait(false);
    }
}
