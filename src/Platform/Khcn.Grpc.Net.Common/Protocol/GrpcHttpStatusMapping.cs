using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Status to report when a response has a non-200 HTTP status and no grpc-status
/// (grpc/grpc doc/http-grpc-status-mapping.md).
/// </summary>
public static class GrpcHttpStatusMapping
{
    public static StatusCode ToStatusCode(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
