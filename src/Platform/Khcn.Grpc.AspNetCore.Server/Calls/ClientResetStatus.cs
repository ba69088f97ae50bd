using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// What a failed read of the request body means. <see cref="MessageFramer"/> turns every decoding failure into an
/// <see cref="RpcException"/>, so an <see cref="IOException"/> that still escapes comes from the transport: the
/// client reset the stream (RST_STREAM, typically CANCEL once it has what it wants) or the connection dropped.
/// PROTOCOL-HTTP2 ("Errors") maps a client's RST_STREAM CANCEL to call cancellation: ending a call is the client's
/// right, not a server fault. The exception itself is the signal because Kestrel cancels RequestAborted later, on the
/// thread pool, so the read can fail while that token still looks uncancelled.
/// </summary>
internal static class ClientResetStatus
{
    public static RpcException From(IOException transportFailure)
        => new(new Status(StatusCode.Cancelled, CallEndStatuses.CancelledByClient.Detail, transportFailure));
}
