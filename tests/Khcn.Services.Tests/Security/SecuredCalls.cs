using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Khcn.Services.Tests.Security;

/// <summary>Call options with (or without) a bearer token, and the ErrorInfo of a refused call.</summary>
public static class SecuredCalls
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static CallOptions Anonymous => new(deadline: DateTime.UtcNow + CallTimeout);

    public static CallOptions WithToken(string token) =>
        new(headers: new Metadata { { "authorization", "Bearer " + token } }, deadline: DateTime.UtcNow + CallTimeout);

    public static ErrorInfo ErrorInfoOf(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new InvalidOperationException($"No ErrorInfo in {error.Status}.");

    /// <summary>The refusal of <paramref name="call"/>: <paramref name="code"/> with ErrorInfo in the Khcn domain.</summary>
    public static async Task<ErrorInfo> RefusedAsync<T>(StatusCode code, Func<AsyncUnaryCall<T>> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);
        Assert.Equal(code, error.StatusCode);
        var info = ErrorInfoOf(error);
        Assert.Equal("khcn.gov.vn", info.Domain);
        return info;
    }
}
