using Grpc.Reflection;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC server reflection.</summary>
public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>grpc.reflection.v1.ServerReflection</c> and <c>grpc.reflection.v1alpha.ServerReflection</c>.
    /// Conventions added to the returned builder (authorization, CORS, ...) apply to both.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new GrpcServiceEndpointConventionBuilder(
        [
            builder.MapGrpcService<ReflectionServiceImplV1>(),
            builder.MapGrpcService<ReflectionServiceImpl>(),
        ]);
    }
}
