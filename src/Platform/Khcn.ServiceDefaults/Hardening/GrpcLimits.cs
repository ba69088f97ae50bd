using Microsoft.Extensions.Configuration;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>
/// Per-call limits of the gRPC server, from configuration. Message sizes are enforced by the gRPC runtime's framing
/// (RESOURCE_EXHAUSTED); the request stream length by <see cref="RequestStreamLimitInterceptor"/>.
/// </summary>
public sealed record GrpcLimits(int MaxReceiveMessageSize, int MaxSendMessageSize, int MaxRequestStreamMessages)
{
    public const string MaxReceiveMessageSizeKey = "Grpc:MaxReceiveMessageSize";
    public const string MaxSendMessageSizeKey = "Grpc:MaxSendMessageSize";
    public const string MaxRequestStreamMessagesKey = "Grpc:MaxRequestStreamMessages";

    /// <summary>4 MiB, gRPC's usual default, stated here so it is ours and not an accident of the runtime.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Above ImportTasks' own 20,000-record limit, so that limit still answers first with its precise reason; low
    /// enough that one caller cannot hold a call open forever by streaming tiny messages.
    /// </summary>
    public const int DefaultMaxRequestStreamMessages = 100_000;

    public static GrpcLimits FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new GrpcLimits(
            Positive(configuration, MaxReceiveMessageSizeKey, DefaultMaxMessageSize),
            Positive(configuration, MaxSendMessageSizeKey, DefaultMaxMessageSize),
            Positive(configuration, MaxRequestStreamMessagesKey, DefaultMaxRequestStreamMessages));
    }

    private static int Positive(IConfiguration configuration, string key, int defaultValue)
    {
        var value = configuration.GetValue(key, defaultValue);
        return value > 0
            ? value
            : throw new InvalidOperationException($"{key} must be a positive number; it is {value}.");
    }
}
