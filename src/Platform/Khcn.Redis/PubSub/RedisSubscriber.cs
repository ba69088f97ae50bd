using Khcn.Redis.Connection;
using Khcn.Redis.Protocol;

namespace Khcn.Redis.PubSub;

/// <summary>
/// Pub/sub on a connection of its own (a subscribed RESP2 connection cannot run other commands, and
/// keeping subscriptions apart means a slow handler never delays command replies). Subscriptions are
/// remembered and sent again after every reconnect.
/// </summary>
internal sealed class RedisSubscriber : IAsyncDisposable
{
    // A subscriber only reads, so a server that vanished without closing the socket would go unnoticed:
    // PING it (allowed while subscribed) and replace the connection when even that gets no answer.
    private static readonly TimeSpan MaxHeartbeatInterval = TimeSpan.FromSeconds(15);

    private readonly ConnectionSupervisor _supervisor;
    private readonly RedisOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Action<RedisChannelMessage>>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _confirmations = new(StringComparer.Ordinal);

    private readonly Timer _heartbeat;
    private readonly TimeSpan _heartbeatInterval;

    public RedisSubscriber(RedisOptions options)
    {
        _options = options;
        _supervisor = new ConnectionSupervisor(options, OnPush, isSubscriber: true);
        _supervisor.Connected += SubscribeAll;
        _heartbeatInterval = options.CommandTimeout < MaxHeartbeatInterval ? options.CommandTimeout : MaxHeartbeatInterval;
        _heartbeat = new Timer(static state => ((RedisSubscriber)state!).Heartbeat(), this, _heartbeatInterval, _heartbeatInterval);
    }

    private void Heartbeat()
    {
        if (_supervisor.Current is not { } connection)
        {
            return;
        }
        if (connection.Silence > 2 * _heartbeatInterval + _options.CommandTimeout)
        {
            connection.Fail(new RedisConnectionException($"The pub/sub connection to {_options} stopped answering PING; it is considered dead."));
            return;
        }
        try
        {
            connection.SendWithoutReply(new RedisCommand("PING"));
        }
        catch (RedisConnectionException)
        {
            // Closed meanwhile; the supervisor reconnects.
        }
    }

    public bool IsConnected => _supervisor.Current is not null;

    /// <summary>Raised after a (re)connection once every subscription has been sent again.</summary>
    public event Action? SubscriptionsRestored;

    public Task StartAsync(CancellationToken cancellationToken) => _supervisor.StartAsync(throwOnFailure: false, cancellationToken);

    public async Task<IAsyncDisposable> SubscribeAsync(string channel, Action<RedisChannelMessage> handler, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(handler);
        bool first;
        TaskCompletionSource? confirmation = null;
        lock (_lock)
        {
            if (!_handlers.TryGetValue(channel, out var list))
            {
                _handlers[channel] = list = [];
            }
            list.Add(handler);
            first = list.Count == 1;
            if (first)
            {
                confirmation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _confirmations[channel] = confirmation;
            }
        }
        var subscription = new Subscription(this, channel, handler);
        if (first && _supervisor.Current is { } connection)
        {
            try
            {
                connection.SendWithoutReply(new RedisCommand("SUBSCRIBE", channel));
                await confirmation!.Task.WaitAsync(_options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Unsubscribe(channel, handler);
                throw;
            }
            catch (Exception ex) when (ex is RedisConnectionException or TimeoutException)
            {
                // The subscription stays registered and is sent again once a connection is up;
                // a connection that did not confirm in time is replaced so that happens.
                if (ex is TimeoutException) connection.Fail(new RedisTimeoutException($"SUBSCRIBE was not confirmed by {_options}."));
            }
        }
        return subscription;
    }

    private void SubscribeAll()
    {
        string[] channels;
        lock (_lock)
        {
            channels = [.. _handlers.Keys];
        }
        if (_supervisor.Current is not { } connection)
        {
            return;
        }
        try
        {
            if (channels.Length > 0)
            {
                // SUBSCRIBE is idempotent, so channels a concurrent SubscribeAsync already sent do no harm.
                connection.SendWithoutReply(new RedisCommand("SUBSCRIBE", [.. channels.Select(c => (RedisArgument)c)]));
            }
        }
        catch (RedisConnectionException)
        {
            return; // lost again; the next Connected event retries
        }
        SubscriptionsRestored?.Invoke();
    }

    private void Unsubscribe(string channel, Action<RedisChannelMessage> handler)
    {
        lock (_lock)
        {
            if (!_handlers.TryGetValue(channel, out var list) || !list.Remove(handler) || list.Count > 0)
            {
                return;
            }
            _handlers.Remove(channel);
            _confirmations.Remove(channel);
        }
        try
        {
            _supervisor.Current?.SendWithoutReply(new RedisCommand("UNSUBSCRIBE", channel));
        }
        catch (RedisConnectionException)
        {
            // Disconnected: the channel will not be resubscribed, which is the goal.
        }
    }

    private void OnPush(RespValue frame)
    {
        // RESP3 push or RESP2 array: ["message", channel, payload] or ["subscribe", channel, count].
        var elements = frame.Elements;
        if (elements.Count < 3)
        {
            return;
        }
        var kind = elements[0].AsString();
        var channel = elements[1].AsString() ?? "";
        if (kind == "message")
        {
            Action<RedisChannelMessage>[] handlers;
            lock (_lock)
            {
                if (!_handlers.TryGetValue(channel, out var list)) return;
                handlers = [.. list];
            }
            var message = new RedisChannelMessage(channel, elements[2].Bytes ?? []);
            foreach (var handler in handlers)
            {
                try
                {
                    handler(message);
                }
                catch (Exception)
                {
                    // A failing handler must not break the reader loop or the other handlers.
                }
            }
        }
        else if (kind == "subscribe")
        {
            lock (_lock)
            {
                if (_confirmations.Remove(channel, out var confirmation)) confirmation.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync().ConfigureAwait(false);
        await _supervisor.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Subscription(RedisSubscriber owner, string channel, Action<RedisChannelMessage> handler) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(channel, handler);
            }
            return ValueTask.CompletedTask;
        }
    }
}
