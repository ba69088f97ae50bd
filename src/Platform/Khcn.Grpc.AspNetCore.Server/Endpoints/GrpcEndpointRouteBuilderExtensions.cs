using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services onto endpoint routing.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> (a subclass of a Grpc.Tools generated
    /// <c>XxxBase</c>) to a POST endpoint at <c>/{package.Service}/{Method}</c>, each carrying
    /// <see cref="GrpcMethodMetadata"/>.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mapper = builder.ServiceProvider.GetService<GrpcServiceEndpointMapper>()
            ?? throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'services.AddGrpc()' in the application's service configuration.");
        return mapper.Map<TService>(builder);
    }
}
