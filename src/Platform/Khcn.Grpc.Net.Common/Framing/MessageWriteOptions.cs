using System.IO.Compression;
using Grpc.Net.Compression;

namespace Khcn.Grpc.Protocol;

/// <summary>How to write one message.</summary>
/// <param name="Compression">Provider to compress with (the stream's grpc-encoding); null sends the message uncompressed
/// (also pass null for writes with <c>WriteFlags.NoCompress</c>).</param>
/// <param name="CompressionLevel">Overrides the provider's default level.</param>
/// <param name="MaxMessageSize">Limit on the payload as sent; null = unlimited.</param>
public sealed record MessageWriteOptions(
    ICompressionProvider? Compression = null,
    CompressionLevel? CompressionLevel = null,
    int? MaxMessageSize = null)
{
    /// <summary>Uncompressed, unlimited.</summary>
    public static MessageWriteOptions Default { get; } = new();
}
