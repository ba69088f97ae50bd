using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Khcn.Tests.Browser;

/// <summary>
/// One WebSocket to Chromium's browser target speaking the DevTools Protocol: commands with ids matched to their
/// answers, and events pushed to <see cref="EventReceived"/>. Pages are reached through flat sessions (sessionId on
/// each message), so one connection serves them all.
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastId;

    private CdpConnection(ClientWebSocket socket) => _socket = socket;

    /// <summary>
    /// Raised on the receive loop for every event; handlers must be quick and must not send commands synchronously.
    /// </summary>
    public event Action<CdpEvent>? EventReceived;

    public static async Task<CdpConnection> ConnectAsync(Uri browserWebSocketUrl, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(browserWebSocketUrl, cancellationToken);
        var connection = new CdpConnection(socket);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Sends a command and returns its result object; throws <see cref="CdpException"/> on a protocol error.</summary>
    public async Task<JsonElement> SendAsync(
        string method, object? parameters = null, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
            timeout.CancelAfter(CommandTimeout);
            var message = Serialize(id, method, parameters, sessionId);
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }

            try
            {
                return await answer.Task.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CdpException($"{method}: no answer from Chromium within {CommandTimeout}.");
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The browser may already be gone: nothing to close politely.
            }
        }

        _socket.Abort();
        await _receiveLoop;
        _socket.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }

    private static byte[] Serialize(long id, string method, object? parameters, string? sessionId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters ?? new object());
            if (sessionId is not null)
            {
                writer.WriteString("sessionId", sessionId);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[1 << 16];
        using var message = new MemoryStream();
        Exception? failure = null;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(chunk, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                // A screenshot is one message of megabytes: gather its frames before parsing.
                message.Write(chunk, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            failure = exception;
        }

        var reason = new CdpException($"The DevTools connection closed{(failure is null ? "" : ": " + failure.Message)}.");
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(reason);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryGetValue(idElement.GetInt64(), out var answer))
            {
                return;
            }

            if (root.TryGetProperty("error", out var error))
            {
                answer.TrySetException(new CdpException($"Chromium refused the command: {error.GetRawText()}"));
            }
            else
            {
                answer.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }

            return;
        }

        if (root.TryGetProperty("method", out var method))
        {
            var sessionId = root.TryGetProperty("sessionId", out var session) ? session.GetString() : null;
            var parameters = root.TryGetProperty("params", out var found) ? found.Clone() : default;
            EventReceived?.Invoke(new CdpEvent(method.GetString()!, sessionId, parameters));
        }
    }
}
