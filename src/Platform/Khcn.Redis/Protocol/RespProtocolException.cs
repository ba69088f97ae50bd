namespace Khcn.Redis.Protocol;

/// <summary>
/// The server sent bytes that are not valid RESP, or a reply larger than the configured limits.
/// The connection that saw it cannot be trusted any more and is closed.
/// </summary>
public sealed class RespProtocolException(string message) : Exception(message);
