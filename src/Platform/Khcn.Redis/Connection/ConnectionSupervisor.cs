using Khcn.Redis.Protocol;

namespace Khcn.Redis.Connection;

/// <summary>
/// Keeps one <see cref="PhysicalConnection"/> alive: replaces it when it dies, retrying with
/// exponential backoff and jitter. While no connection is up, <see cref="Current"/> is null and
/// callers fail fast instead of queueing behind a dead socket.
/// </summary>
internal sealed class ConnectionSupervisor(RedisOptions options, Action<RespValue>? pushHandler, bool isSubscriber = false) : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private PhysicalConnection? _current;
    private Exception? _lastError;
    private int _reconnecting;

    /// <summary>Raised after every successful (re)connection.</summary>
    public event Action? Connected;

    /// <summary>Raised when a live connection is lost, with the reason.</summary>
    public event Action<Exception>? Disconnected;

    public PhysicalConnection? Current => Volatile.Read(ref _current) is { IsFailed: false } live ? live : null;

    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <summary>Connects once; on failure either throws (<paramref name="throwOnFailure"/>) or keeps retrying in the background.</summary>
    public async Task StartAsync(bool throwOnFailure, CancellationToken cancellationToken)
    {
        try
        {
            await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!throwOnFailure && ex is not OperationCanceledException)
        {
            Volatile.Write(ref _lastError, ex);
            StartReconnecting();
        }
    }

    public PhysicalConnection GetConnectionOrThrow() => Current ?? throw new RedisConnectionException(
        $"Not connected to {options}; reconnecting in the background. Last error: {LastError?.Message ?? "none"}", LastError);

    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await PhysicalConnection.OpenAsync(options, pushHandler, isSubscriber, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _current, connection);
        Volatile.Write(ref _lastError, null);
        _ = connection.Closed.ContinueWith(
            static (closed, state) => ((ConnectionSupervisor)state!).OnClosed(closed.Result),
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (_disposed.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }
        Connected?.Invoke();
    }

    private void OnClosed(Exception reason)
    {
        Volatile.Write(ref _lastError, reason);
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        Disconnected?.Invoke(reason);
        StartReconnecting();
    }

    private void StartReconnecting()
    {
        if (Interlocked.Exchange(ref _reconnecting, 1) == 0)
        {
            _ = Task.Run(ReconnectLoopAsync);
        }
    }

    private async Task ReconnectLoopAsync()
    {
        var delay = options.ReconnectMinDelay;
        try
        {
            while (!_disposed.IsCancellationRequested)
            {
                // Jitter spreads the reconnects of many instances after a shared outage.
                var jittered = delay * (0.5 + Random.Shared.NextDouble() / 2);
                await Task.Delay(jittered, _disposed.Token).ConfigureAwait(false);
                try
                {
                    await ConnectOnceAsync(_disposed.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Volatile.Write(ref _lastError, ex);
                    delay = TimeSpan.FromTicks(Math.Min(options.ReconnectMaxDelay.Ticks, delay.Ticks * 2));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting.
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
            // A connection that died between ConnectOnceAsync and here would otherwise not be retried.
            if (!_disposed.IsCancellationRequested && Current is null && Volatile.Read(ref _current) is { IsFailed: true })
            {
                StartReconnecting();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        _disposed.Cancel();
        if (Volatile.Read(ref _current) is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
