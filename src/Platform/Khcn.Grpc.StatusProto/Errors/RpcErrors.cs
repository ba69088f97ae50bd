using Grpc.Core;

namespace Khcn.Grpc.Errors;

/// <summary>Ready-made errors with the details AIP-193 asks for, for the common cases in Khcn services.</summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with one BadRequest detail listing every violated field.</summary>
    public static RpcException InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var builder = new RpcStatusBuilder(StatusCode.InvalidArgument, message);
        foreach (var (field, description) in violations)
        {
            builder.AddFieldViolation(field, description);
        }

        return builder.ToRpcException();
    }

    /// <summary>NOT_FOUND with ResourceInfo naming the missing resource.</summary>
    public static RpcException NotFound(string resourceType, string resourceName, string message) =>
        new RpcStatusBuilder(StatusCode.NotFound, message)
            .WithResourceInfo(resourceType, resourceName)
            .ToRpcException();

    /// <summary>ALREADY_EXISTS with ResourceInfo naming the conflicting resource.</summary>
    public static RpcException AlreadyExists(string resourceType, string resourceName, string message) =>
        new RpcStatusBuilder(StatusCode.AlreadyExists, message)
            .WithResourceInfo(resourceType, resourceName)
            .ToRpcException();

    /// <summary>FAILED_PRECONDITION with ErrorInfo: the system is not in a state where the call can succeed; do not retry as-is.</summary>
    public static RpcException FailedPrecondition(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        new RpcStatusBuilder(StatusCode.FailedPrecondition, message)
            .WithErrorInfo(reason, metadata)
            .ToRpcException();

    /// <summary>ABORTED with ErrorInfo: a concurrency conflict (e.g. etag mismatch); the client may retry the whole sequence.</summary>
    public static RpcException Aborted(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        new RpcStatusBuilder(StatusCode.Aborted, message)
            .WithErrorInfo(reason, metadata)
            .ToRpcException();
}
