namespace Khcn.Caching.Idempotency;

/// <summary>Idempotency records in process memory: the store without Redis, and the fallback while Redis is down.</summary>
public sealed class InMemoryIdempotencyStore(TimeProvider? time = null) : IIdempotencyStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (IdempotencyReservation Record, DateTimeOffset ExpiresAt)> _records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<IdempotencyReservation> TryReserveAsync(string requestId, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (TryGetLive(requestId, out var existing))
            {
                return ValueTask.FromResult(existing.State == IdempotencyState.Reserved ? existing with { State = IdempotencyState.InProgress } : existing);
            }
            var reserved = new IdempotencyReservation(IdempotencyState.Reserved);
            _records[requestId] = (reserved, _time.GetUtcNow() + timeToLive);
            PruneExpired();
            return ValueTask.FromResult(reserved);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string requestId, ReadOnlyMemory<byte> response, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _records[requestId] = (new IdempotencyReservation(IdempotencyState.Completed, response.ToArray()), _time.GetUtcNow() + timeToLive);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string requestId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_records.TryGetValue(requestId, out var entry) && entry.Record.State == IdempotencyState.Reserved)
            {
                _records.Remove(requestId);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IdempotencyReservation?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IdempotencyReservation?>(TryGetLive(requestId, out var record)
                ? record.State == IdempotencyState.Reserved ? record with { State = IdempotencyState.InProgress } : record
                : null);
        }
    }

    private bool TryGetLive(string requestId, out IdempotencyReservation record)
    {
        if (_records.TryGetValue(requestId, out var entry) && entry.ExpiresAt > _time.GetUtcNow())
        {
            record = entry.Record;
            return true;
        }
        record = null!;
        return false;
    }

    private void PruneExpired()
    {
        if (_records.Count % 1024 != 0) return; // amortized: a full sweep every 1024 reservations
        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _records)
        {
            if (entry.ExpiresAt <= now) _records.Remove(key);
        }
    }
}
