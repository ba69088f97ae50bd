using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>A message compression algorithm negotiated through grpc-encoding / grpc-accept-encoding.</summary>
public interface ICompressionProvider
{
    /// <summary>Name used in the grpc-encoding header, e.g. "gzip".</summary>
    string EncodingName { get; }

    /// <summary>Wraps <paramref name="stream"/> so data written to the result is compressed into it (leaving it open).</summary>
    Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel);

    /// <summary>Wraps <paramref name="stream"/> so reading the result yields decompressed data (leaving it open).</summary>
    Stream CreateDecompressionStream(Stream stream);
}
