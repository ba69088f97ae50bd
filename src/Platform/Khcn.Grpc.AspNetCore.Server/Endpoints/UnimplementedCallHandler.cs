using Grpc.AspNetCore.Server.Calls;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>Answers calls to unknown services or methods with a Trailers-Only UNIMPLEMENTED response (HTTP 200).</summary>
internal static class UnimplementedCallHandler
{
    public static Task ServiceUnimplementedAsync(HttpContext httpContext)
        => RespondAsync(httpContext, "Service is unimplemented.");

    public static Task MethodUnimplementedAsync(HttpContext httpContext)
        => RespondAsync(httpContext, "Method is unimplemented.");

    private static Task RespondAsync(HttpContext httpContext, string message)
    {
        if (!GrpcRequestValidator.TryValidate(httpContext))
        {
            return Task.CompletedTask;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        response.Headers[GrpcProtocolConstants.StatusTrailer] = StatusCodeStrings.Get(StatusCode.Unimplemented);
        response.Headers[GrpcProtocolConstants.MessageTrailer] = message;
        return Task.CompletedTask;
    }
}
