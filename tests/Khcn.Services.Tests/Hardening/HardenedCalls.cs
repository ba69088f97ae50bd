using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Services.Tests.Security;

namespace Khcn.Services.Tests.Hardening;

/// <summary>Deadlines and the details of refused calls, for the hardening tests.</summary>
public static class HardenedCalls
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static DateTime Deadline => DateTime.UtcNow + CallTimeout;

    public static string ReasonOf(RpcException error) => SecuredCalls.ErrorInfoOf(error).Type;

    public static BadRequest.Types.FieldViolation ViolationOn(RpcException error, string field) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.SingleOrDefault(v => v.Field == field)
        ?? throw new InvalidOperationException($"No BadRequest violation on '{field}' in {error.Status}.");
}
