using Grpc.Core;

namespace Grpc.AspNetCore.Server;

/// <summary>Endpoint metadata attached to every gRPC method endpoint: the service type and the method.</summary>
public sealed class GrpcMethodMetadata
{
    /// <summary>Creates metadata for one method endpoint.</summary>
    public GrpcMethodMetadata(Type serviceType, IMethod method)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentNullException.ThrowIfNull(method);
        ServiceType = serviceType;
        Method = method;
    }

    /// <summary>The implementation type passed to <c>MapGrpcService&lt;TService&gt;</c>.</summary>
    public Type ServiceType { get; }

    /// <summary>The gRPC method served by the endpoint.</summary>
    public IMethod Method { get; }
}
