namespace Khcn.Grpc.Protocol;

/// <summary>How to read the messages of one stream.</summary>
/// <param name="MaxMessageSize">Limit on a message's size (both as received and after decompression); null = unlimited.</param>
/// <param name="MessageEncoding">The stream's grpc-encoding header value; null or "identity" means none was negotiated.</param>
/// <param name="CompressionProviders">Encodings this endpoint can decompress; null means <see cref="CompressionProviderRegistry.Default"/>.</param>
public sealed record MessageReadOptions(
    int? MaxMessageSize = GrpcProtocolConstants.DefaultMaxReceiveMessageSize,
    string? MessageEncoding = null,
    CompressionProviderRegistry? CompressionProviders = null)
{
    /// <summary>4 MiB limit, no compression negotiated.</summary>
    public static MessageReadOptions Default { get; } = new();

    internal CompressionProviderRegistry Providers => CompressionProviders ?? CompressionProviderRegistry.Default;

    internal bool HasMessageEncoding =>
        !string.IsNullOrEmpty(MessageEncoding) &&
        !string.Equals(MessageEncoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase);
}
