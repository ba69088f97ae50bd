using Grpc.Core;
using Khcn.ServiceDefaults.Security;

namespace Khcn.ServiceDefaults.Hardening.RateLimiting;

/// <summary>
/// Whose bucket a call draws from: the authenticated caller (a bearer token's client and subject, or the system a
/// client certificate names, which authentication turns into a caller too), else, with authentication off, the remote
/// address. Prefixed, so a caller can never collide with an address.
/// </summary>
internal static class CallerPartitionKey
{
    public static string Of(ServerCallContext context, ICallerContext callerContext) =>
        callerContext.Current is { } caller
            ? $"caller:{caller.ClientId}/{caller.Subject}"
            : $"address:{context.GetHttpContext().Connection.RemoteIpAddress}";
}
