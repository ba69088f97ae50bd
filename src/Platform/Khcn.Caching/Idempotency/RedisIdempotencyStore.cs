using Khcn.Caching.Internal;
using Khcn.Redis;

namespace Khcn.Caching.Idempotency;

/// <summary>
/// Idempotency records in Redis, shared by all instances. A reservation is <c>SET key P NX PX ttl</c>, so exactly
/// one request wins; completion overwrites it with <c>C</c> followed by the response. Failures throw; see
/// <see cref="ResilientIdempotencyStore"/> for the variant that falls back to memory.
/// </summary>
public sealed class RedisIdempotencyStore(IRedisClient client, KhcnCacheOptions options) : IIdempotencyStore
{
    private const byte InProgressMarker = (byte)'P';
    private const byte CompletedMarker = (byte)'C';
    private readonly CacheKeys _keys = new(options);

    /// <inheritdoc />
    public async ValueTask<IdempotencyReservation> TryReserveAsync(string requestId, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var key = _keys.Idempotency(requestId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await client.SetAsync(key, new[] { InProgressMarker }, timeToLive, SetCondition.NotExists, cancellationToken).ConfigureAwait(false))
            {
                return new IdempotencyReservation(IdempotencyState.Reserved);
            }
            if (Parse(await client.GetAsync(key, cancellationToken).ConfigureAwait(false)) is { } existing)
            {
                return existing;
            }
            // The record expired between SET NX and GET: try to reserve again.
        }
        return new IdempotencyReservation(IdempotencyState.InProgress);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string requestId, ReadOnlyMemory<byte> response, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var record = new byte[1 + response.Length];
        record[0] = CompletedMarker;
        response.Span.CopyTo(record.AsSpan(1));
        await client.SetAsync(_keys.Idempotency(requestId), record, timeToLive, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var key = _keys.Idempotency(requestId);
        // Only an unfinished reservation may be released; a completed record must stay for retries.
        var current = await client.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (current is [InProgressMarker])
        {
            await client.UnlinkAsync([key], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyReservation?> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        Parse(await client.GetAsync(_keys.Idempotency(requestId), cancellationToken).ConfigureAwait(false));

    private static IdempotencyReservation? Parse(byte[]? record) => record switch
    {
        null or [] => null,
        [CompletedMarker, ..] => new IdempotencyReservation(IdempotencyState.Completed, record.AsMemory(1)),
        _ => new IdempotencyReservation(IdempotencyState.InProgress),
    };
}
