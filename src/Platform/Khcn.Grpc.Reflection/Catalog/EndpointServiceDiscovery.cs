using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Endpoints;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grpc.Reflection.Catalog;

/// <summary>
/// Finds the protobuf descriptors of the services mapped with <c>MapGrpcService</c>: each gRPC endpoint
/// carries <see cref="GrpcMethodMetadata"/>; the service type's generated base class names (through
/// <see cref="BindServiceMethodAttribute"/>) the generated static class whose <c>Descriptor</c> property
/// is the <see cref="ServiceDescriptor"/>.
/// </summary>
internal static class EndpointServiceDiscovery
{
    private const string DescriptorPropertyName = "Descriptor";

    public static IReadOnlyList<ServiceDescriptor> FindServices(EndpointDataSource endpointDataSource)
    {
        var serviceTypes = new List<Type>();
        foreach (var endpoint in endpointDataSource.Endpoints)
        {
            var metadata = endpoint.Metadata.GetMetadata<GrpcMethodMetadata>();
            if (metadata is not null && !serviceTypes.Contains(metadata.ServiceType))
            {
                serviceTypes.Add(metadata.ServiceType);
            }
        }

        var services = new List<ServiceDescriptor>();
        foreach (var serviceType in serviceTypes)
        {
            // Services without protobuf descriptors (hand-written marshallers) cannot be described; skip them.
            if (FindDescriptor(serviceType) is { } descriptor && !services.Exists(s => s.FullName == descriptor.FullName))
            {
                services.Add(descriptor);
            }
        }

        return services;
    }

    private static ServiceDescriptor? FindDescriptor(Type serviceType) =>
        BindServiceMethodFinder.FindGeneratedBase(serviceType) is var (_, attribute)
            ? attribute.BindType.GetProperty(DescriptorPropertyName, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor
            : null;
}
