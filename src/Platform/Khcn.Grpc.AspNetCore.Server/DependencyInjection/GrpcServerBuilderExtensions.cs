using Grpc.AspNetCore.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configuration on the builder returned by <c>AddGrpc</c>.</summary>
public static class GrpcServerBuilderExtensions
{
    /// <summary>Configures options for one service type; unset values fall back to the global options.</summary>
    public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder grpcBuilder, Action<GrpcServiceOptions<TService>> configure)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(grpcBuilder);
        ArgumentNullException.ThrowIfNull(configure);
        grpcBuilder.Services.Configure(configure);
        return grpcBuilder;
    }
}
