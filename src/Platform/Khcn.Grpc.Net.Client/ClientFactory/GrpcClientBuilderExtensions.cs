using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.ClientFactory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configuration of a registered gRPC client.</summary>
public static class GrpcClientBuilderExtensions
{
    /// <summary>
    /// Adds an interceptor resolved from the container (or constructed with its dependencies when not registered).
    /// Interceptors run in the order they are added. One instance is created per channel.
    /// </summary>
    public static IGrpcClientBuilder AddInterceptor<TInterceptor>(this IGrpcClientBuilder builder)
        where TInterceptor : Interceptor =>
        builder.AddInterceptor(static services => services.GetService<TInterceptor>() ?? ActivatorUtilities.CreateInstance<TInterceptor>(services));

    /// <summary>Adds an interceptor created by <paramref name="factory"/>.</summary>
    public static IGrpcClientBuilder AddInterceptor(this IGrpcClientBuilder builder, Func<IServiceProvider, Interceptor> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Configure<GrpcClientFactoryOptions>(builder.Name, options => options.Interceptors.Add(factory));
        return builder;
    }

    /// <summary>Configures the client's channel options (limits, compression, retries via ServiceConfig, ...).</summary>
    public static IGrpcClientBuilder ConfigureChannel(this IGrpcClientBuilder builder, Action<GrpcChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<GrpcClientFactoryOptions>(builder.Name, options => options.ChannelOptionsActions.Add(configure));
        return builder;
    }

    /// <summary>Configures the client's channel options using application services.</summary>
    public static IGrpcClientBuilder ConfigureChannel(this IGrpcClientBuilder builder, Action<IServiceProvider, GrpcChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<GrpcClientFactoryOptions>(builder.Name, options => options.ServiceChannelOptionsActions.Add(configure));
        return builder;
    }
}
