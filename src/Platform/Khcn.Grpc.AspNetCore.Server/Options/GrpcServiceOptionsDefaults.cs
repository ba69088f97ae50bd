using System.IO.Compression;
using Grpc.Net.Compression;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Options;

/// <summary>Fills in defaults the application did not configure (gzip and deflate compression providers).</summary>
internal sealed class GrpcServiceOptionsDefaults : IPostConfigureOptions<GrpcServiceOptions>
{
    public void PostConfigure(string? name, GrpcServiceOptions options)
    {
        if (options.CompressionProviders.Count == 0)
        {
            options.CompressionProviders.Add(new GzipCompressionProvider(CompressionLevel.Fastest));
            options.CompressionProviders.Add(new DeflateCompressionProvider(CompressionLevel.Fastest));
        }
    }
}
