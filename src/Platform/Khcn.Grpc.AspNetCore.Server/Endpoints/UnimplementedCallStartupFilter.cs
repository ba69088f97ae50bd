using Grpc.AspNetCore.Server.Calls;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>
/// Answers gRPC calls that matched no endpoint with UNIMPLEMENTED, at the very end of the pipeline.
/// Done here rather than with catch-all routes such as <c>{service}/{method}</c>: those would be routing
/// candidates for every real gRPC call and cost route-value captures on the hot path.
/// </summary>
internal sealed class UnimplementedCallStartupFilter(KnownGrpcServices knownServices, IOptions<GrpcServiceOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(HandleUnmatchedAsync);
    };

    private Task HandleUnmatchedAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !GrpcProtocolConstants.IsGrpcContentType(request.ContentType)
            || !TryGetServiceName(request.Path.Value, out var serviceName))
        {
            // Not a gRPC call: keep the default 404 of an unmatched request.
            return NotFound(httpContext);
        }

        if (knownServices.Contains(serviceName))
        {
            return UnimplementedCallHandler.MethodUnimplementedAsync(httpContext);
        }

        if (options.Value.IgnoreUnknownServices == true)
        {
            return NotFound(httpContext);
        }

        return UnimplementedCallHandler.ServiceUnimplementedAsync(httpContext);
    }

    private static Task NotFound(HttpContext httpContext)
    {
        if (!httpContext.Response.HasStarted)
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Task.CompletedTask;
    }

    /// <summary>Extracts "pkg.Service" from "/pkg.Service/Method"; false for any other path shape.</summary>
    private static bool TryGetServiceName(string? path, out ReadOnlySpan<char> serviceName)
    {
        serviceName = default;
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return false;
        }

        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest[(slash + 1)..].Contains('/'))
        {
            return false;
        }

        serviceName = rest[..slash];
        return true;
    }
}
