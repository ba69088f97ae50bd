using Grpc.AspNetCore.Server.Calls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>
/// Builds the endpoints of a service at startup, one per method, and records the service name so unmatched
/// calls to it get "Method is unimplemented" (see <see cref="UnimplementedCallStartupFilter"/>).
/// </summary>
internal sealed class GrpcServiceEndpointMapper(
    IServiceProvider services,
    IOptions<GrpcServiceOptions> globalOptions,
    KnownGrpcServices knownServices,
    ILoggerFactory loggerFactory)
{
    private static readonly string[] PostOnly = ["POST"];

    public GrpcServiceEndpointConventionBuilder Map<TService>(IEndpointRouteBuilder builder)
        where TService : class
    {
        var serviceOptions = services.GetRequiredService<IOptions<GrpcServiceOptions<TService>>>().Value;
        var options = MethodOptions.Create(globalOptions.Value, serviceOptions);
        var binder = new ServiceMethodBinder<TService>(
            options,
            services.GetRequiredService<IGrpcServiceActivator<TService>>(),
            loggerFactory.CreateLogger("Grpc.AspNetCore.Server.ServerCallHandler"));

        var bindMethod = BindServiceMethodFinder.Find(typeof(TService));
        bindMethod.Invoke(null, [binder, null]);

        var methodEndpoints = new List<IEndpointConventionBuilder>(binder.Methods.Count);
        var serviceNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bound in binder.Methods)
        {
            var endpoint = builder.MapMethods(bound.Method.FullName, PostOnly, bound.RequestDelegate)
                .WithMetadata(new GrpcMethodMetadata(typeof(TService), bound.Method))
                .WithDisplayName($"gRPC - {bound.Method.FullName}");
            methodEndpoints.Add(endpoint);
            serviceNames.Add(bound.Method.ServiceName);
        }

        foreach (var serviceName in serviceNames)
        {
            knownServices.Add(serviceName);
        }

        return new GrpcServiceEndpointConventionBuilder(methodEndpoints);
    }
}
