using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>The RpcExceptions raised for malformed or unacceptable length-prefixed messages.</summary>
public static class FramingErrors
{
    public static RpcException InvalidCompressedFlag(byte flag) =>
        new(new Status(StatusCode.Internal, $"Invalid compressed flag value {flag} in gRPC message header; only 0 and 1 are allowed."));

    /// <summary>Spec (compression.md): a compressed message on a stream without grpc-encoding is a protocol error.</summary>
    public static RpcException CompressedWithoutEncoding() =>
        new(new Status(StatusCode.Internal, "Received a compressed message but the grpc-encoding header was missing or 'identity'."));

    /// <summary>Spec (compression.md): unsupported encoding is UNIMPLEMENTED, and the peer learns what is supported.</summary>
    public static RpcException UnsupportedEncoding(string encoding, CompressionProviderRegistry providers)
    {
        var trailers = new Metadata { { GrpcProtocolConstants.MessageAcceptEncodingHeader, providers.AcceptEncoding } };
        return new RpcException(
            new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {providers.AcceptEncoding}"),
            trailers);
    }

    public static RpcException ReceiveMessageTooLarge(long length, int maxMessageSize) =>
        new(new Status(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxMessageSize})."));

    public static RpcException SendMessageTooLarge(long length, int maxMessageSize) =>
        new(new Status(StatusCode.ResourceExhausted, $"Sending message larger than max ({length} vs. {maxMessageSize})."));

    public static RpcException IncompleteMessage() =>
        new(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a length-prefixed message."));

    public static RpcException DecompressionFailed(Exception exception) =>
        new(new Status(StatusCode.Internal, "Failed to decompress message.", exception));

    public static RpcException DeserializationFailed(Exception exception) =>
        new(new Status(StatusCode.Internal, "Failed to deserialize message.", exception));
}
