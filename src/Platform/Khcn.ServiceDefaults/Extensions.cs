using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Khcn service gets, in one place (eShop's ServiceDefaults): the gRPC server,
/// gRPC health checks and server reflection. Later: telemetry and Redis.
/// </summary>
public static class Extensions
{
    /// <summary>Tag of the health checks that only say the process is alive.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddGrpc();
        builder.AddDefaultHealthChecks();

        // Reflection lets grpcurl and other government systems discover the v1 contracts
        // without a copy of our .proto files.
        builder.Services.AddGrpcReflection();

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
