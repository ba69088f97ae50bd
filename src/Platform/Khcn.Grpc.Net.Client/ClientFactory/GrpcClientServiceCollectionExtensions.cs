using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gRPC clients, in the spirit of Grpc.Net.ClientFactory.</summary>
public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TClient"/> under the name <c>typeof(TClient).Name</c>.</summary>
    public static IGrpcClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, Action<GrpcClientFactoryOptions>? configureClient = null)
        where TClient : class =>
        services.AddGrpcClient<TClient>(typeof(TClient).Name, configureClient);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a transient service calling through the channel named <paramref name="name"/>.
    /// Clients are cheap; the channel (one SocketsHttpHandler) is shared by every client with this name.
    /// Without <see cref="GrpcClientFactoryOptions.Address"/>, the address comes from configuration
    /// <c>services:{name}:https:0</c> or <c>services:{name}:http:0</c>.
    /// </summary>
    public static IGrpcClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, string name, Action<GrpcClientFactoryOptions>? configureClient = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);

        services.AddOptions();
        services.TryAddSingleton<GrpcChannelRegistry>();
        services.TryAddSingleton<GrpcClientFactory, DefaultGrpcClientFactory>();
        services.TryAddTransient(provider => provider.GetRequiredService<GrpcClientFactory>().CreateClient<TClient>(name));
        if (configureClient is not null)
        {
            services.Configure(name, configureClient);
        }

        return new GrpcClientBuilder(name, services);
    }
}
