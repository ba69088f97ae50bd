using Grpc.AspNetCore.HealthChecks;
using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC health service bridged to ASP.NET Core health checks.</summary>
public static class GrpcHealthChecksServiceCollectionExtensions
{
    /// <summary>Adds the gRPC health service with the server as a whole ("") mapped to every health check.</summary>
    /// <returns>The health checks builder, to add the checks that decide the status.</returns>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services) =>
        services.AddGrpcHealthChecks(static _ => { });

    /// <summary>Adds the gRPC health service and configures which health checks decide which service name.</summary>
    /// <returns>The health checks builder, to add the checks that decide the status.</returns>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // The default overall mapping is configured first so that callers can remove or replace it.
        services.AddOptions<GrpcHealthChecksOptions>().Configure(static options => options.Services.Map(string.Empty, static _ => true));
        services.Configure(configure);

        services.TryAddSingleton<HealthServiceImpl>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, GrpcHealthChecksPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GrpcHealthChecksShutdownHandler>());

        return services.AddHealthChecks();
    }
}
