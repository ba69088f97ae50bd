using Khcn.Redis.Protocol;

namespace Khcn.Redis;

/// <summary>
/// A Redis client: every command of every caller shares one multiplexed connection and is pipelined
/// automatically. Typed commands are extension methods in <see cref="RedisCommands"/>.
/// </summary>
public interface IRedisClient : IAsyncDisposable
{
    /// <summary>True while a connection is up; commands fail fast with <see cref="RedisConnectionException"/> otherwise.</summary>
    bool IsConnected { get; }

    /// <summary>The protocol the current connection negotiated.</summary>
    RedisProtocol Protocol { get; }

    /// <summary>The connection settings.</summary>
    RedisOptions Options { get; }

    /// <summary>Raised after every successful (re)connection.</summary>
    event EventHandler? Connected;

    /// <summary>Raised when the connection is lost; the client reconnects by itself.</summary>
    event EventHandler<Exception>? Disconnected;

    /// <summary>True while the pub/sub connection is up; false until something subscribed.</summary>
    bool IsSubscriberConnected { get; }

    /// <summary>
    /// Raised when the pub/sub connection is (re)established and the subscriptions were sent again.
    /// Messages published while it was down are lost; this is the moment to resynchronise.
    /// </summary>
    event EventHandler? SubscriptionsRestored;

    /// <summary>
    /// Sends any command (the raw escape hatch) and returns its reply. Error replies throw
    /// <see cref="RedisServerException"/>; no reply within the command timeout throws
    /// <see cref="RedisTimeoutException"/>; no connection throws <see cref="RedisConnectionException"/> at once.
    /// </summary>
    Task<RespValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="channel"/> on the dedicated pub/sub connection.
    /// Handlers run on that connection's reader and must be quick. While disconnected the subscription is
    /// kept and sent when the connection returns. Dispose the result to unsubscribe.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string channel, Action<RedisChannelMessage> handler, CancellationToken cancellationToken = default);
}
