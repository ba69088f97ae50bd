namespace Khcn.Caching.Idempotency;

/// <summary>
/// Records of request_id idempotency keys: the first request with an id reserves it, runs, and stores its
/// response; a retry with the same id gets that response instead of running again, and a concurrent duplicate
/// learns the first one is still in progress.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves <paramref name="requestId"/> for this caller, or reports who holds it.</summary>
    ValueTask<IdempotencyReservation> TryReserveAsync(string requestId, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Stores the response of a reserved request for retries to replay.</summary>
    ValueTask CompleteAsync(string requestId, ReadOnlyMemory<byte> response, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Gives up a reservation (the request failed), so a retry can run.</summary>
    ValueTask ReleaseAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The record of <paramref name="requestId"/>, or null when there is none.</summary>
    ValueTask<IdempotencyReservation?> GetAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>State of an idempotency record.</summary>
public enum IdempotencyState
{
    /// <summary>The caller now holds the id and must complete or release it.</summary>
    Reserved,

    /// <summary>Another request with this id is running.</summary>
    InProgress,

    /// <summary>A request with this id finished; <see cref="IdempotencyReservation.Response"/> holds its response.</summary>
    Completed,
}

/// <summary>The outcome of a reservation or lookup.</summary>
/// <param name="State">What the record says.</param>
/// <param name="Response">The stored response when <see cref="IdempotencyState.Completed"/>.</param>
public sealed record IdempotencyReservation(IdempotencyState State, ReadOnlyMemory<byte> Response = default);
