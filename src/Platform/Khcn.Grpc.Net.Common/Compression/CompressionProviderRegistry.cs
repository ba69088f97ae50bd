using System.IO.Compression;
using Grpc.Net.Compression;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// The compression providers one endpoint supports, looked up by grpc-encoding name, plus the matching
/// grpc-accept-encoding value ("identity" first, then each provider).
/// </summary>
public sealed class CompressionProviderRegistry
{
    private readonly Dictionary<string, ICompressionProvider> _providers;

    public CompressionProviderRegistry(IEnumerable<ICompressionProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = new Dictionary<string, ICompressionProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            _providers[provider.EncodingName] = provider;
        }

        AcceptEncoding = string.Join(",", new[] { GrpcProtocolConstants.IdentityEncoding }.Concat(_providers.Keys));
    }

    /// <summary>gzip and deflate at <see cref="CompressionLevel.Fastest"/>, like the reference implementation.</summary>
    public static CompressionProviderRegistry Default { get; } = new(
    [
        new GzipCompressionProvider(CompressionLevel.Fastest),
        new DeflateCompressionProvider(CompressionLevel.Fastest),
    ]);

    /// <summary>Value for the grpc-accept-encoding header, e.g. "identity,gzip,deflate".</summary>
    public string AcceptEncoding { get; }

    public IReadOnlyCollection<ICompressionProvider> Providers => _providers.Values;

    public bool TryGetProvider(string encodingName, out ICompressionProvider provider) =>
        _providers.TryGetValue(encodingName, out provider!);
}
