namespace Khcn.Aip;

/// <summary>
/// The canonical error codes domain code may raise. A transport-free subset of google.rpc.Code, so domain and
/// application layers can fail precisely without taking a dependency on gRPC.
/// </summary>
public enum ApiErrorCode
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    Aborted,
    PermissionDenied,
    Unauthenticated,
    ResourceExhausted,
    Unavailable,
    Internal,

    /// <summary>A position or value past the valid range, e.g. a resume token beyond the end of the change feed.</summary>
    OutOfRange,
}
