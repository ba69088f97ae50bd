using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Khcn service gets, in one place (eShop's ServiceDefaults): the gRPC server,
/// gRPC health checks, server reflection, the shared cache and OpenTelemetry over OTLP.
/// </summary>
public static class Extensions
{
    /// <summary>Tag of the health checks that only say the process is alive.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Domain code throws ApiException; the interceptor turns it into AIP-193 errors for every call kind.
        builder.Services.AddGrpc(options => options.Interceptors.Add<ApiExceptionInterceptor>());
        builder.AddDefaultHealthChecks();

        // Reflection lets grpcurl and other government systems discover the v1 contracts
        // without a copy of our .proto files.
        builder.Services.AddGrpcReflection();

        // The suite's shared cache: Redis when ConnectionStrings:cache is set (the Aspire
        // convention), process memory otherwise. A dead Redis degrades health, never a request.
        builder.Services.AddKhcnCache(builder.Configuration);

        // Traces, metrics and logs over OTLP when the AppHost (or anyone) sets an endpoint; off otherwise.
        builder.AddTelemetry();

        return builder;
    }

    /// <summary>
    /// gRPC health (grpc.health.v1.Health) answers from the ASP.NET Core health checks; the
    /// empty service name reports the whole server. Services add their own checks
    /// (database, downstream services) to the same builder.
    /// </summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpcHealthChecks()
            .AddCheck("self", static () => HealthCheckResult.Healthy(), [LiveTag]);

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        return app;
    }
}
