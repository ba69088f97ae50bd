using Grpc.Reflection;
using Grpc.Reflection.Catalog;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gRPC server reflection.</summary>
public static class GrpcReflectionServiceExtensions
{
    /// <summary>
    /// Adds the v1 and v1alpha reflection services. They describe every service mapped with
    /// <c>MapGrpcService</c>, themselves included, as found on the endpoints when the first reflection
    /// call arrives (by then every endpoint is mapped).
    /// </summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(static provider =>
            new DescriptorCatalog(EndpointServiceDiscovery.FindServices(provider.GetRequiredService<EndpointDataSource>())));
        services.TryAddSingleton(static provider => new ReflectionServiceImpl(provider.GetRequiredService<DescriptorCatalog>()));
        services.TryAddSingleton(static provider => new ReflectionServiceImplV1(provider.GetRequiredService<DescriptorCatalog>()));
        return services;
    }
}
