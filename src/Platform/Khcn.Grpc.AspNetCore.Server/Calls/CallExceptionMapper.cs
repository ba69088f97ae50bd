using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Turns what a handler threw into the status and trailers sent to the client.</summary>
internal static class CallExceptionMapper
{
    public const string GenericErrorMessage = "Exception was thrown by handler.";

    /// <summary>True when the failure is the client going away rather than a fault worth an error log.</summary>
    public static bool IsClientCancellation(Exception exception, HttpContextServerCallContext context)
        => exception is OperationCanceledException || context.HttpContext.RequestAborted.IsCancellationRequested;

    public static Status ToStatus(Exception exception, HttpContextServerCallContext context, out Metadata? trailers)
    {
        trailers = null;
        if (context.DeadlineExceeded)
        {
            return CallEndStatuses.DeadlineExceeded;
        }

        switch (exception)
        {
            case RpcException rpcException:
                trailers = rpcException.Trailers;
                return rpcException.Status;
            case Exception when context.HttpContext.RequestAborted.IsCancellationRequested:
                // The client reset the stream or the connection dropped; reads then fail with transport exceptions.
                return CallEndStatuses.CancelledByClient;
            default:
                // Never leak exception text unless the operator opted in: it may contain internals.
                var detail = context.Options.EnableDetailedErrors
                    ? $"{GenericErrorMessage} {exception.GetType().Name}: {exception.Message}"
                    : GenericErrorMessage;
                return new Status(StatusCode.Unknown, detail, exception);
        }
    }
}
