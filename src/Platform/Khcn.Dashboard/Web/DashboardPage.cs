using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Khcn.Dashboard.Web;

/// <summary>Serves the page (Web/wwwroot, embedded in the assembly): GET / is index.html, every other file by its path.</summary>
internal static class DashboardPage
{
    // All script lives in app.js and all style in app.css, so nothing inline is allowed: text the telemetry carries
    // (span names, log messages) can never run as script even if a rendering bug put it into markup.
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    internal static WebApplication MapDashboardPage(this WebApplication app)
    {
        foreach (var asset in EmbeddedAssets.Load(typeof(DashboardPage).Assembly))
        {
            app.MapGet(asset.Path, (HttpContext context) => ServeAsync(context, asset));
            if (asset.Path == "/index.html")
            {
                app.MapGet("/", (HttpContext context) => ServeAsync(context, asset));
            }
        }

        return app;
    }

    private static Task ServeAsync(HttpContext context, EmbeddedAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentType = asset.ContentType;
        // The AppHost is rebuilt often and the page is tiny: always revalidate rather than run a stale app.js.
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentLength = asset.Content.Length;
        return context.Response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }
}
