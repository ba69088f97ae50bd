using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// On a health port only the health paths answer; everything else (gRPC methods, reflection) is 404 there, so the
/// probe port exposes no API. First in the pipeline, before routing picks an endpoint.
/// </summary>
internal sealed class HealthPortGate(HealthListener listener) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (listener.Ports.Contains(context.Connection.LocalPort) && !HealthEndpoints.IsHealthPath(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
