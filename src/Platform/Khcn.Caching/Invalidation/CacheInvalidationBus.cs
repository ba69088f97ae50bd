using System.Collections.Concurrent;
using Khcn.Caching.Internal;
using Khcn.Redis;
using Microsoft.Extensions.Logging;

namespace Khcn.Caching.Invalidation;

/// <summary>
/// Keeps the first levels of all instances coherent: a changed key is published on a pub/sub channel and
/// every other instance drops its local copy. Invalidations that could not reach Redis are remembered and
/// replayed when it returns; if too many piled up, every cache entry is dropped instead. After either
/// connection comes back the local level is cleared, because messages sent meanwhile were missed.
/// </summary>
internal sealed class CacheInvalidationBus : IAsyncDisposable
{
    private const int MaxPending = 10_000;
    private readonly RedisGate _gate;
    private readonly KhcnCacheOptions _options;
    private readonly string _entryPattern;
    private readonly Action<string> _dropLocal;
    private readonly Action _dropAllLocal;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly Task<IAsyncDisposable> _subscription;
    private int _overflowed;

    public CacheInvalidationBus(
        RedisGate gate, KhcnCacheOptions options, string entryPattern, Action<string> dropLocal, Action dropAllLocal, ILogger logger)
    {
        _gate = gate;
        _options = options;
        _entryPattern = entryPattern;
        _dropLocal = dropLocal;
        _dropAllLocal = dropAllLocal;
        _logger = logger;
        gate.Client.Connected += OnReconnected;
        gate.Client.SubscriptionsRestored += OnSubscriptionsRestored;
        _subscription = gate.Client.SubscribeAsync(options.InvalidationChannel, OnMessage);
    }

    /// <summary>Raised after a message from another instance dropped a local entry (for tests and diagnostics).</summary>
    public event Action<string>? RemoteInvalidation;

    /// <summary>Deletes the key in Redis and tells the other instances; remembers it for later if Redis is unreachable.</summary>
    public async ValueTask InvalidateAsync(string key, CancellationToken cancellationToken)
    {
        var (deleted, _) = await _gate.TryAsync(c => c.UnlinkAsync([key]), cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            await AnnounceAsync(key, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Remember(key);
        }
    }

    /// <summary>Tells the other instances that the key's value changed (the new value is already in Redis).</summary>
    public async ValueTask AnnounceAsync(string key, CancellationToken cancellationToken)
    {
        var (published, _) = await _gate.TryAsync(c => c.PublishAsync(_options.InvalidationChannel, Message(key)), cancellationToken).ConfigureAwait(false);
        if (!published)
        {
            Remember(key);
        }
    }

    /// <summary>Remembers a key whose copy in Redis may be stale, to delete it once Redis is back.</summary>
    public void Remember(string key)
    {
        if (_pending.Count >= MaxPending)
        {
            Volatile.Write(ref _overflowed, 1);
            return;
        }
        _pending.TryAdd(key, 0);
    }

    private string Message(string key) => $"{_options.InstanceId} {key}";

    private void OnMessage(RedisChannelMessage message)
    {
        var text = message.PayloadText;
        var space = text.IndexOf(' ');
        if (space <= 0 || text.AsSpan(0, space).SequenceEqual(_options.InstanceId))
        {
            return; // malformed, or our own announcement
        }
        var key = text[(space + 1)..];
        _dropLocal(key);
        RemoteInvalidation?.Invoke(key);
    }

    private void OnSubscriptionsRestored(object? sender, EventArgs e) => _dropAllLocal();

    private void OnReconnected(object? sender, EventArgs e)
    {
        _dropAllLocal();
        _ = Task.Run(ReplayAsync);
    }

    private async Task ReplayAsync()
    {
        try
        {
            if (Interlocked.Exchange(ref _overflowed, 0) == 1)
            {
                _logger.LogWarning("More than {Max} cache invalidations were missed while Redis was unreachable; dropping every cache entry.", MaxPending);
                var batch = new List<string>(500);
                await foreach (var key in _gate.Client.ScanAsync(_entryPattern, 500).ConfigureAwait(false))
                {
                    batch.Add(key);
                    if (batch.Count == 500)
                    {
                        await _gate.Client.UnlinkAsync(batch).ConfigureAwait(false);
                        batch.Clear();
                    }
                }
                await _gate.Client.UnlinkAsync(batch).ConfigureAwait(false);
                _pending.Clear();
            }
            foreach (var key in _pending.Keys)
            {
                await _gate.Client.UnlinkAsync([key]).ConfigureAwait(false);
                await _gate.Client.PublishAsync(_options.InvalidationChannel, Message(key)).ConfigureAwait(false);
                _pending.TryRemove(key, out _);
            }
        }
        catch (Exception ex)
        {
            // Redis went away again: what is left stays pending for the next reconnect.
            _logger.LogInformation(ex, "Replaying cache invalidations was interrupted.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Client.Connected -= OnReconnected;
        _gate.Client.SubscriptionsRestored -= OnSubscriptionsRestored;
        try
        {
            await (await _subscription.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client is shutting down as well.
        }
    }
}
