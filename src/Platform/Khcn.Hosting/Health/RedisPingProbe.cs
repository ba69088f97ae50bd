using Khcn.Redis;

namespace Khcn.Hosting.Health;

/// <summary>
/// Redis answers <c>PING</c> with <c>PONG</c> after authenticating with the run's password. One connection serves every
/// probe; after a failure it is dropped and the next probe connects afresh, so a restarted server is seen at once.
/// </summary>
internal sealed class RedisPingProbe(string connectionString) : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RedisConnection? _connection;

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (await PingAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await DropConnectionAsync().ConfigureAwait(false);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await RedisConnection.ConnectAsync(Options(), cancellationToken).ConfigureAwait(false);
            await _connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception)
        {
            // Refused, timed out, wrong password or cancelled: all "not healthy" for now.
            return false;
        }
    }

    // The client's own reconnect loop is of no use here: a probe wants a fresh, fast answer every time.
    private RedisOptions Options() => RedisOptions.Parse(connectionString) with
    {
        ConnectTimeout = Timeout,
        CommandTimeout = Timeout,
        AbortOnConnectFail = true,
    };

    private async Task DropConnectionAsync()
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closing a broken connection may fail; it is gone either way.
        }
    }
}
