namespace Khcn.Redis;

/// <summary>The server answered a command with an error reply such as <c>WRONGTYPE ...</c>.</summary>
public sealed class RedisServerException(string message) : Exception(message)
{
    /// <summary>The error code: the first word of the reply (<c>ERR</c>, <c>WRONGTYPE</c>, <c>NOSCRIPT</c>, ...).</summary>
    public string ErrorCode { get; } = message.Split(' ', 2)[0];
}

/// <summary>No usable connection: the server is unreachable, the handshake failed, or the connection dropped.</summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>A command got no reply within the configured command timeout.</summary>
public sealed class RedisTimeoutException(string message) : TimeoutException(message);
