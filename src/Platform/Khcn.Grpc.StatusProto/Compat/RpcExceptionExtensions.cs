using Grpc.Core;

namespace Grpc.StatusProto;

public static class RpcExceptionExtensions
{
    /// <summary>
    /// The google.rpc.Status from the exception's trailers, or null if absent or unparsable.
    /// Also null when its code disagrees with the call's grpc-status: the details must describe the status the
    /// call actually ended with (grpc-java and grpc-python reject such a mismatch as well).
    /// </summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var status = ex.Trailers.GetRpcStatus();
        return status is not null && status.Code == (int)ex.StatusCode ? status : null;
    }
}
