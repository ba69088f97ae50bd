using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The middleware that gives hosting's request span its name and attributes, and keeps health probes
/// (<see cref="HealthEndpoints.ReadinessPath"/>, <see cref="HealthEndpoints.LivenessPath"/>, gRPC health) out of the traces:
/// Kubernetes and the AppHost ask every few seconds, and each request would otherwise be a trace of its own.
/// </summary>
internal static class HttpServerSpanEnricher
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // Hosting's own activity, even if a middleware before this one has made another current.
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { OperationName: HttpServerSpan.HostingOperationName, IsAllDataRequested: true } activity)
        {
            await next(context);
            return;
        }

        if (HealthEndpoints.IsProbePath(context.Request.Path))
        {
            HttpServerSpan.Unrecord(activity);
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            HttpServerSpan.Describe(activity, context, exception);
            throw;
        }

        HttpServerSpan.Describe(activity, context, exception: null);
    }
}
