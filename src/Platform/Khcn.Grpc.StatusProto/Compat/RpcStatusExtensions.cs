using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Grpc.StatusProto;

public static class RpcStatusExtensions
{
    /// <summary>
    /// An RpcException whose status code and detail are the code and message of <paramref name="status"/>, with the
    /// whole Status in the grpc-status-details-bin trailer, so grpc-status/grpc-message and the details always agree.
    /// </summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status) => status.ToRpcException(new Metadata());

    /// <summary>As <see cref="ToRpcException(Google.Rpc.Status)"/>, adding the status trailer to <paramref name="metadata"/> (other entries are kept).</summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status, Metadata metadata)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(metadata);
        metadata.SetRpcStatus(status);
        return new RpcException(new Status((StatusCode)status.Code, status.Message), metadata);
    }

    /// <summary>
    /// Official-API overload that sets the gRPC status independently. Prefer the overloads above: a code that differs
    /// from <c>status.Code</c> makes peers (and <see cref="RpcExceptionExtensions.GetRpcStatus"/>) discard the details.
    /// </summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status, StatusCode statusCode, string message)
    {
        ArgumentNullException.ThrowIfNull(status);
        var metadata = new Metadata();
        metadata.SetRpcStatus(status);
        return new RpcException(new Status(statusCode, message), metadata);
    }

    /// <summary>The first detail of type <typeparamref name="T"/>, or null (name used by the official package).</summary>
    public static T? GetStatusDetail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(status);
        var descriptor = new T().Descriptor;
        foreach (var any in status.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }

        return null;
    }

    /// <summary>Same as <see cref="GetStatusDetail{T}"/>.</summary>
    public static T? GetDetail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new() =>
        status.GetStatusDetail<T>();

    /// <summary>The details whose types belong to the standard error model (error_details.proto), unpacked.</summary>
    public static IEnumerable<IMessage> UnpackDetailMessage(this Google.Rpc.Status status) =>
        status.UnpackDetailMessage(StandardErrorTypeRegistry.Registry);

    /// <summary>The details whose types are known to <paramref name="registry"/>, unpacked; others are skipped.</summary>
    public static IEnumerable<IMessage> UnpackDetailMessage(this Google.Rpc.Status status, TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(registry);
        return Unpack(status, registry);

        static IEnumerable<IMessage> Unpack(Google.Rpc.Status status, TypeRegistry registry)
        {
            foreach (var any in status.Details)
            {
                if (any.Unpack(registry) is { } message)
                {
                    yield return message;
                }
            }
        }
    }
}
