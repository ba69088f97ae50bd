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
    private readonly ConnectionSupervisor _supervisor;
    private readonly RedisOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Action<RedisChannelMessage>>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _confirmations = new(StringComparer.Ordinal);

    public RedisSubscriber(RedisOptions options)
    {
        _options = options;
        _supervisor = new ConnectionSupervisor(options, OnPush, isSubscriber: true);
        _supervisor.Connected += SubscribeAll;
    }

    public bool IsConnected => _supervisor.Current is not null;

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
        if (channels.Length == 0 || _supervisor.Current is not { } connection)
        {
            return;
        }
        try
        {
            // SUBSCRIBE is idempotent, so channels a concurrent SubscribeAsync already sent do no harm.
            connection.SendWithoutReply(new RedisCommand("SUBSCRIBE", [.. channels.Select(c => (RedisArgument)c)]));
        }
        catch (RedisConnectionException)
        {
            // Lost again; the next Connected event retries.
        }
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

    public ValueTask DisposeAsync() => _supervisor.DisposeAsync();

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
