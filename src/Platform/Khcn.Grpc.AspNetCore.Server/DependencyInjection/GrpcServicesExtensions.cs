using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Endpoints;
using Grpc.AspNetCore.Server.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server.</summary>
public static class GrpcServicesExtensions
{
    /// <summary>Adds the services needed to host gRPC services with <c>MapGrpcService&lt;TService&gt;</c>.</summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions();
        services.TryAddSingleton<GrpcServiceEndpointMapper>();
        services.TryAddSingleton<KnownGrpcServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter, UnimplementedCallStartupFilter>());
        services.TryAddSingleton(typeof(IGrpcServiceActivator<>), typeof(DefaultGrpcServiceActivator<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<GrpcServiceOptions>, GrpcServiceOptionsDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KestrelHttp2Defaults>());
        if (configureOptions is not null)
        {
            services.Configure(configureOptions);
        }

        return new GrpcServerBuilder(services);
    }
}
