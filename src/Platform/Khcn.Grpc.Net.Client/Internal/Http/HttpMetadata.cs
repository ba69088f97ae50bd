using System.Net.Http.Headers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Http;

/// <summary>Converts received response headers or trailers to <see cref="Metadata"/> via the shared codec.</summary>
internal static class HttpMetadata
{
    public static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        // NonValidated: take the values as received, without running HttpClient's header parsers.
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                MetadataCodec.AddHeader(metadata, name, value);
            }
        }

        return metadata;
    }
}
