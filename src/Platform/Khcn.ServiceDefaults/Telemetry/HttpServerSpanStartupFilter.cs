using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Puts <see cref="HttpServerSpanEnricher"/> in front of every service's pipeline without touching its Program.cs.</summary>
internal sealed class HttpServerSpanStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(HttpServerSpanEnricher.InvokeAsync);
        next(app);
    };
}
