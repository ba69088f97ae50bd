using Grpc.Core;

namespace Grpc.Net.Client.Internal.Http;

/// <summary>Maps an HTTP/2 RST_STREAM / GOAWAY error code to a gRPC status code (PROTOCOL-HTTP2.md, "Errors").</summary>
internal static class Http2ErrorStatus
{
    public static StatusCode ToStatusCode(long http2ErrorCode) => http2ErrorCode switch
    {
        0x7 => StatusCode.Unavailable,        // REFUSED_STREAM: nothing was processed, safe to retry
        0x8 => StatusCode.Cancelled,          // CANCEL
        0xB => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
        _ => StatusCode.Internal,             // NO_ERROR, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, ...
    };
}
