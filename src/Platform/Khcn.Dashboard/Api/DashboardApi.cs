using Khcn.Dashboard.Resources;
using Khcn.Dashboard.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Khcn.Dashboard.Api;

/// <summary>The JSON the page reads: the AppHost's resources and their console, and the telemetry store.</summary>
internal static class DashboardApi
{
    private const int DefaultTraceLimit = 100;

    private const int DefaultLogLimit = 500;

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/resources", (IResourceCatalog resources) => Results.Ok(resources.Snapshot()));

        api.MapGet("/resources/{name}/console", (string name, string? after, IResourceCatalog resources) =>
        {
            var (afterSequence, error) = ApiQuery.After(after);
            if (error is not null)
            {
                return Results.BadRequest(error);
            }
            return resources.ConsoleLines(name, afterSequence) is { } lines
                ? Results.Ok(new ConsoleView(name, lines))
                : Results.NotFound(new ApiError($"No resource named '{name}'.", "name"));
        });

        api.MapGet("/services", (TelemetryStore store) => Results.Ok(store.Services()));

        api.MapGet("/traces", (string? service, string? search, string? limit, TelemetryStore store) =>
        {
            var (count, error) = ApiQuery.Limit(limit, DefaultTraceLimit);
            return error is null ? Results.Ok(store.Traces(service, search, count)) : Results.BadRequest(error);
        });

        api.MapGet("/traces/{traceId}", (string traceId, TelemetryStore store) =>
            store.Trace(traceId) is { } trace
                ? Results.Ok(trace)
                : Results.NotFound(new ApiError($"No trace with id '{traceId}'.", "traceId")));

        api.MapGet("/logs", (string? service, string? level, string? traceId, string? search, string? after, string? limit,
            TelemetryStore store) =>
        {
            var (count, limitError) = ApiQuery.Limit(limit, DefaultLogLimit);
            var (minimumLevel, levelError) = ApiQuery.Level(level);
            var (afterSequence, afterError) = ApiQuery.After(after);
            if ((limitError ?? levelError ?? afterError) is { } error)
            {
                return Results.BadRequest(error);
            }
            return Results.Ok(store.Logs(new LogFilter(service, minimumLevel, traceId, search, afterSequence, count)));
        });

        api.MapGet("/metrics", (string? service, TelemetryStore store) => Results.Ok(store.Instruments(service)));

        api.MapGet("/metrics/series", (string? service, string? name, TelemetryStore store) =>
        {
            if (string.IsNullOrEmpty(service) || string.IsNullOrEmpty(name))
            {
                return Results.BadRequest(new ApiError("service and name are required.", string.IsNullOrEmpty(service) ? "service" : "name"));
            }
            return store.Series(service, name) is { } series
                ? Results.Ok(series)
                : Results.NotFound(new ApiError($"No metric '{name}' from service '{service}'.", "name"));
        });

        return app;
    }
}
