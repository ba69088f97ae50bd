using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Khcn.Tests.Infrastructure;

/// <summary>Runs a call expected to fail and returns the google.rpc.Status details it carried.</summary>
internal static class RpcErrorAssert
{
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.NotNull(status.GetDetail<ErrorInfo>());
        return status;
    }

    public static Task<Google.Rpc.Status> FailsWith<T>(StatusCode code, Func<AsyncUnaryCall<T>> call) =>
        FailsWith(code, async () => await call());

    /// <summary>The BadRequest field paths of an INVALID_ARGUMENT status.</summary>
    public static IReadOnlyList<string> ViolatedFields(Google.Rpc.Status status)
    {
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return [.. badRequest.FieldViolations.Select(v => v.Field)];
    }

    public static string Reason(Google.Rpc.Status status) => status.GetDetail<ErrorInfo>()!.Type; // CommonProtos 2.0 names ErrorInfo.reason "Type"

    public static string ResourceName(Google.Rpc.Status status)
    {
        var info = status.GetDetail<ResourceInfo>();
        Assert.NotNull(info);
        return info.ResourceName;
    }
}
