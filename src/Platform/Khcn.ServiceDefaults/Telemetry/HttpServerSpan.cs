using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Names and describes ASP.NET Core hosting's request span (<see cref="HostingOperationName"/>) as the OpenTelemetry
/// HTTP server span conventions ask: no ASP.NET Core instrumentation package restores here, and hosting leaves the
/// span unnamed and bare.
/// </summary>
internal static class HttpServerSpan
{
    public const string HostingOperationName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    // Unknown methods are folded into one value so a scanner's invented verbs cannot explode span names.
    private const string OtherMethod = "_OTHER";
    private const string OtherMethodSpanName = "HTTP";

    private static readonly FrozenSet<string> KnownMethods = FrozenSet.Create(
        StringComparer.Ordinal, "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    /// <summary>
    /// Everything is read once the pipeline has run: the route is only known after routing, and middleware such as
    /// forwarded headers have then set the scheme and client address a proxy saw.
    /// </summary>
    public static void Describe(Activity activity, HttpContext context, Exception? exception)
    {
        var request = context.Request;
        var method = KnownMethods.Contains(request.Method) ? request.Method : OtherMethod;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;

        activity.DisplayName = method == OtherMethod ? OtherMethodSpanName
            : string.IsNullOrEmpty(route) ? method
            : $"{method} {route}";

        activity.SetTag("http.request.method", method);
        if (method == OtherMethod)
        {
            activity.SetTag("http.request.method_original", request.Method);
        }

        activity.SetTag("http.route", string.IsNullOrEmpty(route) ? null : route);
        activity.SetTag("url.path", (request.PathBase + request.Path).Value);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("network.protocol.version", ProtocolVersion(request.Protocol));
        activity.SetTag("server.address", request.Host.Host);
        activity.SetTag("server.port", request.Host.Port ?? context.Connection.LocalPort);
        activity.SetTag("client.address", context.Connection.RemoteIpAddress?.ToString());
        if (request.Headers.UserAgent is { Count: > 0 } userAgent)
        {
            activity.SetTag("user_agent.original", userAgent.ToString());
        }

        if (exception is not null)
        {
            // The response status is not final yet: the server answers 500 only after the exception leaves the pipeline.
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
            return;
        }

        var statusCode = context.Response.StatusCode;
        activity.SetTag("http.response.status_code", statusCode);
        // A 4xx is the client's failure, not the server's: the server span's status stays unset for it.
        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            activity.SetTag("error.type", statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// Drops the span and everything under it: the SDK exports only spans whose IsAllDataRequested is still set when
    /// they stop, and the parent-based sampler samples no child of a parent without the Recorded flag.
    /// </summary>
    public static void Unrecord(Activity activity)
    {
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = false;
    }

    // "HTTP/2" → "2", "HTTP/1.1" → "1.1": the convention wants the version alone.
    private static string ProtocolVersion(string protocol) =>
        protocol.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) ? protocol["HTTP/".Length..] : protocol;
}
