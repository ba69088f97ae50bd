using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using Khcn.Redis.Protocol;

namespace Khcn.Redis.Connection;

/// <summary>
/// One socket to the server. Concurrent callers encode their commands into an outbound pipe under a
/// short lock and enqueue a <see cref="PendingCommand"/> in the same order; a writer loop drains the
/// pipe into the socket, so commands issued while a write is in flight are coalesced into the next
/// write (automatic pipelining). A reader loop parses replies and completes the pending commands in
/// FIFO order. RESP3 push frames go to the push handler. On a subscriber connection, RESP2 pub/sub
/// arrays (replies no command waits for) go there too; on a command connection a reply nobody waits
/// for is a protocol error.
/// A connection that stays silent for twice the command timeout while commands wait is declared dead,
/// so a server that vanished without closing the socket is replaced instead of timing out forever.
/// </summary>
internal sealed class PhysicalConnection : IAsyncDisposable
{
    private const int MinimumSegmentSize = 16 * 1024;
    private static readonly TimeSpan SweepPeriodCeiling = TimeSpan.FromMilliseconds(250);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly RedisOptions _options;
    private readonly Pipe _outbound = new(new PipeOptions(
        pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: MinimumSegmentSize, useSynchronizationContext: false));
    private readonly PipeReader _inbound;
    private readonly ConcurrentQueue<PendingCommand> _pending = new();
    private readonly Lock _writeLock = new();
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Timer _timeoutSweeper;
    private readonly long _commandTimeoutTicks;
    private Action<RespValue>? _pushHandler;
    private bool _isSubscriber;
    private long _lastReceiveTimestamp = Stopwatch.GetTimestamp();
    private bool _failed;

    private PhysicalConnection(Socket socket, Stream stream, RedisOptions options)
    {
        _socket = socket;
        _stream = stream;
        _options = options;
        _inbound = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        _commandTimeoutTicks = (long)(options.CommandTimeout.TotalSeconds * Stopwatch.Frequency);
        var sweepPeriod = TimeSpan.FromTicks(Math.Min(SweepPeriodCeiling.Ticks, Math.Max(1, options.CommandTimeout.Ticks / 4)));
        _timeoutSweeper = new Timer(static state => ((PhysicalConnection)state!).SweepTimeouts(), this, sweepPeriod, sweepPeriod);
    }

    /// <summary>The protocol agreed in the handshake.</summary>
    public RedisProtocol Protocol { get; private set; } = RedisProtocol.Resp2;

    /// <summary>The server version reported by HELLO, when RESP3 was negotiated.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>Completes with the reason once the connection is unusable.</summary>
    public Task<Exception> Closed => _closed.Task;

    public bool IsFailed => Volatile.Read(ref _failed);

    /// <summary>How long nothing has arrived from the server.</summary>
    public TimeSpan Silence => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReceiveTimestamp));

    /// <summary>Opens the socket, negotiates TLS and runs the handshake (HELLO/AUTH/SELECT).</summary>
    public static async Task<PhysicalConnection> OpenAsync(
        RedisOptions options, Action<RespValue>? pushHandler, bool isSubscriber, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        PhysicalConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = options.SslHost ?? options.Host,
                    RemoteCertificateValidationCallback = options.CertificateValidation,
                }, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }
            connection = new PhysicalConnection(socket, stream, options);
            connection.Start();
            await Handshake.RunAsync(connection, options, timeout.Token).ConfigureAwait(false);
            connection._isSubscriber = isSubscriber;
            Volatile.Write(ref connection._pushHandler, pushHandler);
            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            else socket.Dispose();
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new RedisConnectionException($"Connecting to {options} timed out after {options.ConnectTimeout.TotalMilliseconds:0} ms.", ex);
            }
            throw ex is RedisConnectionException or OperationCanceledException
                ? ex
                : new RedisConnectionException($"Could not connect to {options}: {ex.Message}", ex);
        }
    }

    internal void SetNegotiated(RedisProtocol protocol, string? serverVersion)
    {
        Protocol = protocol;
        ServerVersion = serverVersion;
    }

    private void Start()
    {
        _ = Task.Run(WriteLoopAsync);
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>Queues a command; the task completes with its reply (or the server's error as an exception).</summary>
    public Task<RespValue> SendAsync(RedisCommand command, CancellationToken cancellationToken)
    {
        var pending = new PendingCommand(command, Stopwatch.GetTimestamp() + _commandTimeoutTicks);
        Write(command, pending);
        pending.RegisterCancellation(cancellationToken);
        return pending.Task;
    }

    /// <summary>Writes a command whose answers arrive as push frames (SUBSCRIBE and friends on a subscriber connection).</summary>
    public void SendWithoutReply(RedisCommand command) => Write(command, pending: null);

    // Encoding and enqueueing under one lock keeps the pending queue in the order the bytes go out.
    private void Write(RedisCommand command, PendingCommand? pending)
    {
        lock (_writeLock)
        {
            if (_failed)
            {
                throw NotConnected();
            }
            RespCommandWriter.Write(_outbound.Writer, command);
            if (pending is not null)
            {
                _pending.Enqueue(pending);
            }
            // The pipe never pauses (pauseWriterThreshold: 0), so the flush completes synchronously:
            // it only publishes the bytes to the writer loop.
            var flush = _outbound.Writer.FlushAsync();
            Debug.Assert(flush.IsCompleted);
            flush.GetAwaiter().GetResult();
        }
    }

    private RedisConnectionException NotConnected() =>
        new($"The connection to {_options} is closed.", _closed.Task.IsCompleted ? _closed.Task.Result : null);

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }
                await _stream.FlushAsync().ConfigureAwait(false);
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(new RedisConnectionException($"Writing to {_options} failed: {ex.Message}", ex));
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        var limits = _options.ReaderLimits;
        try
        {
            while (true)
            {
                var result = await _inbound.ReadAsync().ConfigureAwait(false);
                Volatile.Write(ref _lastReceiveTimestamp, Stopwatch.GetTimestamp());
                var buffer = result.Buffer;
                var reader = new SequenceReader<byte>(buffer);
                while (RespParser.TryRead(ref reader, limits, out var reply))
                {
                    Dispatch(reply);
                }
                _inbound.AdvanceTo(reader.Position, buffer.End);
                if (result.IsCompleted)
                {
                    Fail(new RedisConnectionException($"The server at {_options} closed the connection."));
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex is RespProtocolException or RedisConnectionException
                ? ex
                : new RedisConnectionException($"Reading from {_options} failed: {ex.Message}", ex));
        }
        finally
        {
            await _inbound.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void Dispatch(RespValue reply)
    {
        if (reply.Type == RespType.Push)
        {
            _pushHandler?.Invoke(reply);
            return;
        }
        if (_pending.TryDequeue(out var pending))
        {
            pending.Complete(reply);
            return;
        }
        if (_isSubscriber && _pushHandler is not null)
        {
            _pushHandler(reply); // RESP2 pub/sub: messages are plain arrays on a subscribed connection
            return;
        }
        throw new RespProtocolException($"The server sent a {reply.Type} reply that no command was waiting for.");
    }

    private void SweepTimeouts()
    {
        if (_pending.IsEmpty)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        if (_pending.TryPeek(out var oldest)
            && now - oldest.DeadlineTimestamp > _commandTimeoutTicks
            && Volatile.Read(ref _lastReceiveTimestamp) < oldest.DeadlineTimestamp - _commandTimeoutTicks)
        {
            Fail(new RedisConnectionException(
                $"{_options} sent nothing for {2 * _options.CommandTimeout.TotalMilliseconds:0} ms while commands waited; the connection is considered dead."));
            return;
        }
        foreach (var pending in _pending)
        {
            // Deadlines grow with queue order (one timeout for all commands), so stop at the first live one.
            if (pending.DeadlineTimestamp > now)
            {
                break;
            }
            pending.Fail(new RedisTimeoutException(
                $"{pending.Command.Name} got no reply from {_options} within {_options.CommandTimeout.TotalMilliseconds:0} ms."));
        }
    }

    /// <summary>Marks the connection dead and fails every command still waiting.</summary>
    public void Fail(Exception reason)
    {
        lock (_writeLock)
        {
            if (_failed)
            {
                return;
            }
            _failed = true;
            _outbound.Writer.Complete();
        }
        _closed.TrySetResult(reason);
        _timeoutSweeper.Dispose();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already gone: nothing to shut down.
        }
        _socket.Dispose();
        var failure = reason as RedisConnectionException ?? new RedisConnectionException($"The connection to {_options} failed: {reason.Message}", reason);
        while (_pending.TryDequeue(out var pending))
        {
            pending.Fail(failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new RedisConnectionException($"The connection to {_options} was closed by the client."));
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
