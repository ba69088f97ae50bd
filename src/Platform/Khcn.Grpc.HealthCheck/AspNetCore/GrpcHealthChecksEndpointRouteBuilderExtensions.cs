using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the gRPC health service registered by <c>AddGrpcHealthChecks</c>.</summary>
public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>grpc.health.v1.Health</c> (Check and Watch).</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.MapGrpcService<HealthServiceIntegration>();
    }
}
