using Khcn.ServiceDefaults.Hardening;
using Khcn.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Khcn service gets, in one place (eShop's ServiceDefaults): the gRPC server with its limits,
/// authentication, gRPC and HTTP health checks, server reflection, the shared cache and OpenTelemetry over OTLP.
/// </summary>
public static class Extensions
{
    /// <summary>Configuration switch for server reflection; on unless set to false (e.g. in production).</summary>
    public const string ReflectionEnabledKey = "Reflection:Enabled";

    /// <summary>Tag of the health checks that only say the process is alive.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Domain code throws ApiException; the interceptor turns it into AIP-193 errors for every call kind.
        builder.Services.AddGrpc(options => options.Interceptors.Add<ApiExceptionInterceptor>());
        // Bearer tokens and scopes on every call but health and reflection, when Authentication:Jwt names issuers.
        builder.AddCallerAuthentication();
        // TLS is Kestrel's own (an https URL and Kestrel:Certificates); this adds the optional client certificates.
        builder.AddTransportSecurity();
        // After authentication (rate limits are per caller): message sizes, request stream length, Kestrel's
        // connection limits and, when RateLimiting:PermitsPerSecond is set, a token bucket per caller.
        builder.AddHardening();
        builder.AddDefaultHealthChecks();
        // After AddGrpc: the health listener's Kestrel defaults replace the gRPC server's.
        builder.AddHealthListener();

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

    /// <summary>
    /// gRPC health and reflection (unless <see cref="ReflectionEnabledKey"/> is false), and the HTTP health endpoints
    /// (<see cref="HealthEndpoints.ReadinessPath"/>, <see cref="HealthEndpoints.LivenessPath"/>): JSON, <c>Cache-Control: no-store</c>, on every port.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapGrpcHealthChecksService();
        if (app.Configuration.GetValue(ReflectionEnabledKey, defaultValue: true))
        {
            app.MapGrpcReflectionService();
        }

        // The middleware's default status codes are the ones wanted: 200 for Healthy and for Degraded (Redis down, the
        // cache serving from memory: requests are still served, and the body says Degraded), 503 for Unhealthy.
        static HealthCheckOptions HealthEndpoint(Func<HealthCheckRegistration, bool>? predicate) => new()
        {
            Predicate = predicate,
            ResponseWriter = HealthReportJson.WriteAsync,
        };

        app.MapHealthChecks(HealthEndpoints.ReadinessPath, HealthEndpoint(predicate: null));
        app.MapHealthChecks(HealthEndpoints.LivenessPath, HealthEndpoint(registration => registration.Tags.Contains(LiveTag)));

        return app;
    }
}
