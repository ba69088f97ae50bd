using System.Diagnostics;
using Khcn.Redis.Connection;
using Khcn.Redis.Diagnostics;
using Khcn.Redis.Protocol;
using Khcn.Redis.PubSub;

namespace Khcn.Redis;

/// <summary>
/// The client for one endpoint: one multiplexed command connection (plus one pub/sub connection when
/// something subscribes), reconnecting with backoff when either drops.
/// </summary>
public sealed class RedisConnection : IRedisClient
{
    private readonly ConnectionSupervisor _supervisor;
    private readonly Lazy<Task<RedisSubscriber>> _subscriber;

    private RedisConnection(RedisOptions options)
    {
        Options = options;
        _supervisor = new ConnectionSupervisor(options, pushHandler: OnPush);
        _supervisor.Connected += () => Connected?.Invoke(this, EventArgs.Empty);
        _supervisor.Disconnected += reason => Disconnected?.Invoke(this, reason);
        _subscriber = new Lazy<Task<RedisSubscriber>>(async () =>
        {
            var subscriber = new RedisSubscriber(options);
            subscriber.SubscriptionsRestored += () => SubscriptionsRestored?.Invoke(this, EventArgs.Empty);
            await subscriber.StartAsync(CancellationToken.None).ConfigureAwait(false);
            return subscriber;
        });
    }

    private void OnPush(RespValue frame)
    {
        try
        {
            PushReceived?.Invoke(frame);
        }
        catch (Exception)
        {
            // A failing handler must not take the connection down with it.
        }
    }

    /// <summary>
    /// Connects to the server. With <see cref="RedisOptions.AbortOnConnectFail"/> (the default) a failed first
    /// attempt throws <see cref="RedisConnectionException"/>; otherwise the client is returned after that first
    /// attempt either way and keeps connecting in the background.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = new RedisConnection(options);
        try
        {
            await connection._supervisor.StartAsync(options.AbortOnConnectFail, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return connection;
    }

    /// <summary>
    /// Returns a client at once and connects in the background, retrying with backoff until the server
    /// answers; until then commands fail fast. Meant for dependency injection, where a service must start
    /// even when Redis is down.
    /// </summary>
    public static RedisConnection Start(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = new RedisConnection(options);
        _ = connection._supervisor.StartAsync(throwOnFailure: false, CancellationToken.None);
        return connection;
    }

    /// <summary>Parses a connection string (see <see cref="RedisOptions.Parse"/>) and connects.</summary>
    public static Task<RedisConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisOptions.Parse(connectionString), cancellationToken);

    /// <inheritdoc />
    public RedisOptions Options { get; }

    /// <inheritdoc />
    public bool IsConnected => _supervisor.Current is not null;

    /// <inheritdoc />
    public RedisProtocol Protocol => _supervisor.Current?.Protocol ?? Options.Protocol;

    /// <summary>The server version reported by HELLO (RESP3 only).</summary>
    public string? ServerVersion => _supervisor.Current?.ServerVersion;

    /// <inheritdoc />
    public event EventHandler? Connected;

    /// <inheritdoc />
    public event EventHandler<Exception>? Disconnected;

    /// <inheritdoc />
    public bool IsSubscriberConnected =>
        _subscriber.IsValueCreated && _subscriber.Value is { IsCompletedSuccessfully: true } started && started.Result.IsConnected;

    /// <inheritdoc />
    public event EventHandler? SubscriptionsRestored;

    /// <summary>
    /// RESP3 push frames arriving on the command connection, such as <c>CLIENT TRACKING</c> invalidations.
    /// Raised on the connection's reader: handlers must be quick (exceptions they throw are swallowed).
    /// </summary>
    public event Action<RespValue>? PushReceived;

    /// <inheritdoc />
    public async Task<RespValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        var activity = RedisTelemetry.StartCommand(command, Options);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var reply = await _supervisor.GetConnectionOrThrow().SendAsync(command, cancellationToken).ConfigureAwait(false);
            RedisTelemetry.RecordOutcome(activity, command, Options, start, error: null);
            return reply;
        }
        catch (Exception ex)
        {
            RedisTelemetry.RecordOutcome(activity, command, Options, start, ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> SubscribeAsync(string channel, Action<RedisChannelMessage> handler, CancellationToken cancellationToken = default)
    {
        var subscriber = await _subscriber.Value.ConfigureAwait(false);
        return await subscriber.SubscribeAsync(channel, handler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes both connections; pending commands fail with <see cref="RedisConnectionException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _supervisor.DisposeAsync().ConfigureAwait(false);
        if (_subscriber.IsValueCreated)
        {
            try
            {
                await (await _subscriber.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The subscriber never started; nothing to close.
            }
        }
    }
}
