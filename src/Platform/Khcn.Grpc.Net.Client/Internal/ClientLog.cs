using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client.Internal;

/// <summary>High-performance log messages of the client (no allocation when the level is disabled).</summary>
internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "Starting gRPC call. Method type: '{MethodType}', URI: '{Uri}'.")]
    public static partial void StartingCall(ILogger logger, MethodType methodType, Uri uri);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call '{Method}' finished with status {StatusCode} '{Detail}'.")]
    public static partial void CallFinished(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call '{Method}' failed with {StatusCode}; retrying in {Delay} (attempt {Attempt}).")]
    public static partial void Retrying(ILogger logger, string method, StatusCode statusCode, TimeSpan delay, int attempt);
}
