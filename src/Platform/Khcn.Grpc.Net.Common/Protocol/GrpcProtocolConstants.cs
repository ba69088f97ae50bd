namespace Khcn.Grpc.Protocol;

/// <summary>Names and limits of the gRPC-over-HTTP/2 protocol (grpc/grpc doc/PROTOCOL-HTTP2.md), kept in one place.</summary>
public static class GrpcProtocolConstants
{
    /// <summary>Content type sent by this implementation.</summary>
    public const string GrpcContentType = "application/grpc";

    /// <summary>Explicit protobuf sub-type; accepted on input.</summary>
    public const string GrpcProtoContentType = "application/grpc+proto";

    public const string ContentTypeHeader = "content-type";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string UserAgentHeader = "user-agent";
    public const string HostHeader = "host";

    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string MessageEncodingHeader = "grpc-encoding";
    public const string MessageAcceptEncodingHeader = "grpc-accept-encoding";

    /// <summary>Encoding name meaning "not compressed".</summary>
    public const string IdentityEncoding = "identity";

    /// <summary>Default limit on a received message (after decompression), as in the reference implementations.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Length-prefixed message header: 1 byte compressed flag + 4 byte big-endian length.</summary>
    public const int MessageDelimiterSize = 5;

    /// <summary>Compressed-Flag value of an uncompressed message.</summary>
    public const byte UncompressedFlag = 0;

    /// <summary>Compressed-Flag value of a message compressed with the stream's grpc-encoding.</summary>
    public const byte CompressedFlag = 1;

    /// <summary>
    /// True for "application/grpc" and "application/grpc+&lt;subtype&gt;" (e.g. "+proto"), optionally followed by
    /// parameters such as "; charset=utf-8". Comparison is case-insensitive as for any media type.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == GrpcContentType.Length)
        {
            return true;
        }

        var next = contentType[GrpcContentType.Length];
        return next is '+' or ';';
    }
}
