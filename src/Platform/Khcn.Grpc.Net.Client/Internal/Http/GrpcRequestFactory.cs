using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Http;

/// <summary>Builds the HTTP/2 request of a call: POST to "/{service}/{method}" with the gRPC request headers.</summary>
internal static class GrpcRequestFactory
{
    /// <summary>Per-call header that selects request compression, as in the official client; never sent.</summary>
    public const string InternalEncodingRequestHeader = "grpc-internal-encoding-request";

    public const string PreviousAttemptsHeader = "grpc-previous-rpc-attempts";

    // PROTOCOL-HTTP2.md: User-Agent → "grpc-" Language ["-" Variant] "/" Version.
    private const string UserAgent = "grpc-dotnet-khcn/1.0";

    public static HttpRequestMessage Create(
        GrpcChannel channel,
        GrpcMethodInfo methodInfo,
        Metadata? metadata,
        TimeSpan? timeout,
        string? requestEncoding,
        int previousAttempts,
        HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, methodInfo.RequestUri)
        {
            // h2c for http:// (prior knowledge), ALPN "h2" for https://; never downgrade to HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        // TryAddWithoutValidation: the values are known-good, skip the header parsers on the hot path.
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.UserAgentHeader, UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageAcceptEncodingHeader, channel.CompressionProviders.AcceptEncoding);
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Format(value));
        }

        if (requestEncoding is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageEncodingHeader, requestEncoding);
        }

        if (previousAttempts > 0)
        {
            headers.TryAddWithoutValidation(PreviousAttemptsHeader, previousAttempts.ToString(CultureInfo.InvariantCulture));
        }

        if (metadata is { Count: > 0 })
        {
            AddMetadata(headers, metadata);
        }

        return request;
    }

    public static void AddMetadata(HttpRequestHeaders headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (MetadataCodec.IsReservedHeader(entry.Key) || entry.Key == InternalEncodingRequestHeader)
            {
                continue;
            }

            headers.TryAddWithoutValidation(entry.Key, MetadataCodec.EncodeValue(entry));
        }
    }

    public static void SetGrpcContentType(HttpContent content) =>
        content.Headers.TryAddWithoutValidation(GrpcProtocolConstants.ContentTypeHeader, GrpcProtocolConstants.GrpcContentType);
}
