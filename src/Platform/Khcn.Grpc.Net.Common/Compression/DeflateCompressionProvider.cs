using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>
/// The "deflate" message encoding. As in HTTP, gRPC's "deflate" is the zlib format (RFC 1950),
/// i.e. raw deflate data wrapped in a zlib header and checksum.
/// </summary>
public sealed class DeflateCompressionProvider(CompressionLevel defaultCompressionLevel) : ICompressionProvider
{
    public string EncodingName => "deflate";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new ZLibStream(stream, compressionLevel ?? defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
}
