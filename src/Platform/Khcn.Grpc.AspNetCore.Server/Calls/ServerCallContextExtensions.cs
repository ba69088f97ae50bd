using Grpc.AspNetCore.Server.Calls;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

/// <summary>ASP.NET Core specific access to a server call, as in the official Grpc.AspNetCore.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The <see cref="HttpContext"/> of the request carrying the call.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext)
    {
        ArgumentNullException.ThrowIfNull(serverCallContext);
        return serverCallContext is HttpContextServerCallContext httpContextServerCallContext
            ? httpContextServerCallContext.HttpContext
            : throw new InvalidOperationException("Could not get HttpContext from ServerCallContext: the context was not created by this server.");
    }
}
